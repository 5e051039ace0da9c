package io.azureglossary.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.azureglossary.analysis.GlossaryAnalysis;
import io.azureglossary.corpus.Corpus;
import io.azureglossary.index.Fields;
import io.azureglossary.model.CliCommand;
import io.azureglossary.model.Section;
import io.azureglossary.model.Term;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an OpenSearch cluster needs to search a corpus as this engine does, derived from the corpus
 * alone: index settings whose analyzers are the engine's chains (standard tokens, case-aware
 * acronyms, folding, possessives, the engine's stop words, KStem on prose; query-time
 * {@code synonym_graph} rules generated from every name and alias, one-way for everyday-word
 * acronyms), mappings with a field per section beside keyword fields for exact names, aliases and
 * filters, one document per term, and the stored search template ({@value #TEMPLATE_RESOURCE}) that
 * rebuilds the engine's query. Immutable.
 *
 * <pre>{@code
 * IndexDefinition def = IndexDefinition.of(Corpus.bundled());
 * def.export(Path.of("out"));   // index.json, search-template.json, bulk-0001.ndjson, ...
 * }</pre>
 */
public final class IndexDefinition {
  /** The search template's source, a class-path resource beside this class. */
  static final String TEMPLATE_RESOURCE = "search-template.mustache";
  /** Bumped whenever the settings, mappings or template change in a way an existing index cannot follow. */
  static final int FORMAT = 1;
  /** Documents per bulk request (and per exported NDJSON file): about 4 MB of the bundled glossary's terms. */
  static final int BULK_DOCS = 250;

  static final ObjectMapper JSON = new ObjectMapper();

  private final List<Term> terms;
  private final LocalAnalysis analysis;
  private final String fingerprint;
  private final ObjectNode settings;
  private final ObjectNode mappings;

  private IndexDefinition(List<Term> terms, Set<String> acronyms, String fingerprint) {
    this.terms = List.copyOf(terms);
    this.analysis = new LocalAnalysis(acronyms);
    this.fingerprint = fingerprint;
    this.settings = buildSettings();
    this.mappings = buildMappings();
  }

  /**
   * The definition of a corpus: its case-aware acronyms and synonym rules are derived here, as the
   * engine derives them.
   *
   * @param corpus the terms to publish
   * @return the definition
   */
  public static IndexDefinition of(Corpus corpus) {
    GlossaryAnalysis a = GlossaryAnalysis.forTerms(corpus.terms());
    return new IndexDefinition(corpus.terms(), a.ambiguousAcronyms(), a.fingerprint());
  }

  /** {@return the number of documents, one per term} */
  public int size() {
    return terms.size();
  }

  /** {@return the index settings: shards, replicas and the analysis (a copy)} */
  public ObjectNode settings() {
    return settings.deepCopy();
  }

  /** {@return the mappings: one field per section, keyword fields, and the analysis's parameters in {@code _meta} (a copy)} */
  public ObjectNode mappings() {
    return mappings.deepCopy();
  }

  /** {@return the body that creates the index: settings and mappings} */
  public ObjectNode createIndexBody() {
    ObjectNode body = JSON.createObjectNode();
    body.set("settings", settings());
    body.set("mappings", mappings());
    return body;
  }

  /** {@return the search template's mustache source} */
  public static String templateSource() {
    try (InputStream in = IndexDefinition.class.getResourceAsStream(TEMPLATE_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the resource " + TEMPLATE_RESOURCE + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@return the body that stores the search template: {@code PUT _scripts/ID}} */
  public static ObjectNode templateBody() {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode script = body.putObject("script");
    script.put("lang", "mustache");
    script.put("source", templateSource());
    return body;
  }

  /**
   * The stored template's id for an alias: one template per alias, versioned with the index format.
   *
   * @param alias the alias searches go through
   * @return the id, such as {@code glossary-search-v1}
   */
  public static String templateId(String alias) {
    return alias + "-search-v" + FORMAT;
  }

  /** {@return the synonym rules, as the settings hold them} */
  List<String> synonymRules() {
    return analysis.synonymRules(terms);
  }

  /** {@return the corpus's case-aware acronyms} */
  Set<String> acronyms() {
    return analysis.acronyms();
  }

  /**
   * The document of one term: the same fields as the in-process index, as JSON.
   *
   * @param t the term
   * @return its document
   */
  public static ObjectNode document(Term t) {
    ObjectNode d = JSON.createObjectNode();
    d.put(Fields.ID, t.id());
    d.put(Fields.NAME, t.name());
    d.put(Fields.NAME_TEXT, t.name());
    d.put(Fields.EXACT_NAME, GlossaryAnalysis.normalizeExact(t.name()));
    ArrayNode aliases = d.putArray(Fields.ALIAS_TEXT);
    ArrayNode exactAliases = d.putArray(Fields.EXACT_ALIAS);
    for (String a : t.aliases()) {
      aliases.add(a);
      exactAliases.add(GlossaryAnalysis.normalizeExact(a));
    }
    d.put(Fields.SERVICE, t.service());
    d.put(Fields.CATEGORY, t.category());
    d.put(Fields.DIFFICULTY, t.difficulty().label());
    d.put(Fields.SERVICE_TEXT, t.service());
    ArrayNode cli = d.putArray(Fields.CLI_PATH);
    for (CliCommand c : t.cli().commands()) {
      String path = c.path();
      cli.add(path.startsWith("az ") ? path.substring(3) : path);
    }
    StringBuilder body = new StringBuilder();
    for (Section s : Section.values()) {
      String text = s.textOf(t);
      if (text.isBlank()) {
        continue;
      }
      d.put(Fields.section(s), text);
      if (!body.isEmpty()) {
        body.append('\u2029');
      }
      body.append(text);
    }
    d.put(Fields.BODY, body.toString());
    d.put(Fields.SPELL, t.name() + "\n" + String.join("\n", t.aliases()) + "\n" + body);
    return d;
  }

  /** {@return the terms, in corpus order} */
  List<Term> terms() {
    return terms;
  }

  /**
   * The bulk request body for terms {@code from} to {@code to} (exclusive) of this corpus: an
   * {@code index} action per term, its id the term's id, into {@code index}.
   */
  String bulk(String index, int from, int to) {
    StringBuilder sb = new StringBuilder();
    try {
      for (int i = from; i < to; i++) {
        Term t = terms.get(i);
        ObjectNode action = JSON.createObjectNode();
        ObjectNode meta = action.putObject("index");
        if (index != null) {
          meta.put("_index", index);
        }
        meta.put("_id", t.id());
        sb.append(JSON.writeValueAsString(action)).append('\n');
        sb.append(JSON.writeValueAsString(document(t))).append('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sb.toString();
  }

  /**
   * Writes everything a team needs to load the glossary with its own tooling into {@code dir}
   * (created if missing): {@code index.json} (the create-index body: settings and mappings),
   * {@code settings.json}, {@code mappings.json}, {@code search-template.json} (the body of
   * {@code PUT _scripts/ID}), {@code search-template.mustache}, and {@code bulk-0001.ndjson} onwards
   * ({@value #BULK_DOCS} terms each, actions without an index name: post them to
   * {@code /INDEX/_bulk}). Each file is written whole or not at all.
   *
   * @param dir the folder to write into
   * @return the files written, in the order above
   * @throws UncheckedIOException if a file cannot be written
   */
  public List<Path> export(Path dir) {
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      var pretty = JSON.writerWithDefaultPrettyPrinter();
      written.add(write(dir.resolve("index.json"), pretty.writeValueAsString(createIndexBody()) + "\n"));
      written.add(write(dir.resolve("settings.json"), pretty.writeValueAsString(settings) + "\n"));
      written.add(write(dir.resolve("mappings.json"), pretty.writeValueAsString(mappings) + "\n"));
      written.add(write(dir.resolve("search-template.json"), pretty.writeValueAsString(templateBody()) + "\n"));
      written.add(write(dir.resolve("search-template.mustache"), templateSource()));
      for (int from = 0, n = 1; from < terms.size(); from += BULK_DOCS, n++) {
        String name = String.format(java.util.Locale.ROOT, "bulk-%04d.ndjson", n);
        written.add(write(dir.resolve(name), bulk(null, from, Math.min(terms.size(), from + BULK_DOCS))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the export into " + dir + ": " + e.getMessage(), e);
    }
    return written;
  }

  private static Path write(Path file, String text) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      w.write(text);
    }
    return Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private ObjectNode buildSettings() {
    ObjectNode s = JSON.createObjectNode();
    ObjectNode index = s.putObject("index");
    // one shard: a glossary of a few thousand terms fits one easily, and BM25 statistics then match
    // the in-process index exactly (see the README, "When to move to a cluster")
    index.put("number_of_shards", 1);
    index.put("auto_expand_replicas", "0-1");
    index.put("max_result_window", 10000);
    ObjectNode analysisNode = s.putObject("analysis");
    ObjectNode filter = analysisNode.putObject("filter");
    ObjectNode stop = filter.putObject("glossary_stop");
    stop.put("type", "stop");
    stop.put("ignore_case", false);
    ArrayNode words = stop.putArray("stopwords");
    GlossaryAnalysis.stopWords().forEach(words::add);
    filter.putObject("glossary_possessive").put("type", "stemmer").put("language", "possessive_english");
    // case-aware acronyms without a script: before tokenizing, a protected acronym typed in capitals
    // becomes a marker word that lower-casing leaves distinct ("PIP" -> "xacronymxpip"); the synonym
    // rules name the marker, and after them the marker turns back into the plain word ("pip")
    ObjectNode acronymChars = analysisNode.putObject("char_filter").putObject("glossary_acronyms");
    acronymChars.put("type", "pattern_replace");
    acronymChars.put("pattern", acronymPattern(acronyms()));
    acronymChars.put("replacement", LocalAnalysis.ACRONYM_MARKER + "$1");
    ObjectNode restore = filter.putObject("glossary_acronym_restore");
    restore.put("type", "pattern_replace");
    restore.put("pattern", "^" + LocalAnalysis.ACRONYM_MARKER + "(.+)$");
    restore.put("replacement", "$1");
    ObjectNode synonyms = filter.putObject("glossary_synonyms");
    synonyms.put("type", "synonym_graph");
    synonyms.put("expand", true);
    ArrayNode rules = synonyms.putArray("synonyms");
    synonymRules().forEach(rules::add);

    ObjectNode analyzer = analysisNode.putObject("analyzer");
    custom(analyzer, "glossary_prose", "standard", "lowercase", "asciifolding", "glossary_possessive", "glossary_stop", "kstem");
    custom(analyzer, "glossary_exact", "standard", "lowercase", "asciifolding", "glossary_possessive", "glossary_stop");
    custom(analyzer, "glossary_cli", "whitespace", "lowercase");
    custom(analyzer, "glossary_spell", "standard", "lowercase", "asciifolding");
    for (String name : List.of("glossary_exact_query", "glossary_exact_plain", "glossary_prose_query", "glossary_prose_plain")) {
      List<String> chain = new ArrayList<>(List.of("lowercase", "asciifolding", "glossary_possessive", "glossary_stop"));
      if (name.endsWith("_query")) {
        chain.add("glossary_synonyms");
      }
      chain.add("glossary_acronym_restore");
      if (name.startsWith("glossary_prose")) {
        chain.add("kstem");
      }
      custom(analyzer, name, "standard", chain.toArray(String[]::new));
      ((ArrayNode) ((ObjectNode) analyzer.get(name)).putArray("char_filter")).add("glossary_acronyms");
    }
    ObjectNode normalizer = analysisNode.putObject("normalizer").putObject("glossary_lower");
    normalizer.put("type", "custom");
    normalizer.putArray("filter").add("lowercase");
    return s;
  }

  /**
   * The pattern of the acronym char filter: one of the acronyms, in capitals as written, standing
   * alone (no letter or digit around it, no apostrophe after it: "PIP's" is a word, as the
   * engine's filter sees it). Never matches when there are none.
   */
  static String acronymPattern(Set<String> acronyms) {
    if (acronyms.isEmpty()) {
      return "(?!)";
    }
    StringBuilder alt = new StringBuilder();
    for (String a : new TreeSet<>(acronyms)) {
      if (!a.matches("[A-Z0-9]+")) {
        throw new IllegalArgumentException("acronym '" + a + "' is not capitals and digits");
      }
      alt.append(alt.isEmpty() ? "" : "|").append(a);
    }
    return "(?<![\\p{L}\\p{N}_])(" + alt + ")(?![\\p{L}\\p{N}_'\u2019])";
  }

  private static void custom(ObjectNode analyzers, String name, String tokenizer, String... filters) {
    ObjectNode a = analyzers.putObject(name);
    a.put("type", "custom");
    a.put("tokenizer", tokenizer);
    ArrayNode f = a.putArray("filter");
    for (String x : filters) {
      f.add(x);
    }
  }

  private ObjectNode buildMappings() {
    ObjectNode m = JSON.createObjectNode();
    m.put("dynamic", "strict");
    ObjectNode meta = m.putObject("_meta");
    meta.put("format", FORMAT);
    meta.put("analysisVersion", GlossaryAnalysis.VERSION);
    meta.put("fingerprint", fingerprint);
    meta.put("terms", terms.size());
    ArrayNode acr = meta.putArray("acronyms");
    new TreeSet<>(acronyms()).forEach(acr::add);
    ObjectNode p = m.putObject("properties");
    keyword(p, Fields.ID);
    p.putObject(Fields.NAME).put("type", "keyword").put("index", false).put("doc_values", false);
    text(p, Fields.NAME_TEXT, "glossary_exact", "glossary_exact_query", false);
    text(p, Fields.ALIAS_TEXT, "glossary_exact", "glossary_exact_plain", false);
    keyword(p, Fields.EXACT_NAME);
    keyword(p, Fields.EXACT_ALIAS);
    for (String f : List.of(Fields.SERVICE, Fields.CATEGORY)) {
      ObjectNode k = keyword(p, f);
      k.putObject("fields").putObject("lower").put("type", "keyword").put("normalizer", "glossary_lower");
    }
    keyword(p, Fields.DIFFICULTY);
    text(p, Fields.SERVICE_TEXT, "glossary_exact", "glossary_exact_plain", false);
    text(p, Fields.CLI_PATH, "glossary_cli", "glossary_cli", false);
    text(p, Fields.BODY, "glossary_prose", "glossary_prose_plain", true);
    for (Section s : Section.values()) {
      text(p, Fields.section(s), "glossary_prose", "glossary_prose_plain", true);
    }
    text(p, Fields.SPELL, "glossary_spell", "glossary_spell", false);
    return m;
  }

  private static ObjectNode keyword(ObjectNode props, String name) {
    return props.putObject(name).put("type", "keyword");
  }

  private static void text(ObjectNode props, String name, String index, String search, boolean offsets) {
    ObjectNode f = props.putObject(name);
    f.put("type", "text");
    f.put("analyzer", index);
    f.put("search_analyzer", search);
    f.put("norms", true);
    if (offsets) {
      f.put("index_options", "offsets"); // highlighting reads offsets from the postings, as the engine's body does
    }
  }
}
