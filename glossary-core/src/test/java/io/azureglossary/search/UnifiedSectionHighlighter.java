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
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * The reference for {@link LeanHighlighter}: the Lucene {@link UnifiedHighlighter} configuration
 * searches used before it (term-level offsets from the postings, a U+2029 break iterator, the lean
 * scorer, the fragment formatter as it was, no summary for a document without a match, bodies
 * cached per searcher for small indexes). Test code only.
 */
final class UnifiedSectionHighlighter extends UnifiedHighlighter {
  private static final Set<String> BODY_ONLY = Set.of(Fields.BODY);
  private static final Map<IndexSearcher, UnifiedSectionHighlighter> BY_SEARCHER = new ConcurrentHashMap<>();

  /** A passage the UnifiedHighlighter chose, and its text as the formatter searches used before formatted it. */
  record Candidate(Fragment fragment, String html) {}

  /** The reference highlighter of a glossary searcher, one per searcher. */
  static UnifiedSectionHighlighter of(GlossarySearcher searcher) {
    return BY_SEARCHER.computeIfAbsent(searcher, s -> new UnifiedSectionHighlighter(searcher, searcher.analysis().proseIndex()));
  }

  private final IndexReader reader;
  private final AtomicReferenceArray<String> bodies;

  UnifiedSectionHighlighter(IndexSearcher searcher, Analyzer indexAnalyzer) {
    super(UnifiedHighlighter.builder(searcher, indexAnalyzer)
        .withMaxLength(200_000)
        .withBreakIterator(() -> new CustomSeparatorBreakIterator(TermDocument.PARAGRAPH))
        .withScorer(new Highlighting.LeanPassageScorer())
        // term-level offsets: far cheaper than weight matches on synonym phrase graphs; the
        // formatter joins marks separated only by spaces, so "dedicated host" is still one mark
        .withWeightMatches(false)
        .withHighlightPhrasesStrictly(false)
        .withFormatter(new FragmentFormatter())
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
        bodies.set(doc, body); // two threads may both read it: same value, no harm
      }
      out.add(new CharSequence[] {body});
    }
    return out;
  }

  /** Up to {@link Highlighting#CANDIDATES} passages for each of {@code docs} (ascending), empty when none. */
  @SuppressWarnings("unchecked")
  List<List<Candidate>> candidates(Query query, int[] docs) throws IOException {
    Object[] perDoc = highlightFieldsAsObjects(new String[] {Fields.BODY}, query, docs,
        new int[] {Highlighting.CANDIDATES}).get(Fields.BODY);
    List<List<Candidate>> out = new ArrayList<>(docs.length);
    for (int i = 0; i < docs.length; i++) {
      out.add(perDoc == null || perDoc[i] == null ? List.of() : (List<Candidate>) perDoc[i]);
    }
    return out;
  }

  /** The formatter searches used with the UnifiedHighlighter, as it was, beside each passage. */
  static final class FragmentFormatter extends PassageFormatter {
    @Override
    public Object format(Passage[] passages, String content) {
      List<Candidate> out = new ArrayList<>(passages.length);
      for (Passage p : passages) {
        StringBuilder sb = new StringBuilder();
        int pos = p.getStartOffset();
        int n = p.getNumMatches();
        int[] starts = p.getMatchStarts();
        int[] ends = p.getMatchEnds();
        for (int i = 0; i < n; i++) {
          int start = starts[i];
          int end = ends[i];
          if (start < pos) { // overlapping match (a synonym on the same words): already marked
            continue;
          }
          // join following matches separated only by spaces or hyphens into one mark
          while (i + 1 < n && starts[i + 1] >= end && onlyJoiners(content, end, starts[i + 1])) {
            end = Math.max(end, ends[++i]);
          }
          escape(content, pos, start, sb);
          sb.append("<mark>");
          escape(content, start, end, sb);
          sb.append("</mark>");
          pos = end;
        }
        escape(content, pos, p.getEndOffset(), sb);
        out.add(new Candidate(new Fragment(p, content), sb.toString().strip()));
      }
      return out;
    }

    private static void escape(String s, int from, int to, StringBuilder out) {
      for (int i = from; i < to; i++) {
        char c = s.charAt(i);
        switch (c) {
          case '<' -> out.append("&lt;");
          case '>' -> out.append("&gt;");
          case '&' -> out.append("&amp;");
          case '"' -> out.append("&quot;");
          case '\'' -> out.append("&#39;");
          case '\n', '\u2029' -> out.append(' ');
          default -> out.append(c);
        }
      }
    }

    private static boolean onlyJoiners(String s, int from, int to) {
      for (int i = from; i < to; i++) {
        char c = s.charAt(i);
        if (c != ' ' && c != '-') {
          return false;
        }
      }
      return true;
    }
  }
}
