package io.azureglossary.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.azureglossary.corpus.Corpus;
import org.junit.jupiter.api.Test;

class BenchCorpusTest {
  @Test
  void termCount_parsesSizes() {
    assertEquals(10_000, BenchCorpus.termCount("10k"));
    assertEquals(100_000, BenchCorpus.termCount("100K"));
    assertEquals(2500, BenchCorpus.termCount("2500"));
  }

  @Test
  void termCount_badSize_namesIt() {
    var e = assertThrows(IllegalArgumentException.class, () -> BenchCorpus.termCount("huge"));
    assertTrue(e.getMessage().contains("(got 'huge')"), e.getMessage());
  }

  @Test
  void synthetic_keepsEveryRealTermAndReachesTheSize() {
    Corpus c = BenchCorpus.of("1000");
    assertEquals(1000, c.size());
    for (var t : Corpus.bundled().terms()) {
      assertEquals(t, c.term(t.id()).orElseThrow());
    }
  }
}
