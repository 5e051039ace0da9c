package io.azureglossary.search;

import io.azureglossary.analysis.GlossaryAnalysis;
import io.azureglossary.index.Fields;
import io.azureglossary.model.Section;
import io.azureglossary.search.internal.UserQuery;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Builds the Lucene query of a parsed user query. The ranking, as boosts:
 *
 * <ol>
 *   <li>the whole query is exactly a term's name (x{@value #EXACT_NAME}) or alias (x{@value #EXACT_ALIAS});
 *   <li>words in the name (x{@value #NAME}) and aliases (x{@value #ALIAS}), synonyms expanded;
 *   <li>an {@code az} command path found in a term's mapped commands (x{@value #CLI});
 *   <li>words in the definition (x1.25), stemmed, as typed (synonyms are the name fields' business);
 *   <li>for one word, the word in all the prose, stemmed; for several, the words over all the
 *       term's text as written, and adjacent word pairs close together in the prose, while name
 *       matches count less the longer the query;
 *   <li>an unfinished last word: the words and names it begins (see {@link LastWord}).
 * </ol>
 *
 * Within one section ({@code section:security}) the words score in that section only, stemmed
 * and synonyms expanded, and close together (x{@value #PROXIMITY}).
 *
 * Multi-word synonyms become graph queries: {@code VNet} searches the phrase "virtual network".
 *
 * <p>One factory serves one search: it analyses each text once per analyzer and copies the query to
 * the other fields that ask for it, so it holds state and is not shared between threads.
 */
final class QueryFactory {
  static final float EXACT_NAME = 40f;
  static final float EXACT_ALIAS = 25f;
  static final float NAME = 5f;
  static final float ALIAS = 3.5f;
  static final float CLI = 12f;
  static final float PROXIMITY = 1.5f;
  static final int PROXIMITY_SLOP = 3;
  /** All prose of the term in one field, so words spread over sections add up. */
  static final float BODY = 1f;
  /**
   * Name, aliases and prose together, unstemmed (the spelling field): the evidence a long
   * descriptive query needs, weighted by how descriptive the query is.
   */
  static final float ALL_TEXT = 8f;
  /** Adjacent query words close together in the body. */
  static final float WORD_PAIRS = 4f;
  static final int WORD_PAIR_SLOP = 2;
  /**
   * How much a name or alias that the query begins counts, as a share of the exact match's weight,
   * before scaling by the share of it typed.
   */
  static final float BEGUN_NAME = 0.5f;
  /**
   * How much the completions of a last word count when the word is itself a word of the glossary
   * ("data" may be finished, or the start of "database"); an unfinished word's completions count fully.
   */
  static final float WHOLE_WORD_COMPLETIONS = 0.5f;

  /** Section weights: where a word appears says how central it is to the term. */
  static final Map<Section, Float> SECTION_WEIGHTS = new EnumMap<>(Section.class);

  static {
    SECTION_WEIGHTS.put(Section.DEFINITION, 1.25f);
  }

  private final GlossaryAnalysis analysis;
  private final QueryBuilder prose;
  private final QueryBuilder exact;
  private final QueryBuilder plain;
  private final QueryBuilder exactPlain;
  private final QueryBuilder spell;

  QueryFactory(GlossaryAnalysis analysis) {
    this.analysis = analysis;
    this.prose = builder(analysis.proseQuery());
    this.exact = builder(analysis.exactQuery());
    this.plain = builder(analysis.proseQueryNoSynonyms());
    this.exactPlain = builder(analysis.exactQueryNoSynonyms());
    this.spell = builder(analysis.spellIndex());
  }

  /** What this factory analysed, by builder, text and slop (-1: not a phrase): one search asks for the same words in several fields. */
  private record Analysed(QueryBuilder builder, String text, int slop) {}

  /** A query as built for {@code field}; asked for another field, it is copied with that field (see {@link #withField}). */
  private record Built(String field, Query query) {}

  private final Map<Analysed, Built> analysed = new HashMap<>();
  private final Map<String, List<String>> contentWords = new HashMap<>();
  private final Map<String, List<String>> spellWords = new HashMap<>();
  private final Map<Analysed, Boolean> tooManyReadings = new HashMap<>();

  /** {@code builder}'s boolean query for {@code text} in {@code field}: the text analysed once per search, whatever the field. */
  private Query words(QueryBuilder builder, String field, String text) {
    return memo(builder, field, text, -1);
  }

  /** {@code builder}'s phrase query for {@code text} in {@code field}, analysed once per search. */
  private Query phraseOf(QueryBuilder builder, String field, String text) {
    return memo(builder, field, text, 0);
  }

  private Query phraseOf(QueryBuilder builder, String field, String text, int slop) {
    return memo(builder, field, text, slop);
  }

  private Query memo(QueryBuilder builder, String field, String text, int slop) {
    Analysed key = new Analysed(builder, text, slop);
    Built built = analysed.get(key);
    if (built != null) {
      if (built.field().equals(field) || built.query() == null) {
        return built.query();
      }
      Query copy = withField(built.query(), field);
      if (copy != null) {
        return copy;
      }
    }
    Query q = slop < 0 ? builder.createBooleanQuery(field, text) : builder.createPhraseQuery(field, text, slop);
    if (built == null) {
      analysed.put(key, new Built(field, q));
    }
    return q;
  }

  /**
   * {@code q} with every term moved to {@code field}: what the builder would have built there, since
   * the query analyzers do not depend on the field. Null for a query kind it does not know.
   */
  static Query withField(Query q, String field) {
    if (q instanceof TermQuery t) {
      return new TermQuery(new Term(field, t.getTerm().bytes()));
    }
    if (q instanceof BoostQuery bq) {
      Query inner = withField(bq.getQuery(), field);
      return inner == null ? null : new BoostQuery(inner, bq.getBoost());
    }
    if (q instanceof BooleanQuery bq) {
      BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
      for (var c : bq.clauses()) {
        Query inner = withField(c.query(), field);
        if (inner == null) {
          return null;
        }
        b.add(inner, c.occur());
      }
      return b.build();
    }
    if (q instanceof SynonymQuery sq) {
      SynonymQuery.Builder b = new SynonymQuery.Builder(field);
      for (Term t : sq.getTerms()) {
        b.addTerm(new Term(field, t.bytes()));
      }
      return b.build();
    }
    if (q instanceof PhraseQuery pq) {
      PhraseQuery.Builder b = new PhraseQuery.Builder().setSlop(pq.getSlop());
      Term[] terms = pq.getTerms();
      int[] positions = pq.getPositions();
      for (int i = 0; i < terms.length; i++) {
        b.add(new Term(field, terms[i].bytes()), positions[i]);
      }
      return b.build();
    }
    if (q instanceof MultiPhraseQuery mq) {
      MultiPhraseQuery.Builder b = new MultiPhraseQuery.Builder().setSlop(mq.getSlop());
      Term[][] arrays = mq.getTermArrays();
      int[] positions = mq.getPositions();
      for (int i = 0; i < arrays.length; i++) {
        Term[] moved = new Term[arrays[i].length];
        for (int j = 0; j < moved.length; j++) {
          moved[j] = new Term(field, arrays[i][j].bytes());
        }
        b.add(moved, positions[i]);
      }
      return b.build();
    }
    return null;
  }

  private static QueryBuilder builder(Analyzer a) {
    QueryBuilder b = new QueryBuilder(a);
    b.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    b.setEnableGraphQueries(true);
    return b;
  }

  /**
   * The scoring query for {@code text}: every clause optional, so more evidence scores higher.
   *
   * @param section when not null, match only this section's field
   */
  Query scoring(String text, UserQuery uq, Section section, LastWord last) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    Completions open = last == null ? Completions.NONE : last.words();
    float completed = open.whole() ? WHOLE_WORD_COMPLETIONS : 1f;
    if (section != null) {
      add(b, words(prose, Fields.section(section), text), 1f);
      // each word on its own too: a name's synonym graph takes its words only as the whole name
      // ("container apps environment"), and the match rule counts them one by one
      add(b, words(plain, Fields.section(section), text), 1f);
      if (!tooManyReadings(prose, text)) { // closeness is a bonus: not worth hundreds of phrase queries
        add(b, phraseOf(prose, Fields.section(section), text, PROXIMITY_SLOP), PROXIMITY);
      }
      if (!open.isEmpty() && !uq.isCli()) {
        add(b, completions(Fields.section(section), open), completed);
      }
      return b.build();
    }
    if (last != null && !uq.isCli()) {
      begunNames(b, Fields.EXACT_NAME, last.names(), last.normalized(), EXACT_NAME);
      begunNames(b, Fields.EXACT_ALIAS, last.aliases(), last.normalized(), EXACT_ALIAS);
    }
    String normalized = GlossaryAnalysis.normalizeExact(uq.isCli() ? uq.raw() : text);
    if (!normalized.isEmpty()) {
      b.add(new BoostQuery(new TermQuery(new Term(Fields.EXACT_NAME, normalized)), EXACT_NAME), Occur.SHOULD);
      b.add(new BoostQuery(new TermQuery(new Term(Fields.EXACT_ALIAS, normalized)), EXACT_ALIAS), Occur.SHOULD);
    }
    float nameScale = nameScale(text);
    add(b, words(exact, Fields.NAME_TEXT, text), NAME * nameScale);
    // synonym graphs only where they pay: the name, the definition and the body; the alias field
    // holds the aliases themselves, and phrase alternatives on every field cost more than they rank
    add(b, words(exactPlain, Fields.ALIAS_TEXT, text), ALIAS * nameScale);
    // the prose fields take the query's own words, not their synonyms: the name field already
    // scores an alias's expansions, and their phrase alternatives in every prose field cost more
    // than they ranked (eval unchanged on every kind without them; the expansions of one entity
    // word would otherwise outweigh the rest of a description)
    for (var e : SECTION_WEIGHTS.entrySet()) {
      add(b, words(plain, Fields.section(e.getKey()), text), e.getValue());
    }
    if (nameScale == 1) {
      add(b, words(plain, Fields.BODY, text), BODY);
    } else { // several words: all the text as written pools them (the stemmed body ranked nothing more)
      add(b, words(spell, Fields.SPELL, text), ALL_TEXT * (1 - nameScale));
      // the adjacent word pairs are scored apart, on the best terms only: see pairs()
    }
    if (!open.isEmpty() && !uq.isCli()) {
      // (the completions among name words are not scored: the names the query begins and the
      // text's completions rank them, and the judged partial queries ranked no worse without them)
      add(b, completions(Fields.ALIAS_TEXT, last.aliasWords()), ALIAS * nameScale * completed);
      add(b, completions(Fields.SPELL, open), (nameScale < 1 ? ALL_TEXT * (1 - nameScale) : BODY) * completed);
    }
    Query cliQuery = cliPath(uq, open);
    if (cliQuery != null) {
      b.add(cliQuery, Occur.SHOULD);
    }
    return b.build();
  }

  /**
   * Names (or aliases) that the whole query begins, each scored like a partial exact match: the
   * exact-match weight times the share of the name typed, so "vnet integ" ranks VNet integration as
   * a near-exact name and "pe" barely lifts "peering".
   */
  private static void begunNames(BooleanQuery.Builder b, String field, Completions begun, String typed, float weight) {
    for (String name : begun.words()) {
      float share = (float) typed.length() / name.length();
      b.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(field, name))), weight * BEGUN_NAME * share),
          Occur.SHOULD);
    }
  }

  /**
   * The part of the ranking that {@link #scoring} leaves out: adjacent query words close together in
   * the body, weighted (x{@value #WORD_PAIRS}), for a query of several content words; null otherwise.
   * Phrase matching reads positions, so the search adds it to the best terms of the first ranking
   * only ({@code QueryRescorer}), not to every matched term.
   */
  Query pairs(String text, Section section) {
    if (section != null || nameScale(text) == 1) {
      return null;
    }
    Query pairs = wordPairs(text);
    return pairs == null ? null : new BoostQuery(pairs, WORD_PAIRS);
  }

  /**
   * Adjacent query words near each other in the body (Solr's {@code pf2}): "who deleted the VM"
   * rewards "who deleted a VM" over a page that merely says "VM" often.
   */
  private Query wordPairs(String text) {
    List<String> words = tokens(analysis.proseQueryNoSynonyms(), Fields.BODY, text);
    if (words.size() < 2) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (int i = 0; i + 1 < words.size(); i++) {
      b.add(new PhraseQuery(WORD_PAIR_SLOP, Fields.BODY, words.get(i), words.get(i + 1)), Occur.SHOULD);
    }
    return b.build();
  }

  /**
   * How much a name or alias match counts: fully for a one-word query, 1/n for n content words
   * (stop words aside: "how do I" says nothing about which term is meant). A symptom
   * such as "cannot delete resource group error ScopeLocked" names the resource it happened to, not
   * the term that answers it; there a name sharing one of many words says little.
   */
  private float nameScale(String text) {
    int n = contentWords(text).size();
    return n <= 1 ? 1f : 1f / n;
  }

  /**
   * The command-path part of an {@code az} command: for {@code az network vnet peering create}, the
   * phrase "network vnet peering create" in a mapped command, then shorter prefixes at lower
   * weight. Null for other queries: a plain query's words in command paths ranked nothing the
   * name and text fields did not (eval unchanged without it).
   */
  private Query cliPath(UserQuery uq, Completions open) {
    if (!uq.isCli()) {
      return null;
    }
    List<String> words = uq.cliWords();
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (int k = words.size(); k >= 1; k--) {
      b.add(new BoostQuery(cliPathPrefix(words, k, Completions.NONE, true), CLI * k / words.size()), Occur.SHOULD);
    }
    if (!open.isEmpty()) { // "az network vnet peer": the paths the unfinished word completes
      float completed = open.whole() ? WHOLE_WORD_COMPLETIONS : 1f;
      b.add(new BoostQuery(cliPathPrefix(words, words.size(), open, false), CLI * completed), Occur.SHOULD);
    }
    return words.isEmpty() ? null : b.build();
  }

  /**
   * The first {@code k} words of an {@code az} command path, in order, in one of a term's mapped
   * commands. When {@code open} has completions, the last word may be any of them, and also
   * itself if {@code withWord}.
   */
  static Query cliPathPrefix(List<String> words, int k, Completions open, boolean withWord) {
    MultiPhraseQuery.Builder p = new MultiPhraseQuery.Builder();
    for (int i = 0; i < k; i++) {
      if (i == words.size() - 1 && !open.isEmpty()) { // the unfinished last word: itself or a word it begins
        List<Term> alternatives = new ArrayList<>();
        if (withWord) {
          alternatives.add(new Term(Fields.CLI_PATH, words.get(i)));
        }
        open.words().forEach(w -> alternatives.add(new Term(Fields.CLI_PATH, w)));
        p.add(alternatives.toArray(Term[]::new));
      } else {
        p.add(new Term(Fields.CLI_PATH, words.get(i)));
      }
    }
    return p.build();
  }

  /**
   * Most tokens a search takes after analysis: words, the parts of hyphenated and CJK words, and
   * their synonyms, as the name fields read them. Every token becomes clauses in several fields;
   * the longest judged query (a pasted error message of 19 words) has 44, and twelve glossary
   * words with many aliases ({@code storage account key vault secret network security group rule
   * private endpoint}) have 70.
   */
  static final int MAX_TOKENS = 128;

  /**
   * The leading part of {@code text} that analyses to at most {@value #MAX_TOKENS} tokens, cut
   * where a token starts; {@code text} itself when it is within the budget.
   */
  String withinTokenBudget(String text) {
    String cut = text;
    for (int[] starts = tokenStarts(cut); starts.length > MAX_TOKENS; starts = tokenStarts(cut)) {
      cut = cut.substring(0, Math.min(starts[MAX_TOKENS], cut.length() - 1)).strip();
    }
    return cut;
  }

  /** The start offset of each of the first {@value #MAX_TOKENS} + 1 tokens of {@code text}, synonyms included. */
  private int[] tokenStarts(String text) {
    int[] starts = new int[MAX_TOKENS + 1];
    int n = 0;
    try (var ts = analysis.exactQuery().tokenStream(Fields.NAME_TEXT, text)) {
      var offsets = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
      ts.reset();
      while (n <= MAX_TOKENS && ts.incrementToken()) {
        starts[n++] = offsets.startOffset();
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return java.util.Arrays.copyOf(starts, n);
  }

  /**
   * Most readings a phrase may have with its synonyms: each one becomes a phrase query in every
   * field, and repeated aliases multiply them (eight quoted {@code IR} have 256 and took 0.4 s). A
   * quoted phrase with more is refused; a section's proximity phrase with more is left out.
   */
  static final int MAX_PHRASE_READINGS = 64;

  /**
   * A quoted phrase, which must match somewhere: name, aliases, or the body (or the one section).
   *
   * @throws InvalidQueryException if the phrase has more than {@value #MAX_PHRASE_READINGS} readings
   */
  Query phrase(String phrase, Section section) {
    checkPhrase(phrase);
    if (section != null) {
      Query q = phraseOf(prose, Fields.section(section), phrase);
      return q == null ? new MatchNoDocsQuery() : q;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    add(b, phraseOf(exact, Fields.NAME_TEXT, phrase), 1f);
    add(b, phraseOf(exact, Fields.ALIAS_TEXT, phrase), 1f);
    add(b, phraseOf(prose, Fields.BODY, phrase), 1f);
    BooleanQuery q = b.build();
    return q.clauses().isEmpty() ? new MatchNoDocsQuery() : q;
  }

  /**
   * Refuses a quoted phrase that would be too much work, before any query is built for it.
   *
   * @throws InvalidQueryException if the phrase has more than {@value #MAX_TOKENS} tokens after
   *     analysis or more than {@value #MAX_PHRASE_READINGS} readings with its synonyms
   */
  void checkPhrase(String phrase) {
    if (tokenStarts(phrase).length > MAX_TOKENS) {
      throw new InvalidQueryException("query too complex: the phrase \"" + phrase + "\" has more than "
          + MAX_TOKENS + " tokens after analysis; quote fewer words");
    }
    for (QueryBuilder builder : List.of(exact, prose)) {
      if (tooManyReadings(builder, phrase)) {
        throw new InvalidQueryException("query too complex: the phrase \"" + phrase + "\" has more than "
            + MAX_PHRASE_READINGS + " readings with its synonyms; quote fewer or less repeated words");
      }
    }
  }

  /**
   * Whether {@code builder} reads {@code text} in more than {@value #MAX_PHRASE_READINGS} ways with
   * its synonyms, so that a phrase of it would be that many phrase queries; counted once per search.
   */
  private boolean tooManyReadings(QueryBuilder builder, String text) {
    return tooManyReadings.computeIfAbsent(new Analysed(builder, text, 0),
        k -> readings(builder.getAnalyzer(), text, MAX_PHRASE_READINGS) > MAX_PHRASE_READINGS);
  }

  /** How many token sequences {@code text} reads as, synonyms included, counted up to {@code cap + 1}. */
  static int readings(Analyzer analyzer, String text, int cap) {
    try (var ts = analyzer.tokenStream(Fields.NAME_TEXT, text)) {
      var graph = new org.apache.lucene.util.graph.GraphTokenStreamFiniteStrings(ts);
      int n = 0;
      for (var paths = graph.getFiniteStrings(); paths.hasNext() && n <= cap; paths.next()) {
        n++;
      }
      return n;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** An excluded word or phrase, matched literally (no synonyms) anywhere in the term. */
  Query excluded(String words) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    add(b, phraseOf(plain, Fields.BODY, words), 1f);
    add(b, phraseOf(plain, Fields.NAME_TEXT, words), 1f);
    add(b, phraseOf(plain, Fields.ALIAS_TEXT, words), 1f);
    BooleanQuery q = b.build();
    return q.clauses().isEmpty() ? null : q;
  }

  /** What the highlighter looks for in the body: the same words and synonyms, on the body field. */
  Query highlight(String text, List<String> phrases, LastWord last) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    add(b, words(prose, Fields.BODY, text), 1f);
    if (last != null) {
      add(b, completions(Fields.BODY, last.words()), 1f);
    }
    for (String p : phrases) {
      add(b, phraseOf(prose, Fields.BODY, p), 1f);
    }
    return b.build();
  }

  /**
   * Most words the typo fallback looks at, each once: every fuzzy word builds edit-distance
   * automata, the dearest work a search does (a few milliseconds a word; a quoted alias repeated
   * five times took 0.2 s when each repeat and each field built its own), and a typed query with
   * a typo has a few words, not dozens: the judged typo queries have at most four.
   */
  static final int MAX_FUZZY_WORDS = 4;

  /**
   * The typo fallback: the first {@value #MAX_FUZZY_WORDS} distinct words; each word of four or more characters may be one edit away (two from eight
   * characters), like the peers; shorter words must match exactly.
   */
  Query fuzzy(List<String> words) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String w : words.stream().distinct().limit(MAX_FUZZY_WORDS).toList()) {
      int edits = w.length() <= 3 ? 0 : w.length() <= 7 ? 1 : 2;
      var automata = new org.apache.lucene.util.AttributeSource(); // built once for the three fields
      for (String field : new String[] {Fields.NAME_TEXT, Fields.ALIAS_TEXT, Fields.SPELL}) {
        float boost = field.equals(Fields.SPELL) ? 1f : NAME;
        Query q = edits == 0 ? new TermQuery(new Term(field, w)) : new SharedFuzzyQuery(new Term(field, w), edits, automata);
        b.add(new BoostQuery(q, boost), Occur.SHOULD);
      }
    }
    return b.build();
  }

  /** The words of {@code text} that carry content, as the name fields hold them: none for a stop word. */
  List<String> contentWords(String text) {
    return contentWords.computeIfAbsent(text, t -> tokens(analysis.exactQueryNoSynonyms(), Fields.NAME_TEXT, t));
  }

  /** One typed word (or, when unfinished, a word it begins) in a term's name or aliases, synonyms expanded. */
  Query wordInName(String word, LastWord open) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    add(b, words(exact, Fields.NAME_TEXT, word), 1f);
    add(b, words(exactPlain, Fields.ALIAS_TEXT, word), 1f);
    if (open != null) {
      add(b, completions(Fields.NAME_TEXT, open.nameWords()), 1f);
      add(b, completions(Fields.ALIAS_TEXT, open.aliasWords()), 1f);
    }
    return b.build();
  }

  /**
   * One typed word (or a word it begins) anywhere in a term: name, aliases, text, stemmed or as written.
   *
   * @param spelled the word as the spelling field holds it ({@link #spellWords})
   */
  Query wordAnywhere(String word, List<String> spelled, LastWord last) {
    Completions open = last == null ? Completions.NONE : last.words();
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    add(b, words(exact, Fields.NAME_TEXT, word), 1f);
    add(b, words(prose, Fields.BODY, word), 1f);
    for (String w : spelled) {
      b.add(new TermQuery(new Term(Fields.SPELL, w)), Occur.SHOULD);
    }
    add(b, completions(Fields.SPELL, open), 1f);
    return b.build();
  }

  /**
   * A run of several typed words that is a name or alias with one-word synonyms: "virtual network",
   * which VNet also names.
   *
   * @param from start offset in the text
   * @param to end offset in the text
   * @param synonyms the one-word synonyms of the run, as the name fields hold words
   */
  record SynonymRun(int from, int to, Set<String> synonyms) {}

  /** The runs of {@code text} that have one-word synonyms. */
  List<SynonymRun> synonymRuns(String text) {
    List<SynonymRun> out = new ArrayList<>();
    if (contentWords(text).isEmpty()) {
      return out; // no token: no graph
    }
    try (var ts = analysis.exactQuery().tokenStream(Fields.NAME_TEXT, text)) {
      // the synonym graph cut at its articulation points, as QueryBuilder cuts it: each side path is
      // one stretch of typed words and its alternatives
      var graph = new org.apache.lucene.util.graph.GraphTokenStreamFiniteStrings(ts);
      int[] points = graph.articulationPoints();
      int last = 0;
      for (int i = 0; i <= points.length; i++) {
        int start = last;
        int end = i < points.length ? points[i] : -1;
        last = end;
        if (!graph.hasSidePath(start)) {
          continue;
        }
        Set<String> oneWord = new LinkedHashSet<>();
        int typed = 0;
        int from = Integer.MAX_VALUE;
        int to = 0;
        for (var paths = graph.getFiniteStrings(start, end); paths.hasNext(); ) {
          try (var path = paths.next()) {
            var term = path.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            var type = path.addAttribute(org.apache.lucene.analysis.tokenattributes.TypeAttribute.class);
            var offsets = path.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
            List<String> terms = new ArrayList<>();
            boolean asTyped = true;
            while (path.incrementToken()) {
              terms.add(term.toString());
              asTyped &= !org.apache.lucene.analysis.synonym.SynonymGraphFilter.TYPE_SYNONYM.equals(type.type());
              from = Math.min(from, offsets.startOffset());
              to = Math.max(to, offsets.endOffset());
            }
            if (asTyped) {
              typed = terms.size();
            } else if (terms.size() == 1) {
              oneWord.add(terms.get(0));
            }
          }
        }
        if (typed >= 2 && !oneWord.isEmpty() && from < to) {
          out.add(new SynonymRun(from, to, oneWord));
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }

  /** One of a run's one-word synonyms in a name or alias. */
  Query runInName(SynonymRun run) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String w : run.synonyms()) {
      b.add(new TermQuery(new Term(Fields.NAME_TEXT, w)), Occur.SHOULD);
      b.add(new TermQuery(new Term(Fields.ALIAS_TEXT, w)), Occur.SHOULD);
    }
    return b.build();
  }

  /** One of a run's one-word synonyms anywhere in a term (or in one section). */
  Query runAnywhere(SynonymRun run, Section section) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String w : run.synonyms()) {
      b.add(new TermQuery(new Term(section != null ? Fields.section(section) : Fields.SPELL, w)), Occur.SHOULD);
    }
    return b.build();
  }

  /** One typed word (or a word it begins) inside one section. */
  Query wordInSection(String word, Section section, LastWord last) {
    Completions open = last == null ? Completions.NONE : last.words();
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    add(b, words(prose, Fields.section(section), word), 1f);
    add(b, completions(Fields.section(section), open), 1f);
    return b.build();
  }

  /** The completions of an unfinished word in one field, scored as one word (BM25 over their summed frequency). */
  static Query completions(String field, Completions open) {
    if (open.isEmpty()) {
      return null;
    }
    SynonymQuery.Builder b = new SynonymQuery.Builder(field);
    for (String w : open.words()) {
      b.addTerm(new Term(field, w));
    }
    return b.build();
  }

  private static void add(BooleanQuery.Builder b, Query q, float boost) {
    if (q != null) {
      b.add(boost == 1f ? q : new BoostQuery(q, boost), Occur.SHOULD);
    }
  }

  /** The words of {@code text} as the spelling field holds them. */
  List<String> spellWords(String text) {
    return spellWords.computeIfAbsent(text, t -> tokens(analysis.spellIndex(), Fields.SPELL, t));
  }

  static List<String> tokens(Analyzer analyzer, String field, String text) {
    List<String> out = new ArrayList<>();
    try (var ts = analyzer.tokenStream(field, text)) {
      var term = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }
}
