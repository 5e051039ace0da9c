package io.azureglossary.search;

import io.azureglossary.analysis.GlossaryAnalysis;
import io.azureglossary.corpus.Corpus;
import io.azureglossary.index.BundledIndex;
import io.azureglossary.index.Fields;
import io.azureglossary.index.FreshIndex;
import io.azureglossary.index.TermDocument;
import io.azureglossary.model.Difficulty;
import io.azureglossary.model.Section;
import io.azureglossary.model.Term;
import io.azureglossary.search.internal.Access;
import io.azureglossary.search.internal.UserQuery;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.Directory;

/**
 * The searchable glossary: the one entry point for embedding applications. Thread-safe; share one
 * instance.
 *
 * <pre>{@code
 * Glossary glossary = Glossary.bundled();
 * SearchResponse r = glossary.search(SearchRequest.of("SHIR offline").limit(5));
 * for (Hit hit : r.results()) {
 *   System.out.println(hit.name() + " " + hit.highlights());
 * }
 * }</pre>
 */
public final class Glossary implements Closeable {
  static {
    Access.provide(LiveSearchers::open); // how io.azureglossary.store opens a glossary over an index on disk
  }

  private static volatile Glossary bundled;

  private final Searchers searchers;
  /** What {@link #close()} closes, or null when this glossary is shared or a view owned elsewhere. */
  private final Closeable owned;

  private Glossary(Searchers searchers, Closeable owned) {
    this.searchers = searchers;
    this.owned = owned;
  }

  /**
   * The glossary bundled with the library, opened on first use from the index the build packaged
   * with it (nothing is indexed at run time) and shared afterwards; {@link #close()} on it does
   * nothing. In a fresh JVM on a 2-core machine the first result comes 0.8 to 1.0 s after
   * {@code main} starts, nearly all of it the JVM loading and interpreting Lucene for the first
   * time (0.33 s with a JDK 25 AOT cache of the application); later searches take milliseconds
   * (glossary-bench: start-up and search benchmarks, 2026-12-03).
   *
   * @return the shared glossary of the bundled corpus
   * @throws java.io.UncheckedIOException if the bundled index cannot be opened
   */
  public static Glossary bundled() {
    Glossary g = bundled;
    if (g == null) {
      synchronized (Glossary.class) {
        g = bundled;
        if (g == null) {
          GlossaryAnalysis.preloadInBackground();
          Directory dir = BundledIndex.open();
          try {
            bundled = g = new Glossary(new Searchers(dir, null), null);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot open the bundled glossary index", e);
          }
        }
      }
    }
    return g;
  }

