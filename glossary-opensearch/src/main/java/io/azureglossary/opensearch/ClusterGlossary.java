package io.azureglossary.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.azureglossary.analysis.GlossaryAnalysis;
import io.azureglossary.index.Fields;
import io.azureglossary.model.Section;
import io.azureglossary.search.Facets;
import io.azureglossary.search.Highlight;
import io.azureglossary.search.Hit;
import io.azureglossary.search.InvalidQueryException;
import io.azureglossary.search.SearchRequest;
import io.azureglossary.search.SearchResponse;
import io.azureglossary.search.internal.UserQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A glossary published to a cluster, searched there through its stored template with the engine's
 * query plan, answering as {@code Glossary.search} does ({@link SearchResponse}, {@link Hit}). Per
 * search: one request that looks the query's words up (corrections, completions of an unfinished
 * last word, how common each word is), the templated search, a count of the terms the match rule
 * selects with their facets, and, when nothing matched, the template's typo fallback. Thread-safe.
 *
 * <pre>{@code
 * ClusterGlossary g = ClusterGlossary.open(ClusterConnection.of("http://localhost:9200", System.getenv()), "glossary");
 * SearchResponse r = g.search(SearchRequest.of("SHIR offline"));
 * }</pre>
 */
public final class ClusterGlossary {
  /**
   * The match rule's step weight: each step of the rule adds this much to the score of the terms
   * it selects, so that the terms of the first step that finds any rank above all others, as the
   * engine's selection keeps only them. The engine's relevance scores stay far below it.
   */
  static final double TIER = 1000;
  static final float NAME = 5f;
  static final float ALIAS = 3.5f;
  static final float CLI = 12f;
  static final float ALL_TEXT = 8f;
  static final float WHOLE_WORD_COMPLETIONS = 0.5f;
  static final int RESCORED = 50;
  static final int MAX_FUZZY_WORDS = 4;
  static final int MAX_CORRECTED_LENGTH = 30;
  static final int MAX_CORRECTED_WORDS = 8;
  static final double COMMON_SHARE = 0.5;
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");
  private static final Pattern STANDARD_WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['.\\-_][\\p{L}\\p{N}]+)*");

  private final Cluster cluster;
  private final String alias;
  private final String template;
  private final LocalAnalysis analysis;

  private ClusterGlossary(Cluster cluster, String alias, LocalAnalysis analysis) {
    this.cluster = cluster;
    this.alias = alias;
    this.template = IndexDefinition.templateId(alias);
    this.analysis = analysis;
  }

  /**
   * Opens the glossary behind {@code alias}: reads the case-aware acronyms from its mappings.
   *
   * @param connection the cluster
   * @param alias the alias a {@link Publisher} published to
   * @return the glossary
   * @throws ClusterException if the cluster cannot be reached or has no such glossary
   */
  public static ClusterGlossary open(ClusterConnection connection, String alias) {
    Cluster cluster = new Cluster(connection);
    Cluster.Response r = cluster.send("GET", "/" + alias + "/_mapping", null, "application/json");
    if (r.status() == 404) {
      throw new ClusterException(connection + " has no glossary '" + alias + "'; publish one with glossary publish opensearch", 404);
    }
    JsonNode meta = cluster.ok("GET", "/" + alias + "/_mapping", r).elements().next().path("mappings").path("_meta");
    if (meta.path("format").asInt() != IndexDefinition.FORMAT) {
      throw new ClusterException(connection + ": '" + alias + "' was published in format " + meta.path("format").asText("?")
          + ", this library reads format " + IndexDefinition.FORMAT + "; publish it again", 0);
    }
    Set<String> acronyms = new HashSet<>();
    meta.path("acronyms").forEach(a -> acronyms.add(a.asText()));
    return new ClusterGlossary(cluster, alias, new LocalAnalysis(acronyms));
  }

  /**
   * Runs a search: the same request as {@code Glossary.search}, answered in the same form.
   *
   * @param request the query and how to search it ({@code explain} is not supported by the cluster path and is ignored)
   * @return the hits, the number of matching terms and their facets
   * @throws InvalidQueryException if the query is empty or too long
   * @throws ClusterException if the cluster cannot be reached or refuses the search
   */
  public SearchResponse search(SearchRequest request) {
    long start = System.nanoTime();
    UserQuery uq = UserQuery.parse(request.query());
    String sectionKey = request.section() != null ? request.section() : uq.section();
    Section section = null;
    if (sectionKey != null) {
      section = Section.fromKey(sectionKey);
      if (section == null) {
        throw new InvalidQueryException("unknown section '" + sectionKey + "'");
      }
    }
    String text = uq.text();
    Lookups look = lookups(uq, request);
    String corrected = uq.isCli() ? null : correct(text, look);
    String effective = corrected != null ? corrected : text;

    ObjectNode params = plan(request, uq, section, effective, look);
    JsonNode r = searchTemplate(params);
    int total = (int) r.path("hits").path("total").path("value").asLong();
    String matching = params.path("matching_description").asText(null);
    boolean relaxed = params.path("relaxed").asBoolean();
    boolean fuzzy = false;
    if (total == 0 && !uq.isCli()) {
      List<String> words = analysis.spellWords(effective).stream().filter(w -> w.length() <= MAX_CORRECTED_LENGTH)
          .distinct().limit(MAX_FUZZY_WORDS).toList();
      if (!words.isEmpty()) {
        ObjectNode fp = params.deepCopy();
        fp.put("fuzzy", true);
        fp.put("has_pairs", false);
        ArrayNode fw = fp.putArray("fuzzy_words");
        for (String w : words) {
          fw.addObject().put("word", w).put("edits", w.length() <= 3 ? 0 : w.length() <= 7 ? 1 : 2);
        }
        JsonNode fr = searchTemplate(fp);
        if (fr.path("hits").path("total").path("value").asLong() > 0) {
          r = fr;
          params = fp;
          fuzzy = true;
          total = (int) fr.path("hits").path("total").path("value").asLong();
          matching = "words within typing distance";
          relaxed = true;
        }
      }
    }
    Facets facets = Facets.EMPTY;
    JsonNode hitsNode = r.path("hits").path("hits");
    if (!fuzzy && total > 0 && params.path("tiered").asBoolean() && hitsNode.size() > 0) {
      // the terms the match rule selects: those in the first hit's step of the rule
      double top = hitsNode.get(0).path("_score").asDouble();
      double floor = Math.floor(top / TIER) * TIER;
      if (floor >= TIER) {
        ObjectNode cp = params.deepCopy();
        cp.put("size", 0);
        cp.put("highlight", false);
        cp.put("has_pairs", false);
        cp.put("min_score", floor);
        cp.put("facets", request.facets());
        JsonNode c = searchTemplate(cp);
        total = (int) c.path("hits").path("total").path("value").asLong();
        facets = facets(c);
      } else if (request.facets()) {
        facets = facets(r);
      }
    } else if (request.facets()) {
      facets = facets(r);
    }
    List<Hit> hits = new ArrayList<>();
    for (JsonNode h : hitsNode) {
      JsonNode src = h.path("_source");
      hits.add(new Hit(src.path(Fields.ID).asText(), src.path(Fields.NAME).asText(), src.path(Fields.SERVICE).asText(),
          src.path(Fields.CATEGORY).asText(), src.path(Fields.DIFFICULTY).asText(), (float) h.path("_score").asDouble(),
          request.highlight() ? highlights(h.path("highlight"), section) : List.of(), null));
    }
    String didYouMean = corrected != null && total > 0 ? corrected : null;
    return new SearchResponse(request.query(), total, (System.nanoTime() - start) / 1000, hits, facets, didYouMean,
        total == 0 ? null : matching, total > 0 && relaxed, uq.truncated());
  }

  private JsonNode searchTemplate(ObjectNode params) {
    ObjectNode body = IndexDefinition.JSON.createObjectNode();
    body.put("id", template);
    body.set("params", params);
    Cluster.Response r = cluster.send("POST", "/" + alias + "/_search/template", body, "application/json");
    if (r.status() == 404) {
      throw new ClusterException(cluster.connection() + " has no glossary '" + alias + "' or no template " + template
          + "; publish one with glossary publish opensearch", 404);
    }
    return cluster.ok("POST", "/" + alias + "/_search/template", r);
  }

  /** What the lookup request found out about the query's words. */
  private record Lookups(int terms, Map<String, Long> df, String openWord, boolean openHasMore, boolean openWhole,
      Map<String, String> corrections) {}

  /**
   * One size-0 search: the document frequency of each word in the spelling field, whether an
   * unfinished last word begins longer words (and is itself one), and the spelling suggestions of
   * the words no term holds (1 edit up to 7 letters, 2 beyond, as the engine's corrector).
   */
  private Lookups lookups(UserQuery uq, SearchRequest request) {
    ObjectNode body = IndexDefinition.JSON.createObjectNode();
    body.put("size", 0);
    body.put("track_total_hits", true);
    ObjectNode aggs = body.putObject("aggs");
    List<String> spelled = new ArrayList<>();
    for (String w : rawWords(uq.text())) {
      List<String> s = analysis.spellWords(w);
      if (s.size() == 1 && !spelled.contains(s.get(0))) {
        spelled.add(s.get(0));
      }
    }
    for (int i = 0; i < spelled.size(); i++) {
      aggs.putObject("df" + i).putObject("filter").putObject("term").put(Fields.SPELL, spelled.get(i));
    }
    String open = null;
    if (request.prefixLast() && uq.openWord() != null) {
      List<String> parts = analysis.spellWords(uq.openWord());
      if (!parts.isEmpty() && (uq.isCli() || !analysis.contentWords(uq.openWord()).isEmpty())) {
        open = uq.isCli() ? uq.openWord() : parts.get(parts.size() - 1);
        String field = uq.isCli() ? Fields.CLI_PATH : Fields.SPELL;
        aggs.putObject("open_more").putObject("filter").putObject("regexp").put(field, regexEscape(open) + ".+");
        aggs.putObject("open_whole").putObject("filter").putObject("term").put(field, open);
      }
    }
    List<String> one = new ArrayList<>();
    List<String> two = new ArrayList<>();
    if (!uq.isCli()) {
      Matcher m = WORD.matcher(uq.text());
      while (m.find()) {
        String lower = m.group().toLowerCase(Locale.ROOT);
        if (lower.length() >= 4 && lower.length() <= MAX_CORRECTED_LENGTH && lower.chars().allMatch(Character::isLetter)) {
          (lower.length() <= 7 ? one : two).add(lower);
        }
      }
    }
    if (!one.isEmpty() || !two.isEmpty()) {
      ObjectNode suggest = body.putObject("suggest");
      if (!one.isEmpty()) {
        suggester(suggest, "one", one, 1);
      }
      if (!two.isEmpty()) {
        suggester(suggest, "two", two, 2);
      }
    }
    Cluster.Response resp = cluster.send("POST", "/" + alias + "/_search", body, "application/json");
    if (resp.status() == 404) {
      throw new ClusterException(cluster.connection() + " has no glossary '" + alias + "'; publish one with glossary publish opensearch", 404);
    }
    JsonNode r = cluster.ok("POST", "/" + alias + "/_search", resp);
    Map<String, Long> df = new HashMap<>();
    for (int i = 0; i < spelled.size(); i++) {
      df.put(spelled.get(i), r.path("aggregations").path("df" + i).path("doc_count").asLong());
    }
    Map<String, String> corrections = new HashMap<>();
    for (String name : List.of("one", "two")) {
      for (JsonNode entry : r.path("suggest").path(name)) {
        JsonNode options = entry.path("options");
        if (options.size() > 0) {
          corrections.put(entry.path("text").asText(), options.get(0).path("text").asText());
        }
      }
    }
    JsonNode a = r.path("aggregations");
    return new Lookups((int) r.path("hits").path("total").path("value").asLong(), df, open,
        open != null && a.path("open_more").path("doc_count").asLong() > 0,
        open != null && a.path("open_whole").path("doc_count").asLong() > 0, corrections);
  }

  private static void suggester(ObjectNode suggest, String name, List<String> words, int edits) {
    ObjectNode s = suggest.putObject(name);
    s.put("text", String.join(" ", words));
    ObjectNode t = s.putObject("term");
    t.put("field", Fields.SPELL);
    t.put("suggest_mode", "missing");
    t.put("max_edits", edits);
    t.put("prefix_length", 0);
    t.put("min_word_length", 4);
    t.put("accuracy", 0.5);
    t.put("max_inspections", 5);
    t.put("size", 1);
    t.put("sort", "score");
    t.put("string_distance", "internal");
  }

  private static String regexEscape(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (!Character.isLetterOrDigit(c)) {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }

  /** The engine's "did you mean": each unknown word of 4 to 30 letters replaced by its suggestion; null when none changed. */
  private String correct(String text, Lookups look) {
    Matcher m = WORD.matcher(text);
    StringBuilder out = new StringBuilder();
    boolean changed = false;
    int last = 0;
    int unknown = 0;
    boolean keepLast = look.openWord() != null && look.openHasMore();
    while (m.find()) {
      String word = m.group();
      String lower = word.toLowerCase(Locale.ROOT);
      String replacement = word;
      boolean unfinished = keepLast && m.end() == text.length();
      String suggestion = look.corrections().get(lower);
      if (!unfinished && suggestion != null && unknown++ < MAX_CORRECTED_WORDS) {
        replacement = suggestion;
        changed = true;
      }
      out.append(text, last, m.start()).append(replacement);
      last = m.end();
    }
    out.append(text.substring(last));
    return changed ? out.toString() : null;
  }

  /** The words of a text as the standard tokenizer splits them, approximately: for the match rule's per-word steps. */
  private static List<String> rawWords(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = STANDARD_WORD.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /** The template's parameters: the engine's query plan for this text (see the template and QueryFactory). */
  private ObjectNode plan(SearchRequest request, UserQuery uq, Section section, String text, Lookups look) {
    ObjectNode p = IndexDefinition.JSON.createObjectNode();
    p.put("size", request.limit());
    p.put("text", text);
    p.put("highlight", request.highlight());
    p.put("facets", request.facets());
    String service = request.service() != null ? request.service() : uq.service();
    String category = request.category() != null ? request.category() : uq.category();
    String difficulty = request.difficulty() != null ? request.difficulty().label() : uq.difficulty();
    if (service != null) {
      p.put("service", service.toLowerCase(Locale.ROOT));
    }
    if (category != null) {
      p.put("category", category.toLowerCase(Locale.ROOT));
    }
    if (difficulty != null) {
      p.put("difficulty", difficulty);
    }
    ArrayNode phrases = p.putArray("phrases");
    uq.phrases().forEach(ph -> phrases.addObject().put("phrase", ph));
    ArrayNode excluded = p.putArray("excluded");
    uq.excluded().forEach(x -> excluded.addObject().put("phrase", x));
    ArrayNode hlFields = p.putArray("highlight_fields");
    for (Section s : Section.values()) {
      if (s != Section.DEFINITION && (section == null || s == section)) {
        hlFields.addObject().put("field", Fields.section(s)).put("no_match", 0);
      }
    }
    boolean open = look.openWord() != null && look.openHasMore() && !uq.isCli();
    float completed = look.openWhole() ? WHOLE_WORD_COMPLETIONS : 1f;
    if (open) {
      p.put("open", true);
      p.put("prefix", look.openWord());
    }
    int n = analysis.contentWords(text).size();
    float nameScale = n <= 1 ? 1f : 1f / n;
    if (section != null) {
      p.put("section_field", Fields.section(section));
      p.put("open_weight", completed);
      return p;
    }
    String normalized = GlossaryAnalysis.normalizeExact(uq.isCli() ? uq.raw() : text);
    if (!normalized.isEmpty()) {
      p.put("exact", true);
      p.put("normalized", normalized);
    }
    if (open && !GlossaryAnalysis.normalizeExact(text).isEmpty()) {
      p.put("begun", true);
      p.put("normalized", GlossaryAnalysis.normalizeExact(text));
    }
    p.put("name_weight", NAME * nameScale);
    p.put("alias_weight", ALIAS * nameScale);
    if (nameScale == 1) {
      p.put("one_word", true);
    } else {
      p.put("many_words", true);
      p.put("spell_weight", ALL_TEXT * (1 - nameScale));
    }
    if (open) {
      p.put("open_alias_weight", ALIAS * nameScale * completed);
      p.put("open_weight", (nameScale < 1 ? ALL_TEXT * (1 - nameScale) : 1f) * completed);
    }
    if (uq.isCli()) {
      List<String> words = uq.cliWords();
      ArrayNode paths = p.putArray("cli_paths");
      for (int k = words.size(); k >= 1; k--) {
        paths.addObject().put("path", String.join(" ", words.subList(0, k))).put("weight", CLI * k / words.size());
      }
      p.put("tier", TIER);
      p.put("tiered", true);
      p.put("matching_description", "the command path");
      if (uq.openWord() != null && look.openHasMore()) {
        p.put("cli_open", true);
        p.put("cli_text", String.join(" ", words));
        p.put("cli_open_weight", CLI * (look.openWhole() ? WHOLE_WORD_COMPLETIONS : 1f));
      }
    } else {
      matchRule(p, text, look, open);
    }
    if (nameScale < 1) {
      List<String> words = analysis.proseWords(text);
      ArrayNode pairs = p.putArray("pairs");
      for (int i = 0; i + 1 < words.size(); i++) {
        pairs.addObject().put("pair", words.get(i) + " " + words.get(i + 1));
      }
      p.put("has_pairs", pairs.size() > 0);
      p.put("window", Math.max(request.limit(), RESCORED));
    }
    return p;
  }

  /**
   * The engine's match rule as score steps: every content word found anywhere adds {@link #TIER}
   * (up to what the rule requires), and every word in a name or alias a step above all of those,
   * so the first step of the rule that finds terms ranks them first.
   */
  private void matchRule(ObjectNode p, String text, Lookups look, boolean open) {
    List<String> raw = rawWords(text);
    Set<String> seen = new HashSet<>();
    List<ObjectNode> words = new ArrayList<>();
    List<ObjectNode> common = new ArrayList<>();
    double commonDf = COMMON_SHARE * look.terms();
    for (int i = 0; i < raw.size(); i++) {
      String w = raw.get(i);
      if (analysis.contentWords(w).isEmpty() || !seen.add(w.toLowerCase(Locale.ROOT))) {
        continue;
      }
      boolean isOpen = open && i == raw.size() - 1;
      ObjectNode word = IndexDefinition.JSON.createObjectNode().put("word", w).put("open", isOpen);
      word.putArray("synonyms");
      List<String> spelled = analysis.spellWords(w);
      Long df = spelled.size() == 1 ? look.df().get(spelled.get(0)) : null;
      boolean isCommon = !isOpen && df != null && df > commonDf;
      (isCommon ? common : words).add(word);
    }
    if (words.isEmpty()) {
      words = common;
    }
    if (words.isEmpty()) {
      return;
    }
    int required = required(words.size());
    boolean doubleNames = words.size() >= 5;
    p.put("tiers", true);
    p.put("tiered", true);
    p.put("tier", TIER);
    p.put("tier_max", TIER * required);
    p.put("names_tier", TIER * (required + 1));
    p.put("double", doubleNames);
    ArrayNode tw = p.putArray("tier_words");
    words.forEach(tw::add);
    p.put("matching_description", words.size() == 1 ? "the word" : "every word");
  }

  static int required(int n) {
    return n <= 2 ? n : n < 5 ? n - 1 : (int) Math.ceil(0.6 * n);
  }

  private static Facets facets(JsonNode r) {
    return new Facets(buckets(r.path("aggregations").path("category")), buckets(r.path("aggregations").path("service")));
  }

  private static Map<String, Integer> buckets(JsonNode agg) {
    Map<String, Integer> out = new TreeMap<>();
    for (JsonNode b : agg.path("buckets")) {
      out.put(b.path("key").asText(), b.path("doc_count").asInt());
    }
    return out;
  }

  /** Up to three highlighted passages, each labelled with its section, in the sections' reading order. */
  private static List<Highlight> highlights(JsonNode hl, Section only) {
    Map<String, String> bySection = new LinkedHashMap<>();
    for (Section s : Section.values()) {
      JsonNode frags = hl.path(Fields.section(s));
      if (frags.size() > 0 && (only == null || s == only)) {
        bySection.put(s.key(), frags.get(0).asText().strip());
      }
    }
    List<Highlight> marked = new ArrayList<>();
    bySection.forEach((k, v) -> {
      if (v.contains("<mark>") && marked.size() < 3) {
        marked.add(new Highlight(k, v));
      }
    });
    if (marked.isEmpty() && bySection.containsKey(Section.DEFINITION.key())) {
      marked.add(new Highlight(Section.DEFINITION.key(), bySection.get(Section.DEFINITION.key())));
    }
    return marked;
  }
}
