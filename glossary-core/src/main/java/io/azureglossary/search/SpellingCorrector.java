package io.azureglossary.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

/**
 * "Did you mean" for one lower-case word over one field's terms: exactly the first suggestion of
 * Lucene's {@code DirectSpellChecker} as {@code Glossary} configured it (max edits 1 for words of
 * up to 7 chars, else 2; min prefix 0; accuracy 0.5; min query length 4; the other settings
 * default: max inspections 5, threshold frequency 0, the internal Damerau-Levenshtein distance and
 * the default comparator; mode {@code SUGGEST_WHEN_NOT_IN_INDEX}, one suggestion), without building
 * Levenshtein automata or intersecting the terms dictionary per word.
 *
 * <p>What it reproduces of the spell checker (Lucene 10.6): a word of fewer than 4 code points, or
 * one that is a term, gets nothing. A first pass draws every term within 1 edit (optimal string
 * alignment: insertions, deletions, substitutions and adjacent transpositions of code points,
 * scored {@code 1 - edits / min(length, word length)} in code points, kept if at least 0.5) and
 * keeps the 5 best by score, then term order. For a two-edit word, if fewer than 5 were kept, a
 * second pass draws the terms that share the word's first code point and are within 2 edits of it
 * after it, again keeping the 5 best; the union is ranked by score, then document frequency
 * (summed over segments, deleted documents included, as the terms dictionary counts them), then
 * {@link String#compareTo}, and the first is the answer. The 5-best cut before frequency counts
 * matters for ties: of six equally close terms, the most frequent wins only if it is among the
 * first five in term order.
 *
 * <p>The terms are held as a trie in pre-order arrays (a node's subtree is the range up to its
 * {@code end}), walked depth first with one row of the edit-distance table per depth, computed only
 * within the allowed edits of the diagonal; a subtree is skipped as soon as its row holds nothing
 * within them. Memory: 12 bytes per trie node
 * (a code point, the subtree end and the document frequency), and there are at most as many nodes
 * as code points in all the terms, fewer by every shared prefix: the bundled glossary's spelling
 * terms make 30,192 nodes, 360 KB, built in about 2 ms (glossary-bench SpellingBenchmark); 300,000
 * terms would take some 10 MB. Immutable once built, so safe to share
 * between threads; each call allocates only its small table.
 */
final class SpellingCorrector {
  /** Words shorter than this, in code points, are never corrected. */
  static final int MIN_LENGTH = 4;
  /** Longer words, in chars, may be corrected with 2 edits, shorter with 1. */
  static final int ONE_EDIT_MAX_LENGTH = 7;
  private static final int INSPECTIONS = 5;
  private static final float ACCURACY = 0.5f;

  /** Per node, in pre-order: its code point, the end of its subtree, the document frequency of the term ending there (0 if none). */
  private final int[] label;
  private final int[] end;
  private final int[] freq;
  private final int longest;

  private SpellingCorrector(int[] label, int[] end, int[] freq, int longest) {
    this.label = label;
    this.end = end;
    this.freq = freq;
    this.longest = longest;
  }

