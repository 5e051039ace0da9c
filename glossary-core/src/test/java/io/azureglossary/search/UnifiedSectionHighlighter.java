package io.azureglossary.search;

import io.azureglossary.index.Fields;
import io.azureglossary.index.TermDocument;
import io.azureglossary.search.Highlighting.Fragment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * The reference for {@link LeanHighlighter}: the Lucene {@link UnifiedHighlighter} configuration
 * searches used before it (term-level offsets from the postings, a U+2029 break iterator, the lean
 * scorer and the fragment formatter, no summary for a document without a match, bodies cached per
 * searcher for small indexes). Test code only.
 */
final class UnifiedSectionHighlighter extends UnifiedHighlighter {
  private static final Set<String> BODY_ONLY = Set.of(Fields.BODY);
  private static final Map<IndexSearcher, UnifiedSectionHighlighter> BY_SEARCHER = new ConcurrentHashMap<>();

  /** Candidates from one reference highlighter per searcher. */
  static final Highlighting.PassageSource SOURCE = (searcher, query, docs) ->
      BY_SEARCHER.computeIfAbsent(searcher, s -> new UnifiedSectionHighlighter(searcher, searcher.analysis().proseIndex()))
          .fragments(query, docs);

  private final IndexReader reader;
  private final AtomicReferenceArray<String> bodies;

  UnifiedSectionHighlighter(IndexSearcher searcher, Analyzer indexAnalyzer) {
    super(UnifiedHighlighter.builder(searcher, indexAnalyzer)
        .withMaxLength(200_000)
        .withBreakIterator(() -> new CustomSeparatorBreakIterator(TermDocument.PARAGRAPH))
        .withScorer(new Highlighting.LeanPassageScorer())
        .withWeightMatches(false)
        .withHighlightPhrasesStrictly(false)
        .withFormatter(new Highlighting.FragmentFormatter())
        .withMaxNoHighlightPassages(0));
    this.reader = searcher.getIndexReader();
    this.bodies = reader.maxDoc() > LeanHighlighter.BODY_CACHE_MAX_DOCS ? null : new AtomicReferenceArray<>(reader.maxDoc());
  }

  @Override
  protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
      throws IOException {
    if (bodies == null || fields.length != 1 || !Fields.BODY.equals(fields[0])) {
      return super.loadFieldValues(fields, docs, cacheCharsThreshold);
    }
    List<CharSequence[]> out = new ArrayList<>();
    StoredFields stored = null;
    for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
      String body = bodies.get(doc);
      if (body == null) {
        if (stored == null) {
          stored = reader.storedFields();
        }
        body = stored.document(doc, BODY_ONLY).get(Fields.BODY);
        body = body == null ? "" : body;
        bodies.set(doc, body);
      }
      out.add(new CharSequence[] {body});
    }
    return out;
  }

  /** Up to {@link Highlighting#CANDIDATES} fragments for each of {@code docs} (ascending), empty when none. */
  @SuppressWarnings("unchecked")
  List<List<Fragment>> fragments(Query query, int[] docs) throws IOException {
    Object[] perDoc = highlightFieldsAsObjects(new String[] {Fields.BODY}, query, docs,
        new int[] {Highlighting.CANDIDATES}).get(Fields.BODY);
    List<List<Fragment>> out = new ArrayList<>(docs.length);
    for (int i = 0; i < docs.length; i++) {
      out.add(perDoc == null || perDoc[i] == null ? List.of() : (List<Fragment>) perDoc[i]);
    }
    return out;
  }
}
