package io.azureglossary.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * The words of one field that an unfinished word begins, most frequent first: what "integ" may
 * become ("integration", "integrate", ...). Bounded twice, so a one-letter word cannot explode a
 * query: at most {@value #MAX} completions are kept, chosen among at most {@value #SCAN} dictionary
 * words read in order from the prefix.
 *
 * @param prefix the unfinished word, as the field holds words
 * @param words the completions, the word itself excluded, by document frequency then alphabetically
 * @param whole whether the prefix is itself a word of the field ("data" is, "integ" is not)
 */
record Completions(String prefix, List<String> words, boolean whole) {
  /** Most completions one unfinished word expands to. */
  static final int MAX = 20;
  /** Most dictionary words read to choose them. */
  static final int SCAN = 4096;

  static final Completions NONE = new Completions("", List.of(), false);

  Completions {
    words = List.copyOf(words);
  }

  boolean isEmpty() {
    return words.isEmpty();
  }

  /** Reads the completions of {@code prefix} from {@code field}'s terms dictionary. */
  static Completions of(IndexReader reader, String field, String prefix) {
    if (prefix.isEmpty()) {
      return NONE;
    }
    try {
      Terms terms = MultiTerms.getTerms(reader, field);
      if (terms == null) {
        return NONE;
      }
      TermsEnum te = terms.iterator();
      BytesRef p = new BytesRef(prefix);
      if (te.seekCeil(p) == TermsEnum.SeekStatus.END) {
        return NONE;
      }
      record Word(String text, int df) {}
      Comparator<Word> byFrequency = Comparator.comparingInt(Word::df).thenComparing(Word::text, Comparator.reverseOrder());
      PriorityQueue<Word> best = new PriorityQueue<>(byFrequency);
      boolean whole = false;
      int read = 0;
      for (BytesRef t = te.term(); t != null && read < SCAN && startsWith(t, p); t = te.next(), read++) {
        if (t.length == p.length) {
          whole = true;
          continue;
        }
        int df = te.docFreq();
        // words come in order, so one no more frequent than the least kept ranks below all kept
        if (best.size() == MAX && df <= best.peek().df()) {
          continue;
        }
        best.add(new Word(t.utf8ToString(), df));
        if (best.size() > MAX) {
          best.poll();
        }
      }
      List<Word> kept = new ArrayList<>(best);
      kept.sort(byFrequency.reversed());
      return new Completions(prefix, kept.stream().map(Word::text).toList(), whole);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean startsWith(BytesRef term, BytesRef prefix) {
    if (term.length < prefix.length) {
      return false;
    }
    return java.util.Arrays.equals(term.bytes, term.offset, term.offset + prefix.length,
        prefix.bytes, prefix.offset, prefix.offset + prefix.length);
  }
}
