package io.azureglossary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line tool as a user runs it: output contracts and exit codes. */
class CliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = GlossaryCli.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void searchJson_keepsTheContract() throws Exception {
    Run r = run("search", "--json", "self-hosted IR offline");
    assertEquals(0, r.code(), r.err());
    JsonNode root = JSON.readTree(r.out());
    assertEquals(Set.of("query", "total", "tookMicros", "results", "didYouMean", "matching", "relaxed", "truncated", "facets"),
        fieldNames(root));
    assertTrue(root.get("matching").isTextual());
    assertTrue(root.get("relaxed").isBoolean());
    assertEquals("self-hosted IR offline", root.get("query").asText());
    assertTrue(root.get("didYouMean").isNull());
    JsonNode first = root.get("results").get(0);
    assertEquals("integration-runtime", first.get("id").asText());
    assertEquals(Set.of("id", "name", "service", "category", "difficulty", "score", "highlights"), fieldNames(first));
    assertTrue(first.get("score").isFloatingPointNumber());
    JsonNode h = first.get("highlights").get(0);
    assertEquals(Set.of("section", "text"), fieldNames(h));
    assertTrue(h.get("text").asText().contains("<mark>"));
    assertTrue(root.get("facets").get("category").get("Analytics").asInt() >= 1);
    assertTrue(root.get("total").asInt() >= root.get("results").size());
  }

  @Test
  void search_readsTheLastWordAsUnfinished_unlessWholeWords() throws Exception {
    JsonNode typing = JSON.readTree(run("search", "--json", "--limit", "1", "vnet", "integ").out());
    assertEquals("vnet-integration", typing.get("results").get(0).get("id").asText());
    assertTrue(typing.get("didYouMean").isNull());
    JsonNode whole = JSON.readTree(run("search", "--json", "--limit", "1", "--whole-words", "vnet", "integ").out());
    assertFalse(whole.get("didYouMean").isNull(), "a whole word that no term has is corrected");
  }

  @Test
  void searchJson_reportsDidYouMean() throws Exception {
    JsonNode root = JSON.readTree(run("search", "--json", "--limit", "1", "virtal netwrok").out());
    assertEquals("virtual network", root.get("didYouMean").asText());
    assertEquals(1, root.get("results").size());
  }

  @Test
  void searchText_isReadable() {
    Run r = run("search", "--limit", "2", "SHIR");
    assertEquals(0, r.code());
    assertTrue(r.out().contains(" 1. Integration runtime  [integration-runtime]"), r.out());
    assertFalse(r.out().contains("<mark>"));
  }

  @Test
  void searchWithBadInput_isOneLineErrorAndExit2() {
    Run r = run("search", "x".repeat(2000));
    assertEquals(2, r.code());
    assertEquals("glossary: query is too long: 2000 characters (the limit is 1000)", r.err().strip());
    Run bad = run("search", "--difficulty", "expert", "vm");
    assertEquals(2, bad.code());
    assertTrue(bad.err().startsWith("glossary: unknown difficulty 'expert'"), bad.err());
  }

  /** The bundled glossary's services, as the error lists them. */
  private static String bundledServices() {
    return String.join(", ", io.azureglossary.corpus.Corpus.bundled().terms().stream()
        .map(io.azureglossary.model.Term::service).distinct().sorted(String.CASE_INSENSITIVE_ORDER).toList());
  }

  @Test
  void search_unknownCategoryOrService_usageErrorListingTheValidValues_bothParsers() {
    String categories = String.join(", ", io.azureglossary.model.Term.CATEGORIES);
    // the plain-argument fast path, then picocli (--name=value is left to it)
    for (String[] args : new String[][] {{"search", "--category", "Nope", "vnet"}, {"search", "--category=Nope", "vnet"}}) {
      Run r = run(args);
      assertEquals(2, r.code(), String.join(" ", args));
      assertEquals("", r.out());
      assertEquals("glossary: unknown category 'Nope' (expected one of " + categories + ")\n", r.err());
    }
    for (String[] args : new String[][] {{"search", "--service", "nope", "vnet"}, {"search", "--service=nope", "vnet"}}) {
      Run r = run(args);
      assertEquals(2, r.code(), String.join(" ", args));
      assertEquals("", r.out());
      assertEquals("glossary: unknown service 'nope' (expected one of " + bundledServices() + ")\n", r.err());
    }
  }

  @Test
  void search_unknownService_listsTheServicesOfTheCorpusSearched(@TempDir Path dir) throws Exception {
    io.azureglossary.corpus.Corpus bundled = io.azureglossary.corpus.Corpus.bundled();
    io.azureglossary.synth.SyntheticCorpus.write(List.of(bundled.term("virtual-network").orElseThrow(),
        bundled.term("key-vault").orElseThrow()), dir);
    Run r = run("search", "--corpus", dir.toString(), "--service", "Data Factory", "IR");
    assertEquals(2, r.code(), r.err());
    assertEquals("glossary: unknown service 'Data Factory' (expected one of Azure Key Vault, Virtual Network)\n", r.err());
  }

  @Test
  void search_categoryAndServiceIgnoreCase() {
    Run r = run("search", "--service", "data factory", "--category", "ANALYTICS", "--limit", "1", "SHIR");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("[integration-runtime]"), r.out());
  }

  @Test
  void search_unknownScopeInTheQuery_usageErrorListingTheValidValues() {
    Run service = run("search", "service:nope vnet");
    assertEquals(2, service.code());
    assertEquals("glossary: unknown service 'nope' (expected one of " + bundledServices() + ")\n", service.err());
    Run category = run("search", "category:Nope", "vnet");
    assertEquals(2, category.code());
    assertEquals("glossary: unknown category 'Nope' (expected one of " + String.join(", ",
        io.azureglossary.model.Term.CATEGORIES) + ")\n", category.err());
  }

  @Test
  void suggestJson_listsCompletions() throws Exception {
    JsonNode root = JSON.readTree(run("suggest", "--json", "shi").out());
    assertEquals("shi", root.get("prefix").asText());
    boolean shir = false;
    for (JsonNode s : root.get("suggestions")) {
      shir |= s.get("text").asText().equals("SHIR") && s.get("id").asText().equals("integration-runtime");
    }
    assertTrue(shir, root.toString());
  }

  @Test
  void suggestText_exactAliasFirst_eachTermOnce() {
    Run r = run("suggest", "sas");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals("SAS  → Shared access signature", lines.get(0));
    assertEquals(lines.size(), lines.stream().map(l -> l.substring(l.indexOf('→') + 1).strip()).distinct().count(), r.out());
    assertEquals("Private Link service", run("suggest", "private link serv").out().lines().findFirst().orElseThrow());
  }

  @Test
  void suggest_blankPrefix_isAUsageError() {
    for (String blank : new String[] {"", "   "}) {
      Run r = run("suggest", blank);
      assertEquals(2, r.code(), "'" + blank + "'");
      assertEquals("", r.out());
      List<String> lines = r.err().lines().toList();
      assertEquals(List.of("glossary: Invalid value for parameter 'PREFIX': '" + blank + "' is blank"
          + " (try 'glossary suggest --help')"), lines);
    }
    assertEquals(2, run("suggest", "--json", "--limit", "5", " ").code());
  }

  @Test
  void validate_bundled_exits0() {
    Run r = run("validate");
    assertEquals(0, r.code());
    assertTrue(r.out().contains(", 0 errors,"), r.out());
  }

  @Test
  void validate_corpusWithErrors_printsEveryErrorAndExits1(@TempDir Path dir) throws Exception {
    Path terms = Files.createDirectories(dir.resolve("terms"));
    Files.writeString(terms.resolve("a.json"), "{\"id\": \"a\",\n \"nme\": 1}");
    Files.writeString(terms.resolve("b.json"), "{\"id\": \"b\"");
    Run r = run("validate", "--corpus", dir.toString());
    assertEquals(1, r.code());
    assertTrue(r.out().contains("terms/a.json:2:2: error: $.nme: unknown field 'nme'"), r.out());
    assertTrue(r.out().contains("terms/b.json:1:"), r.out());
    assertTrue(r.out().contains("terms/a.json:1:1: error: $.name: missing required field 'name'"), r.out());
  }

  @Test
  void evalJson_comparesEngineWithBaseline(@TempDir Path dir) throws Exception {
    Path q = dir.resolve("q.tsv");
    Files.writeString(q, "# test\nSHIR\tintegration-runtime\talias\nvirtal netwrok\tvirtual-network\ttypo\n");
    Run r = run("eval", "--json", "--queries", q.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode root = JSON.readTree(r.out());
    assertEquals(2, root.get("engine").get("queries").asInt());
    assertEquals(1.0, root.get("engine").get("mrr10").asDouble());
    assertEquals(Set.of("queries", "mrr10", "success1", "success3"), fieldNames(root.get("baseline")));
    assertEquals(Set.of("queries", "matching", "mrr10", "success1", "success3"), fieldNames(root.get("engine")));
    assertTrue(root.get("engine").get("matching").asDouble() >= 1, root.toString());
    assertTrue(root.get("failures").isArray());
    assertEquals(Set.of("alias", "typo"), fieldNames(root.get("kinds")));
    assertTrue(root.get("kinds").get("alias").get("engine").has("matching"), root.toString());
  }

  @Test
  void evalSuggestionsJson_keepsTheShape(@TempDir Path dir) throws Exception {
    Path p = dir.resolve("p.tsv");
    Files.writeString(p, "# test\nshi\tintegration-runtime\talias\nvirtual netw\tvirtual-network\tname\n"
        + "ke\tkey-vault\tname\n");
    Run r = run("eval", "--json", "--suggestions", p.toString());
    assertEquals(0, r.code(), r.err());
    assertSuggestionReport(JSON.readTree(r.out()), 3);
  }

  private static void assertSuggestionReport(JsonNode root, int prefixes) {
    assertEquals(Set.of("engine", "baseline", "kinds", "failures"), fieldNames(root));
    JsonNode engine = root.get("engine");
    assertEquals(Set.of("prefixes", "success1", "success5", "mrr5", "repeats"), fieldNames(engine));
    assertEquals(prefixes, engine.get("prefixes").asInt());
    assertTrue(engine.get("repeats").asInt() >= 0 && engine.get("repeats").asInt() <= prefixes, root.toString());
    assertEquals(Set.of("prefixes", "success1", "success5", "mrr5"), fieldNames(root.get("baseline")));
    assertEquals(Set.of("alias", "name"), fieldNames(root.get("kinds")));
    for (JsonNode scores : new JsonNode[] {engine, root.get("baseline"), root.get("kinds").get("name").get("engine"),
        root.get("kinds").get("name").get("baseline")}) {
      for (String k : new String[] {"success1", "success5", "mrr5"}) {
        double v = scores.get(k).asDouble();
        assertTrue(scores.get(k).isNumber() && v >= 0 && v <= 1, k + " = " + v + " in " + root);
      }
    }
    assertEquals(2, root.get("kinds").get("name").get("engine").get("prefixes").asInt());
    assertTrue(root.get("failures").isArray());
    for (JsonNode f : root.get("failures")) {
      assertEquals(Set.of("prefix", "kind", "expected", "rank", "top"), fieldNames(f));
      assertTrue(f.get("top").size() <= 3, f.toString());
    }
  }

  @Test
  void evalBothFilesJson_wrapsBothReports(@TempDir Path dir) throws Exception {
    Path q = Files.writeString(dir.resolve("q.tsv"), "SHIR\tintegration-runtime\talias\n");
    Path p = Files.writeString(dir.resolve("p.tsv"), "shi\tintegration-runtime\talias\nvn\tvirtual-network\tname\n"
        + "key vau\tkey-vault\tname\n");
    Run r = run("eval", "--json", "--queries", q.toString(), "--suggestions", p.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode root = JSON.readTree(r.out());
    assertEquals(Set.of("relevance", "suggestions"), fieldNames(root));
    assertEquals(1, root.get("relevance").get("engine").get("queries").asInt());
    assertSuggestionReport(root.get("suggestions"), 3);
  }

  @Test
  void evalBothFilesText_printsBothTables(@TempDir Path dir) throws Exception {
    Path q = Files.writeString(dir.resolve("q.tsv"), "SHIR\tintegration-runtime\talias\n");
    Path p = Files.writeString(dir.resolve("p.tsv"), "zzzzqx\tintegration-runtime\talias\n");
    Run r = run("eval", "--queries", q.toString(), "--suggestions", p.toString(), "--failures");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("| kind | queries | matching | engine MRR@10 |"), r.out());
    assertTrue(r.out().contains("\n| kind | prefixes | engine s@1 | engine s@5 | engine MRR@5 | repeats |"), r.out());
    assertTrue(r.out().contains("| **all** | 1 | 0.000 | 0.000 | 0.000 | 0 | 0.000 | 0.000 | 0.000 |"), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("alias      rank -    zzzzqx ")), r.out());
  }

  @Test
  void evalWithoutFiles_isOneLineUsageErrorAndExit2() {
    Run r = run("eval", "--json");
    assertEquals(2, r.code());
    assertEquals("glossary: eval needs --queries FILE, --suggestions FILE, or both", r.err().strip());
    assertEquals("", r.out());
  }

  private static Set<String> fieldNames(JsonNode n) {
    java.util.Set<String> s = new java.util.TreeSet<>();
    n.fieldNames().forEachRemaining(s::add);
    return s;
  }

  @Test
  void help_listsEveryCommand_andEachCommandHasItsOwnUsage() {
    // GlossaryCli registers only the subcommand named first (start time); help must still see all
    for (String[] args : new String[][] {{"--help"}, {}, {"help"}}) {
      Run r = run(args);
      String usage = args.length == 0 ? r.err() : r.out();
      for (String command : new String[] {"search", "suggest", "show", "validate", "import", "eval", "reindex", "synth", "help"}) {
        assertTrue(usage.contains("\n  " + command + " "), String.join(" ", args) + " lists " + command + ":\n" + usage);
      }
    }
    Run helpSearch = run("help", "search");
    assertEquals(0, helpSearch.code());
    assertTrue(helpSearch.out().startsWith("Usage: glossary search "), helpSearch.out());
    Run searchHelp = run("search", "--help");
    assertEquals(helpSearch.out(), searchHelp.out());
    assertEquals(0, run("--version").code());
    assertEquals("azure-glossary-search 0.1.0", run("--version").out().strip());
  }

  @Test
  void missingParameter_namesTheCommand() {
    Run r = run("suggest");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("glossary: Missing required parameter: 'PREFIX'"), r.err());
    assertTrue(r.err().contains("(try 'glossary suggest --help')"), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
  }

  @Test
  void search_wordsStartingWithADash_areExclusions_notOptions() {
    Run one = run("search", "-firewall vnet");
    assertEquals(0, one.code(), one.err());
    assertTrue(run("search", "vnet").out().contains("[virtual-network]"));
    assertFalse(one.out().contains("[virtual-network]"), "its text names firewalls: " + one.out());
    assertTrue(one.out().contains("[virtual-network-manager]"), one.out());
    Run two = run("search", "-public", "ip");
    assertEquals(0, two.code(), two.err());
    Run unknown = run("search", "--no-such-flag", "vnet");
    assertEquals(0, unknown.code(), "read as the query's words: " + unknown.err());
    assertEquals(0, run("suggest", "-vne").code());
  }

  @Test
  void mistypedCommand_oneLineNamingTheClosestCommand_exit2() {
    for (String[] args : new String[][] {{"serach", "vnet"}, {"serach"}, {"serach", "--json", "vnet"}}) {
      Run r = run(args);
      assertEquals(2, r.code(), String.join(" ", args));
      assertEquals("", r.out());
      assertEquals("glossary: unknown command 'serach' (did you mean 'search'?)\n", r.err());
    }
    assertEquals("glossary: unknown command 'sugest' (did you mean 'suggest'?)\n", run("sugest", "vn").err());
    assertEquals("glossary: unknown command 'Reindx' (did you mean 'reindex'?)\n", run("Reindx").err());
  }

  @Test
  void unknownCommand_farFromEveryCommand_listsThem() {
    Run r = run("frobnicate", "vnet");
    assertEquals(2, r.code());
    assertEquals("glossary: unknown command 'frobnicate' (expected one of search, suggest, show, validate, import, eval,"
        + " reindex, synth, serve, publish, export, help)\n", r.err());
  }

  @Test
  void unknownOptionOfTheTool_hintNamesTheToolOnce() {
    Run r = run("--bogus");
    assertEquals(2, r.code());
    assertTrue(r.err().endsWith(" (try 'glossary --help')\n"), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
  }
}
