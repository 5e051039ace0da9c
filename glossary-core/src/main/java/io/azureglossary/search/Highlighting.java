package io.azureglossary.search;

import io.azureglossary.index.Fields;
import io.azureglossary.index.TermDocument;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Section-labelled passages from the body field: the words of the query it is given (the
 * synonym-expanded, non-fuzzy one) marked where the body's postings say they are, so a match on
 * "ADH" highlights the words "dedicated host" as they are written. Each passage is one sentence or
 * bullet (the body marks both with U+2029); the section it starts in is its label. The passages are
 * those Lucene's {@code UnifiedHighlighter} would choose (term-level offsets from the postings, a
 * U+2029 break iterator, {@link LeanPassageScorer}, {@link Fragment#html()}), found by {@link
 * LeanHighlighter} with far less reading.
 */
final class Highlighting {
  static final int MAX_PASSAGES = 3;
  /** Passages asked of the highlighter before filtering to a section and keeping the best three. */
  static final int CANDIDATES = 8;

  private Highlighting() {}

  /**
   * A candidate passage of one document, with what is needed to rank and label it; its text is
   * marked up only when asked for, so only the passages kept are formatted.
   */
  static final class Fragment {
    private final Passage passage;
    private final String content;

    /** @param content the text {@code passage}'s offsets are in */
    Fragment(Passage passage, String content) {
      this.passage = passage;
      this.content = content;
    }

    int start() {
      return passage.getStartOffset();
    }

    float score() {
      return passage.getScore();
    }

    /**
     * The passage as HTML-escaped text, stripped, with each match wrapped in {@code <mark>}:
     * matches separated only by spaces or hyphens share one mark, and a match overlapping one
     * already marked (a synonym on the same words) adds none.
     */
    String html() {
      int n = passage.getNumMatches();
      int[] starts = passage.getMatchStarts();
      int[] ends = passage.getMatchEnds();
      StringBuilder sb = new StringBuilder(passage.getLength() + 16 * n + 16);
      int pos = passage.getStartOffset();
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
      escape(content, pos, passage.getEndOffset(), sb);
      // String.strip, without the intermediate string: no whitespace character is a surrogate
      int from = 0;
      int to = sb.length();
      while (from < to && Character.isWhitespace(sb.charAt(from))) {
        from++;
      }
      while (to > from && Character.isWhitespace(sb.charAt(to - 1))) {
        to--;
      }
      return sb.substring(from, to);
    }
  }

  /**
   * Where the candidate passages of a search's hits come from: up to {@link #CANDIDATES} per
   * document, for documents given in ascending doc id order, one list per document (empty when it
   * has none).
   */
  interface PassageSource {
    List<List<Fragment>> fragments(GlossarySearcher searcher, Query query, int[] sortedDocs) throws IOException;
  }

  /** The searcher's own {@link LeanHighlighter}: what searches use. */
  static final PassageSource LEAN = (searcher, query, docs) -> searcher.highlighter().fragments(query, docs, CANDIDATES);

  static List<List<Highlight>> highlight(GlossarySearcher searcher, Query query, int[] docs, String onlySection)
      throws IOException {
    return highlight(searcher, query, docs, onlySection, LEAN);
  }

  /** Up to {@link #MAX_PASSAGES} labelled passages per document, best first, from {@code source}'s candidates. */
  static List<List<Highlight>> highlight(GlossarySearcher searcher, Query query, int[] docs, String onlySection,
      PassageSource source) throws IOException {
    // the source wants doc ids in order; remember where each came from
    Integer[] order = new Integer[docs.length];
    for (int i = 0; i < docs.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, Comparator.comparingInt(i -> docs[i]));
    int[] sortedDocs = new int[docs.length];
    for (int i = 0; i < docs.length; i++) {
      sortedDocs[i] = docs[order[i]];
    }
    List<List<Fragment>> sortedOut = source.fragments(searcher, query, sortedDocs);
    List<List<Fragment>> perDoc = new ArrayList<>(java.util.Collections.nCopies(docs.length, List.<Fragment>of()));
    for (int i = 0; i < docs.length; i++) {
      perDoc.set(order[i], sortedOut.get(i));
    }
    List<List<Highlight>> result = new ArrayList<>(docs.length);
    for (int i = 0; i < docs.length; i++) {
      List<Fragment> frags = perDoc.get(i);
      if (frags.isEmpty()) {
        result.add(List.of());
        continue;
      }
      Map<String, Integer> starts = TermDocument.parseSectionStarts(DocValuesReader.binary(searcher, docs[i], Fields.SECTION_STARTS));
      record Labelled(String section, Fragment fragment) {}
      List<Labelled> kept = new ArrayList<>(frags.size());
      for (Fragment f : frags) {
        String section = sectionAt(starts, f.start());
        if (onlySection == null || onlySection.equals(section)) {
          kept.add(new Labelled(section, f));
        }
      }
      // best first; a stable sort, so equal scores stay in text order
      kept.sort((a, b) -> Float.compare(-a.fragment().score(), -b.fragment().score()));
      List<Highlight> hs = new ArrayList<>(Math.min(MAX_PASSAGES, kept.size()));
      for (int k = 0; k < kept.size() && k < MAX_PASSAGES; k++) {
        hs.add(new Highlight(kept.get(k).section(), kept.get(k).fragment().html())); // formats the kept only
      }
      result.add(hs);
    }
    return result;
  }

  static String sectionAt(Map<String, Integer> starts, int offset) {
    String section = "definition";
    for (var e : starts.entrySet()) {
      if (e.getValue() <= offset) {
        section = e.getKey();
      } else {
        break;
      }
    }
    return section;
  }

  /**
   * Lucene's passage score (BM25 over the passage, times a position norm), computed without
   * allocating. {@link PassageScorer#score} builds a {@code BytesRefHash} for every passage it
   * scores, and with it a 32 KB byte block: on the bundled glossary that was four fifths of the
   * highlighter's allocation, about 4 MB per highlighted top-10 search. Here the distinct terms of
   * a passage (a sentence: a handful of matches) are found by comparing the matches pairwise, in
   * order of first occurrence as the hash numbered them, so every score is the same float.
   */
  static final class LeanPassageScorer extends PassageScorer {
    @Override
    public float score(Passage passage, int contentLength) {
      int n = passage.getNumMatches();
      BytesRef[] terms = passage.getMatchTerms();
      int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
      double score = 0; // summed in double, as Lucene does
      next:
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < i; j++) {
          if (terms[j].bytesEquals(terms[i])) {
            continue next; // counted at its first occurrence
          }
        }
        int inPassage = 1;
        for (int j = i + 1; j < n; j++) {
          if (terms[j].bytesEquals(terms[i])) {
            inPassage++;
          }
        }
        score += tf(inPassage, passage.getLength()) * weight(contentLength, freqsInDoc[i]);
      }
      return (float) (score * norm(passage.getStartOffset()));
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

  /** Appends {@code s[from, to)} HTML-escaped, line and paragraph breaks as spaces; unescaped runs are copied whole. */
  static void escape(String s, int from, int to, StringBuilder out) {
    int run = from;
    for (int i = from; i < to; i++) {
      String replacement = switch (s.charAt(i)) {
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '&' -> "&amp;";
        case '"' -> "&quot;";
        case '\'' -> "&#39;";
        case '\n', '\u2029' -> " ";
        default -> null;
      };
      if (replacement != null) {
        out.append(s, run, i).append(replacement);
        run = i + 1;
      }
    }
    out.append(s, run, to);
  }

  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    escape(s, 0, s.length(), sb);
    return sb.toString();
  }
}
