package io.azureglossary.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.azureglossary.corpus.Corpus;
import io.azureglossary.model.Difficulty;
import io.azureglossary.model.Term;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** {@link Glossary#term(String)}: a hit's whole entry, read back from the index itself. */
class GlossaryTermTest {
  @Test
  void term_bundled_everyTermIsTheCorpusTerm() {
    Glossary bundled = Glossary.bundled();
    for (Term t : Corpus.bundled().terms()) {
      assertEquals(Optional.of(t), bundled.term(t.id()), t.id());
    }
  }

  @Test
  void term_ofAHit_hasTheHitsNameAndLabels() {
    Glossary bundled = Glossary.bundled();
    List<Hit> hits = bundled.search(SearchRequest.of("SHIR offline").limit(5)).results();
    assertTrue(hits.size() >= 2, "hits: " + hits);
    for (Hit hit : hits) {
      Term t = bundled.term(hit.id()).orElseThrow();
      assertEquals(List.of(hit.id(), hit.name(), hit.service(), hit.category(), hit.difficulty()),
          List.of(t.id(), t.name(), t.service(), t.category(), t.difficulty().label()));
    }
  }

  @Test
  void term_unknownId_isEmpty() {
    Glossary bundled = Glossary.bundled();
    assertEquals(Optional.empty(), bundled.term("no-such-term"));
    assertEquals(Optional.empty(), bundled.term(""));
    assertEquals(Optional.empty(), bundled.term("Integration-Runtime"), "ids are matched exactly");
    assertEquals(Optional.empty(), bundled.term("Integration runtime"), "a name is not an id");
  }

  @Test
  void term_nullId_throwsNullPointer() {
    assertEquals("id", assertThrows(NullPointerException.class, () -> Glossary.bundled().term(null)).getMessage());
  }

  @Test
  void term_corpusInMemory_isTheTermAsIndexed_evenOneTheCorpusRulesWouldRefuse() throws Exception {
    Term bare = Term.builder().id("bare").name("Bare term").service("Service").category("Storage")
        .difficulty(Difficulty.BEGINNER).lastVerified(LocalDate.of(2026, 1, 2)).definition("Only a definition.")
        .build();
    Term full = Corpus.bundled().term("storage-account").orElseThrow();
    try (Glossary g = Glossary.of(Corpus.of("test", List.of(bare, full)))) {
      assertEquals(Optional.of(bare), g.term("bare"));
      assertEquals(Optional.of(full), g.term("storage-account"));
      assertEquals(Optional.empty(), g.term("integration-runtime"));
    }
  }

  @Test
  void term_fromManyThreadsAtOnce_eachGetsItsOwnTerm() throws Exception {
    Glossary bundled = Glossary.bundled();
    List<Term> terms = Corpus.bundled().terms();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int round = 0; round < 4; round++) {
        for (Term t : terms) {
          results.add(pool.submit(() -> bundled.term(t.id()).orElseThrow().equals(t)));
        }
      }
      for (Future<Boolean> r : results) {
        assertTrue(r.get());
      }
    } finally {
      pool.shutdown();
    }
  }
}