  /** Reads the field's terms and document frequencies from every segment of the reader. */
  static SpellingCorrector of(IndexReader reader, String field) {
    try {
      return build(MultiTerms.getTerms(reader, field));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SpellingCorrector build(Terms terms) throws IOException {
    int[] label = new int[1024];
    int[] end = new int[1024];
    int[] freq = new int[1024];
    int n = 0;
    int longest = 0;
    int[] previous = new int[16];
    int previousLength = 0;
    int[] open = new int[16]; // the node at each depth on the path to the previous term
    if (terms != null) {
      TermsEnum te = terms.iterator();
      int[] cps = new int[16];
      for (BytesRef t = te.next(); t != null; t = te.next()) {
        cps = ArrayUtil.grow(cps, t.length);
        int length = codePoints(t, cps);
        int common = 0;
        while (common < length && common < previousLength && cps[common] == previous[common]) {
          common++;
        }
        for (int d = common; d < previousLength; d++) {
          end[open[d]] = n; // the previous term's nodes below the common prefix are complete
        }
        int grow = n + length - common;
        if (grow > label.length) {
          label = ArrayUtil.grow(label, grow);
          end = ArrayUtil.growExact(end, label.length);
          freq = ArrayUtil.growExact(freq, label.length);
        }
        open = ArrayUtil.grow(open, length);
        for (int d = common; d < length; d++) {
          label[n] = cps[d];
          open[d] = n++;
        }
        freq[open[length - 1]] = te.docFreq(); // terms are unique and sorted: each ends on a node of its own
        previous = ArrayUtil.grow(previous, length);
        System.arraycopy(cps, 0, previous, 0, length);
        previousLength = length;
        longest = Math.max(longest, length);
      }
    }
    for (int d = 0; d < previousLength; d++) {
      end[open[d]] = n;
    }
    return new SpellingCorrector(Arrays.copyOf(label, n), Arrays.copyOf(end, n), Arrays.copyOf(freq, n), longest);
  }

  /** Decodes UTF-8 into code points; returns how many. */
  private static int codePoints(BytesRef t, int[] out) {
    int n = 0;
    int i = t.offset;
    int limit = t.offset + t.length;
    byte[] b = t.bytes;
    while (i < limit) {
      int c = b[i] & 0xff;
      if (c < 0x80) {
        i += 1;
      } else if (c < 0xe0) {
        c = (c & 0x1f) << 6 | (b[i + 1] & 0x3f);
        i += 2;
      } else if (c < 0xf0) {
        c = (c & 0x0f) << 12 | (b[i + 1] & 0x3f) << 6 | (b[i + 2] & 0x3f);
        i += 3;
      } else {
        c = (c & 0x07) << 18 | (b[i + 1] & 0x3f) << 12 | (b[i + 2] & 0x3f) << 6 | (b[i + 3] & 0x3f);
        i += 4;
      }
      out[n++] = c;
    }
    return n;
  }

  /** Number of trie nodes: the memory cost is 12 bytes each. */
  int nodes() {
    return label.length;
  }

  /**
   * The term the spell checker would suggest for a lower-case word, or null: see the class
   * comment. 1 edit for words of up to {@value #ONE_EDIT_MAX_LENGTH} chars, 2 beyond.
   */
  String suggest(String word) {
    int[] q = word.codePoints().toArray();
    if (q.length < MIN_LENGTH) {
      return null;
    }
    if (isTerm(q)) {
      return null; // a term: the spell checker suggests nothing for a word in the index
    }
    int maxEdits = word.length() <= ONE_EDIT_MAX_LENGTH ? 1 : 2;
    Walk first = new Walk(q, 0, 1);
    first.run(0, label.length);
    if (first.exact) {
      return null; // a term: the spell checker suggests nothing for a word in the index
    }
    List<Candidate> kept = best(first.found);
    if (maxEdits > 1 && kept.size() < INSPECTIONS) {
      int child = child(0, label.length, q[0]);
      if (child >= 0) {
        Walk second = new Walk(q, 1, 2);
        second.run(child + 1, end[child]);
        for (Candidate c : best(second.found)) {
          if (kept.stream().noneMatch(k -> k.term.equals(c.term))) {
            kept.add(c);
          }
        }
      }
    }
    Candidate answer = null;
    for (Candidate c : kept) {
      if (answer == null || c.score > answer.score
          || c.score == answer.score && (c.freq > answer.freq || c.freq == answer.freq && c.term.compareTo(answer.term) < 0)) {
        answer = c;
      }
    }
    return answer == null ? null : answer.term;
  }

  /** Whether a lower-case word is a term of the field: one path down the trie, no edit-distance walk. */
  boolean isTerm(String word) {
    return isTerm(word.codePoints().toArray());
  }

  /** Whether the code points are a term: one path down the trie, no edit-distance walk. */
  private boolean isTerm(int[] q) {
    int from = 0;
    int to = label.length;
    int node = -1;
    for (int cp : q) {
      node = child(from, to, cp);
      if (node < 0) {
        return false;
      }
      from = node + 1;
      to = end[node];
    }
    return node >= 0 && freq[node] > 0;
  }

  /** The root's child (a node at depth 1 in the range) labelled with the code point, or -1. */
  private int child(int from, int to, int codePoint) {
    for (int i = from; i < to; i = end[i]) {
      if (label[i] == codePoint) {
        return i;
      }
    }
    return -1;
  }

  /** The {@value #INSPECTIONS} best of one pass's candidates (given in term order): by score, then term order. */
  private static List<Candidate> best(List<Candidate> found) {
    List<Candidate> sorted = new ArrayList<>(found);
    sorted.sort((a, b) -> Float.compare(b.score, a.score)); // stable: ties stay in term order
    return new ArrayList<>(sorted.subList(0, Math.min(INSPECTIONS, sorted.size())));
  }

  private record Candidate(String term, float score, int freq) {}

  /**
   * One pass: the terms within {@code maxEdits} of the word after its first {@code prefix} code
   * points, below the trie node those spell, in term order.
   */
  private final class Walk {
    private final int[] word;
    private final int prefix;
    private final int maxEdits;
    /** The suffix compared, and the table rows by depth below the prefix. */
    private final int[] pattern;
    private final int[][] rows;
    /** The code points on the path, from the root. */
    private final int[] path;
    private final int[] ends;
    final List<Candidate> found = new ArrayList<>();
    boolean exact;

    Walk(int[] word, int prefix, int maxEdits) {
      this.word = word;
      this.prefix = prefix;
      this.maxEdits = maxEdits;
      this.pattern = Arrays.copyOfRange(word, prefix, word.length);
      int depth = Math.min(pattern.length + maxEdits, longest) + 1;
      this.rows = new int[depth + 1][pattern.length + 1];
      this.path = new int[prefix + depth + 1];
      this.ends = new int[depth + 1];
      System.arraycopy(word, 0, path, 0, prefix);
      for (int j = 0; j <= pattern.length; j++) {
        rows[0][j] = j;
      }
    }

    /** Walks the nodes in [from, to): the subtrees of the children of the node the prefix spells. */
    void run(int from, int to) {
      int n = pattern.length;
      int depth = 0;
      int i = from;
      while (i < to) {
        while (depth > 0 && i >= ends[depth]) {
          depth--;
        }
        depth++;
        int c = label[i];
        path[prefix + depth - 1] = c;
        ends[depth] = end[i];
        int[] row = rows[depth];
        int[] up = rows[depth - 1];
        int[] up2 = depth >= 2 ? rows[depth - 2] : null;
        int before = depth >= 2 ? path[prefix + depth - 2] : -1;
        // Only the band of cells within maxEdits of the diagonal can be within reach: those outside
        // are at least maxEdits + 1, and the cells bordering the band are set to that.
        int over = maxEdits + 1;
        int lo = Math.max(1, depth - maxEdits);
        int hi = Math.min(n, depth + maxEdits);
        row[0] = Math.min(depth, over);
        row[lo - 1] = lo == 1 ? row[0] : over;
        if (hi < n) {
          row[hi + 1] = over;
        }
        int min = row[0];
        for (int j = lo; j <= hi; j++) {
          int v = up[j - 1] + (pattern[j - 1] == c ? 0 : 1);
          v = Math.min(v, Math.min(up[j], row[j - 1]) + 1);
          if (up2 != null && j >= 2 && c == pattern[j - 2] && before == pattern[j - 1]) {
            v = Math.min(v, up2[j - 2] + 1);
          }
          row[j] = Math.min(v, over);
          min = Math.min(min, v);
        }
        int edits = hi == n ? row[n] : over;
        if (freq[i] > 0 && edits <= maxEdits) {
          if (edits == 0) {
            exact = true;
          } else {
            int length = prefix + depth;
            float score = 1.0f - (float) edits / (float) Math.min(length, word.length);
            if (score >= ACCURACY) {
              found.add(new Candidate(new String(path, 0, length), score, freq[i]));
            }
          }
        }
        if (min > maxEdits || depth == rows.length - 1) {
          i = end[i]; // nothing below is within reach
        } else {
          i++;
        }
      }
    }
  }
}
