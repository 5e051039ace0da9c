package io.azureglossary.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class LeanPassageScorerTest {
  /** The same float as Lucene's scorer, bit for bit, for passages with repeated and distinct terms. */
  @Test
  void score_equalsLucenePassageScorer() {
    Random random = new Random(42);
    String[] vocabulary = {"key", "vault", "secret", "rotation", "kv", "akv", "azure"};
    PassageScorer lucene = new PassageScorer();
    PassageScorer lean = new Highlighting.LeanPassageScorer();
    for (int p = 0; p < 2000; p++) {
      Passage passage = new Passage();
      int start = random.nextInt(5000);
      int length = 20 + random.nextInt(400);
      passage.setStartOffset(start);
      passage.setEndOffset(start + length);
      int matches = random.nextInt(12);
      for (int m = 0; m < matches; m++) {
        int at = start + random.nextInt(length - 5);
        String term = vocabulary[random.nextInt(vocabulary.length)];
        // a term's frequency in the document is one number, whichever match carries it
        passage.addMatch(at, at + 3, new BytesRef(term), 1 + Math.abs(term.hashCode() % 9));
      }
      int contentLength = start + length + random.nextInt(10_000);
      assertEquals(Float.floatToIntBits(lucene.score(passage, contentLength)),
          Float.floatToIntBits(lean.score(passage, contentLength)), passage.toString());
    }
  }
}
