package io.azureglossary.search;

import io.azureglossary.index.TermDocument;
import java.util.Arrays;
import java.util.Comparator;
import java.util.PriorityQueue;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * The best passages of one document, chosen as Lucene's {@code FieldHighlighter} chooses them over
 * term-level offsets and a {@code CustomSeparatorBreakIterator(U+2029)}: matches are taken in
 * (start, end, term) order, as its merged offsets enums yield them; a match at or after the current
 * passage's end opens a new passage reaching from the separator before the match's middle to the
 * one after it; each passage is scored when closed and the best {@code max} are kept (a lower score
 * loses, and among equal scores the earlier passage), then returned in text order.
 */
final class TopPassages {
  private static final Comparator<Passage> WORST_FIRST = (left, right) -> {
    if (left.getScore() < right.getScore()) {
      return -1;
    } else if (left.getScore() > right.getScore()) {
      return 1;
    } else {
      return left.getStartOffset() - right.getStartOffset();
    }
  };

  private TopPassages() {}

  /**
   * @param content the body as highlighted; its length is the content length the scorer sees
   * @param matches the document's matches, term by term
   * @param terms the sorted query terms the matches' ordinals index
   */
  static Passage[] select(String content, DocMatches matches, BytesRef[] terms, PassageScorer scorer, int max) {
    int contentLength = content.length();
    int n = matches.size();
    if (n == 0) {
      return new Passage[0];
    }
    // the runs of one term each: their heads are merged as a priority queue of enums would merge them
    int[] heads = new int[n];
    int[] runEnds = new int[n];
    int runs = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || matches.ord(i) != matches.ord(i - 1)) {
        heads[runs] = i;
        if (runs > 0) {
          runEnds[runs - 1] = i;
        }
        runs++;
      }
    }
    runEnds[runs - 1] = n;

    PriorityQueue<Passage> queue = new PriorityQueue<>(Math.min(64, max + 1), WORST_FIRST);
    Passage passage = new Passage();
    int lastPassageEnd = 0;
    for (int taken = 0; taken < n; taken++) {
      int best = -1;
      int bestRun = -1;
      for (int r = 0; r < runs; r++) {
        int h = heads[r];
        if (h < runEnds[r] && (best < 0 || before(matches, h, best))) {
          best = h;
          bestRun = r;
        }
      }
      heads[bestRun]++;
      int start = matches.start(best);
      int end = matches.end(best);
      if (start < contentLength && end > contentLength) {
        continue;
      }
      if (start >= passage.getEndOffset()) {
        passage = offer(queue, scorer, passage, contentLength, max);
        if (start >= contentLength) {
          break;
        }
        int center = start + (end - start) / 2;
        passage.setStartOffset(Math.min(start, Math.max(preceding(content, Math.max(start + 1, center)), lastPassageEnd)));
        lastPassageEnd = Math.max(end, Math.min(following(content, Math.min(end - 1, center)), contentLength));
        passage.setEndOffset(lastPassageEnd);
      }
      passage.addMatch(start, end, terms[matches.ord(best)], matches.freq(best));
    }
    offer(queue, scorer, passage, contentLength, max);
    Passage[] passages = queue.toArray(new Passage[0]);
    Arrays.sort(passages, Comparator.comparingInt(Passage::getStartOffset));
    return passages;
  }

  /** Whether match {@code a} comes before match {@code b}: by start, end, then term. */
  private static boolean before(DocMatches m, int a, int b) {
    if (m.start(a) != m.start(b)) {
      return m.start(a) < m.start(b);
    }
    if (m.end(a) != m.end(b)) {
      return m.end(a) < m.end(b);
    }
    return m.ord(a) < m.ord(b);
  }

  /** The break at or before {@code offset}: just after the last separator before it, else 0. */
  static int preceding(String content, int offset) {
    return content.lastIndexOf(TermDocument.PARAGRAPH, offset - 1) + 1;
  }

  /** The break after {@code offset}: just after the first separator past it, else the end. */
  static int following(String content, int offset) {
    int sep = content.indexOf(TermDocument.PARAGRAPH, offset + 1);
    return sep < 0 ? content.length() : sep + 1;
  }

  /** Scores a finished passage and keeps it if it is among the best; returns the passage to fill next. */
  private static Passage offer(PriorityQueue<Passage> queue, PassageScorer scorer, Passage passage, int contentLength,
      int max) {
    if (passage.getStartOffset() == -1) {
      return passage; // nothing in it yet
    }
    passage.setScore(scorer.score(passage, contentLength));
    if (queue.size() == max && passage.getScore() < queue.peek().getScore()) {
      passage.reset();
    } else {
      queue.offer(passage);
      if (queue.size() > max) {
        passage = queue.poll();
        passage.reset();
      } else {
        passage = new Passage();
      }
    }
    return passage;
  }
}