  /**
   * Indexes a corpus in memory. Close the result when done with it.
   *
   * @param corpus the terms to search, such as {@link Corpus#load(java.nio.file.Path)} returns
   * @return a glossary of those terms
   */
  public static Glossary of(Corpus corpus) {
    try {
      Directory dir = FreshIndex.inMemory(corpus.terms());
      Searchers manager = new Searchers(dir, null);
      return new Glossary(manager, () -> {
        try {
          manager.close();
        } finally {
          dir.close();
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot index the corpus in memory", e);
    }
  }

  /** A glossary over searchers that the caller owns and closes: {@link #close()} on it does nothing. */
  static Glossary over(Searchers searchers) {
    return new Glossary(searchers, null);
  }

  /**
   * Searches with the default request: top 10, highlighted (see {@link SearchRequest#of(String)}).
   *
   * @param query the text as the user typed it
   * @return the hits and counts
   * @throws InvalidQueryException as {@link #search(SearchRequest)} does
   */
  public SearchResponse search(String query) {
    return search(SearchRequest.of(query));
  }

  /**
   * Runs a search.
   *
   * @param request the query and how to search it
   * @return the hits and counts
   * @throws InvalidQueryException if the query is empty or too long, names an unknown section, scopes
   *     to a service, category or difficulty no term can have ({@code service:nope}), or
   *     expands (with its synonyms) to more clauses than Lucene allows; no Lucene exception reaches
   *     the caller for a query it cannot run
   */
  public SearchResponse search(SearchRequest request) {
    return search(request, Highlighting.LEAN);
  }

  /** {@link #search(SearchRequest)} with the hits' candidate passages from {@code passages}. */
  SearchResponse search(SearchRequest request, Highlighting.PassageSource passages) {
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
    GlossarySearcher s = acquire();
    try {
      QueryFactory qf = s.queries();
      if (!uq.isCli()) {
        String within = qf.withinTokenBudget(uq.text());
        uq = within.length() < uq.text().length() ? uq.truncatedTo(within) : uq;
      }
      for (String phrase : uq.phrases()) { // refused before any work is done for the rest
        qf.checkPhrase(phrase);
      }
      List<Query> filters = filters(s, request, uq);
      String text = uq.text();
      LastWord last = request.prefixLast() && uq.openWord() != null
          ? LastWord.of(s.getIndexReader(), qf, text, uq.openWord(), uq.isCli()) : null;
      // an unfinished last word is not a typo: "integ" stays "integ", not "inter"
      String corrected = uq.isCli() ? null : correct(s, qf, text, last != null);
      String effective = corrected != null ? corrected : text;

      Query scoring = qf.scoring(effective, uq, section, last);
      Query pairs = qf.pairs(effective, section);
      Matching matches = Matching.of(qf, s.getIndexReader(), effective, uq, last, section);
      Query constraint = constraint(uq, section, filters, qf);
      Matching.Selection selection = matches.select(s, constraint);
      Matching.Level level = selection == null ? null : selection.level();
      MatchSet matched = selection == null ? null : selection.terms();
      Query query = matched != null ? within(scoring, matched, uq, section, qf)
          : assemble(withPairs(scoring, pairs), uq, section, filters, qf);
      Run run = matched != null ? rank(s, query, pairs, matched, request) : run(s, query, request);
      if (matched != null && pairs != null && request.explain()) {
        query = withPairs(query, pairs); // what the hits were scored by, for explanations
      }
      String matching = level == null ? null : level.description();
      boolean relaxed = level != null && level.relaxed();
      // the typo fallback keeps the phrases, exclusions and filters: when they match nothing, nor can it
      if (run.total == 0 && !uq.isCli() && (constraint == null || s.count(constraint) > 0)) {
        List<String> words = qf.spellWords(effective).stream().filter(w -> w.length() <= MAX_CORRECTED_LENGTH).toList();
        if (!words.isEmpty()) {
          Query fuzzy = assemble(qf.fuzzy(words), uq, section, filters, qf);
          Run fuzzyRun = run(s, fuzzy, request);
          if (fuzzyRun.total > 0) {
            query = fuzzy;
            run = fuzzyRun;
            matching = TYPO_MATCHING;
            relaxed = true;
          }
        }
      }
      String didYouMean = corrected != null && run.total > 0 ? corrected : null;
      List<Hit> hits = hits(s, request, run.top, query,
          request.highlight() ? qf.highlight(effective, uq.phrases(), last) : null,
          section == null ? null : section.key(), effective, passages);
      long micros = (System.nanoTime() - start) / 1000;
      return new SearchResponse(request.query(), run.total, micros, hits, run.facets, didYouMean,
          run.total == 0 ? null : matching, run.total > 0 && relaxed, uq.truncated());
    } catch (IndexSearcher.TooManyClauses e) { // TooManyNestedClauses too: Lucene's limit, reached by the expansions
      throw new InvalidQueryException("query too complex: its words and their synonyms expand to more than "
          + IndexSearcher.getMaxClauseCount() + " clauses; use fewer or less repeated words");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      release(s);
    }
  }

  /**
   * Longer words are neither corrected nor matched within typing distance: no glossary word is that
   * long, and the edit-distance work grows with the word (999 letters took half a second).
   */
  static final int MAX_CORRECTED_LENGTH = 30;

  /**
   * Most words of one query that are looked up for a correction: each unknown word is an
   * edit-distance walk of the dictionary; known words cost one path down it and are not counted.
   */
  static final int MAX_CORRECTED_WORDS = 8;

  /** {@link SearchResponse#matching()} when only the typo fallback found terms. */
  static final String TYPO_MATCHING = "words within typing distance";

  /**
   * Up to {@code limit} completions of a prefix to term names and aliases, one per term, the
   * best-matching label of each: an exact name or alias match first ({@code sas} → Shared access
   * signature), then completions, earliest and most completely typed first, then (for four or more
   * characters) completions one typo away. Case, accents and punctuation are ignored ("self hosted
   * int" completes "self-hosted integration runtime"). A null, blank or over-long (over 100
   * characters) prefix has none.
   *
   * @param prefix what the user has typed so far
   * @param limit the most completions to return, 1 to 100
   * @return the completions, best first; empty when there are none
   * @throws IllegalArgumentException if {@code limit} is not between 1 and 100
   */
  public List<Suggestion> suggest(String prefix, int limit) {
    if (limit < 1 || limit > 100) {
      throw new IllegalArgumentException("limit must be between 1 and 100 (got " + limit + ")");
    }
    if (prefix == null || prefix.isBlank()) {
      return List.of();
    }
    GlossarySearcher s = acquire();
    try {
      return s.suggester().suggest(prefix, limit);
    } finally {
      release(s);
    }
  }

  /**
   * A term's whole entry, read from the index this glossary searches (the bundled one, a corpus
   * indexed in memory, or the generation of a persistent index being served), equal to the term
   * that was indexed. Meant for showing a hit: {@code glossary.term(hit.id())}. Thread-safe, and
   * costs one id lookup and one stored document; searches never read the entries.
   *
   * @param id a term id, as {@link Hit#id()} gives it
   * @return the term, or empty when no term has this id
   * @throws NullPointerException if {@code id} is null
   * @throws IllegalStateException if the index has the term but not its entry (a persistent index
   *     written before entries were stored, which the next reindex rebuilds whole), or a damaged one
   */
  public Optional<Term> term(String id) {
    Objects.requireNonNull(id, "id");
    GlossarySearcher s = acquire();
    try {
      TopDocs top = s.search(new TermQuery(new org.apache.lucene.index.Term(Fields.ID, id)), 1);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      Term term;
      try {
        term = TermDocument.storedTerm(s.storedFields(), top.scoreDocs[0].doc);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("the index's entry of term '" + id + "' is damaged (" + e.getMessage()
            + "); rebuild the index", e);
      }
      if (term == null) {
        throw new IllegalStateException("the index holds term '" + id + "' but not its entry: it was written before"
            + " entries were stored; rebuild it (the next Reindexer run rebuilds it whole)");
      }
      return Optional.of(term);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      release(s);
    }
  }

  /**
   * The services of the terms currently searchable, as {@link Hit#service()} spells them, in
   * case-insensitive order: the values a {@link SearchRequest#service(String)} filter or a
   * {@code service:} scope can match (case aside). Read once per index generation.
   *
   * @return the services, without repeats
   */
  public List<String> services() {
    GlossarySearcher s = acquire();
    try {
      return s.services();
    } finally {
      release(s);
    }
  }

  /** {@return the number of terms currently searchable} */
  public int size() {
    GlossarySearcher s = acquire();
    try {
      return s.termCount();
    } finally {
      release(s);
    }
  }

  private GlossarySearcher acquire() {
    try {
      return searchers.acquire();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void release(GlossarySearcher s) {
    try {
      searchers.release(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The request's filters, or where it has none the query's scopes. A scope typed in the query that
   * no term can have is refused, as an unknown {@code section:} is: a service of none of this
   * index's terms, a category not in {@link Term#CATEGORIES}, a difficulty not in {@link Difficulty}
   * (case ignored). A request's filter is not checked: it matches nothing.
   */
  private static List<Query> filters(GlossarySearcher s, SearchRequest r, UserQuery uq) {
    List<Query> out = new ArrayList<>();
    String service = r.service() != null ? r.service() : uq.service();
    if (service != null) {
      String indexed = s.service(service);
      if (indexed == null && r.service() == null) {
        throw unknownScope("service", service, s.services());
      }
      out.add(new TermQuery(new org.apache.lucene.index.Term(Fields.SERVICE, indexed != null ? indexed : service)));
    }
    String category = r.category() != null ? r.category() : uq.category();
    if (category != null) {
      String indexed = s.category(category);
      if (r.category() == null && Term.CATEGORIES.stream().noneMatch(c -> c.toLowerCase(Locale.ROOT).equals(category.toLowerCase(Locale.ROOT)))) {
        throw unknownScope("category", category, Term.CATEGORIES);
      }
      out.add(new TermQuery(new org.apache.lucene.index.Term(Fields.CATEGORY, indexed != null ? indexed : category)));
    }
    String difficulty = r.difficulty() != null ? r.difficulty().label() : uq.difficulty();
    if (r.difficulty() == null && difficulty != null && Difficulty.fromLabel(difficulty) == null) {
      throw unknownScope("difficulty", difficulty, java.util.Arrays.stream(Difficulty.values()).map(Difficulty::label).toList());
    }
    if (difficulty != null) {
      out.add(new TermQuery(new org.apache.lucene.index.Term(Fields.DIFFICULTY, difficulty)));
    }
    return out;
  }

  private static InvalidQueryException unknownScope(String key, String value, List<String> expected) {
    return new InvalidQueryException("unknown " + key + " '" + value + "' (expected one of " + String.join(", ", expected)
        + ")");
  }

  /** The ranking query without a match set: {@code scoring} within the request's constraints, quoted phrases scoring too. */
  private static Query assemble(Query scoring, UserQuery uq, Section section, List<Query> filters, QueryFactory qf) {
    return constrained(scoring, Occur.MUST, uq, section, filters, qf);
  }

  /**
   * The ranking query over a match set, which already holds the filters, phrases and exclusions:
   * every term of the set is a hit, and the scoring query and the phrases only order them.
   */
  private static Query within(Query scoring, MatchSet matched, UserQuery uq, Section section, QueryFactory qf) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(matched, Occur.FILTER);
    b.add(scoring, Occur.SHOULD);
    for (String p : uq.phrases()) {
      b.add(qf.phrase(p, section), Occur.SHOULD);
    }
    return b.build();
  }

  /** The request's filters, quoted phrases and exclusions as one query, or null when it has none. */
  private static Query constraint(UserQuery uq, Section section, List<Query> filters, QueryFactory qf) {
    if (filters.isEmpty() && uq.phrases().isEmpty() && uq.excluded().isEmpty()) {
      return null;
    }
    return constrained(new MatchAllDocsQuery(), Occur.FILTER, uq, section, filters, qf);
  }

  private static Query constrained(Query q, Occur phrases, UserQuery uq, Section section, List<Query> filters,
      QueryFactory qf) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(q, Occur.MUST);
    for (String p : uq.phrases()) {
      b.add(qf.phrase(p, section), phrases);
    }
    for (String x : uq.excluded()) {
      Query e = qf.excluded(x);
      if (e != null) {
        b.add(e, Occur.MUST_NOT);
      }
    }
    for (Query f : filters) {
      b.add(f, Occur.FILTER);
    }
    return b.build();
  }

  private record Run(TopDocs top, int total, Facets facets) {}

  /**
   * The top hits of a match set. The set already knows how many terms matched, and its facets are
   * counted from it, so the ranking pass only has to find the best {@code limit} and may skip the
   * terms that cannot enter them.
   */
  private static Run rank(IndexSearcher s, Query query, Query pairs, MatchSet matched, SearchRequest r)
      throws IOException {
    // skipping needs each term's score bounds (impacts), dearer to read than a few hundred terms are to score
    int threshold = matched.count() <= SCORE_ALL_UP_TO ? Integer.MAX_VALUE : r.limit();
    int first = pairs == null ? r.limit() : Math.max(r.limit(), RESCORED);
    TopDocs top = s.search(query, new TopScoreDocCollectorManager(first, threshold));
    if (pairs != null) { // the word pairs only for the best of the first ranking: every hit is among them
      top = QueryRescorer.rescore(s, top, pairs, 1, r.limit());
    }
    return new Run(top, matched.count(), r.facets() ? FacetCounts.of(s, matched) : Facets.EMPTY);
  }

  /**
   * How many of the best-ranked terms the word pairs of a descriptive query are added to: every
   * match of a bundled-glossary query but a few, and at 100,000 terms a question's thousands of
   * matches are spared the phrase matching.
   */
  static final int RESCORED = 50;

  /** {@code q} and the word pairs, scored together; {@code q} when there are none. */
  private static Query withPairs(Query q, Query pairs) {
    return pairs == null ? q : new BooleanQuery.Builder().add(q, Occur.SHOULD).add(pairs, Occur.SHOULD).build();
  }

  /** Match sets up to this size are scored whole; larger ones let the collector skip terms that cannot enter the top. */
  static final int SCORE_ALL_UP_TO = 1000;

  /** The top hits of a query, every match counted, with the facets in the same pass when asked for. */
  private static Run run(IndexSearcher s, Query query, SearchRequest r) throws IOException {
    var topManager = new TopScoreDocCollectorManager(r.limit(), Integer.MAX_VALUE);
    if (!r.facets()) {
      TopDocs top = s.search(query, topManager);
      return new Run(top, (int) top.totalHits.value(), Facets.EMPTY);
    }
    Object[] results = s.search(query, new MultiCollectorManager(topManager, new FacetCounts()));
    TopDocs top = (TopDocs) results[0];
    Facets facets = (Facets) results[1];
    return new Run(top, (int) top.totalHits.value(), facets);
  }

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");

  /**
   * "Did you mean": every word of four or more letters that no term contains, up to
   * {@value #MAX_CORRECTED_WORDS} of them, is replaced by the closest word that one does (1 edit up
   * to 7 letters, 2 beyond). Null when nothing changed.
   *
   * @param keepLast leave the last word as typed: it is unfinished (it begins words of the glossary)
   */
  static String correct(GlossarySearcher s, QueryFactory qf, String text, boolean keepLast) {
    var matcher = WORD.matcher(text);
    StringBuilder out = new StringBuilder();
    boolean changed = false;
    int last = 0;
    int unknown = 0;
    while (matcher.find()) {
      String word = matcher.group();
      String lower = word.toLowerCase(Locale.ROOT);
      String replacement = word;
      boolean unfinished = keepLast && matcher.end() == text.length();
      if (!unfinished && lower.length() >= 4 && lower.length() <= MAX_CORRECTED_LENGTH
          && lower.chars().allMatch(Character::isLetter)
          && (s.speller().isTerm(lower) || unknown++ < MAX_CORRECTED_WORDS)) {
        String suggestion = s.speller().suggest(lower); // null for a word some term contains
        if (suggestion != null) {
          replacement = suggestion;
          changed = true;
        }
      }
      out.append(text, last, matcher.start()).append(replacement);
      last = matcher.end();
    }
    out.append(text.substring(last));
    return changed ? out.toString() : null;
  }

  private static List<Hit> hits(GlossarySearcher s, SearchRequest r, TopDocs top, Query query, Query highlightQuery,
      String onlySection, String text, Highlighting.PassageSource passages) throws IOException {
    ScoreDoc[] sd = top.scoreDocs;
    int[] docs = new int[sd.length];
    for (int i = 0; i < sd.length; i++) {
      docs[i] = sd[i].doc;
    }
    List<List<Highlight>> highlights = r.highlight() && docs.length > 0
        ? Highlighting.highlight(s, highlightQuery, docs, onlySection, passages) : null;
    List<Hit> out = new ArrayList<>(sd.length);
    for (int i = 0; i < sd.length; i++) {
      int doc = sd[i].doc;
      // from doc values: stored fields would decompress each hit's whole block, body included
      String[] names = DocValuesReader.binary(s, doc, Fields.NAMES).split(String.valueOf(TermDocument.NAMES_SEPARATOR), 3);
      List<Highlight> hs = highlights == null ? List.of() : highlights.get(i);
      if (r.highlight() && hs.isEmpty()) {
        hs = List.of(fallbackHighlight(s, doc, onlySection));
      }
      String explanation = r.explain() ? explain(s, query, doc, text) : null;
      out.add(new Hit(names[0], names[1], DocValuesReader.sorted(s, doc, Fields.SERVICE),
          DocValuesReader.sorted(s, doc, Fields.CATEGORY), DocValuesReader.sorted(s, doc, Fields.DIFFICULTY),
          sd[i].score, hs, explanation));
    }
    return out;
  }

  /** When no sentence holds a match (a name-only or fuzzy hit), show the section's first sentence. */
  private static Highlight fallbackHighlight(GlossarySearcher s, int doc, String onlySection) throws IOException {
    String body = s.highlighter().body(doc);
    var starts = TermDocument.parseSectionStarts(DocValuesReader.binary(s, doc, Fields.SECTION_STARTS));
    String key = onlySection != null && starts.containsKey(onlySection) ? onlySection : "definition";
    int from = starts.getOrDefault(key, 0);
    int end = body.indexOf(TermDocument.PARAGRAPH, from);
    String section = body.substring(from, end < 0 ? body.length() : end);
    int dot = section.indexOf(". ");
    String first = dot > 0 ? section.substring(0, dot + 1) : section;
    return new Highlight(key, Highlighting.escape(first).strip());
  }

  private static String explain(GlossarySearcher s, Query query, int doc, String text) throws IOException {
    Explanation e = s.explain(query, doc);
    List<String[]> parts = new ArrayList<>();
    collect(e, parts);
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "score %.3f", e.getValue().floatValue()));
    parts.stream().sorted((a, b) -> {
          int byScore = Float.compare(Float.parseFloat(b[0]), Float.parseFloat(a[0]));
          return byScore != 0 ? byScore : a[1].compareTo(b[1]);
        }).limit(12)
        .forEach(p -> sb.append(String.format(Locale.ROOT, "%n  %8.3f  %s", Float.parseFloat(p[0]), p[1])));
    Set<String> syn = synonyms(s.analysis(), text);
    if (!syn.isEmpty()) {
      sb.append("\n  synonyms: ").append(String.join(", ", syn));
    }
    return sb.toString();
  }

  /** The leaf clauses that scored: "weight(field:term ...)" with their contribution after boosts. */
  private static void collect(Explanation e, List<String[]> out) {
    String d = e.getDescription();
    if (d.startsWith("weight(")) {
      String what = d.substring("weight(".length());
      int in = what.lastIndexOf(" in ");
      what = in > 0 ? what.substring(0, in) : what;
      out.add(new String[] {Float.toString(e.getValue().floatValue()), what});
      return;
    }
    for (Explanation sub : e.getDetails()) {
      collect(sub, out);
    }
  }

  /** The words the alias synonyms added to a query, for explanations. */
  static Set<String> synonyms(GlossaryAnalysis analysis, String text) {
    Set<String> out = new LinkedHashSet<>();
    try (TokenStream ts = analysis.exactQuery().tokenStream(Fields.NAME_TEXT, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (SynonymGraphFilter.TYPE_SYNONYM.equals(type.type())) {
          out.add(term.toString());
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * Closes the in-memory index of {@link #of(Corpus)}. Does nothing on the shared bundled glossary,
   * nor on a view owned by something else, such as a persistent index's, which its owner closes.
   */
  @Override
  public void close() throws IOException {
    if (owned != null) {
      owned.close();
    }
  }
}
