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
    assertEquals(Set.of("query", "total", "tookMicros", "results", "didYouMean", "facets"), fieldNames(root));
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
      assertEquals(List.of("glossary: Invalid value for parameter 'PREFIX': '" + blank + "' is blank",
          "Try 'glossary suggest --help'."), lines);
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
    assertTrue(root.get("failures").isArray());
    assertEquals(Set.of("alias", "typo"), fieldNames(root.get("kinds")));
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
      for (String command : new String[] {"search", "suggest", "validate", "import", "eval", "reindex", "synth", "help"}) {
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
    assertTrue(r.err().contains("Try 'glossary suggest --help'."), r.err());
  }

  @Test
  void unknownCommand_exits2() {
    Run r = run("frobnicate");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("frobnicate"), r.err());
  }
}
