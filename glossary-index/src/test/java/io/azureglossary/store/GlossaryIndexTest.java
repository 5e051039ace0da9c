package io.azureglossary.store;

import static io.azureglossary.store.ReindexerTest.MARKER;
import static io.azureglossary.store.ReindexerTest.all;
import static io.azureglossary.store.ReindexerTest.answers;
import static io.azureglossary.store.ReindexerTest.assertSameAnswers;
import static io.azureglossary.store.ReindexerTest.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.azureglossary.corpus.Corpus;
import io.azureglossary.model.Term;
import io.azureglossary.search.Glossary;
import io.azureglossary.search.Hit;
import io.azureglossary.search.SearchRequest;
import io.azureglossary.search.SearchResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.IndexWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlossaryIndexTest {
  /** 150 synthetic terms; the first 10 have {@link ReindexerTest#MARKER} in their definition. */
  static Corpus a;
  /**
   * {@link #a} with terms 120-134 deleted, 15 added, and the marker moved from terms 0-9 to terms
   * 10-19: an incremental run from one to the other adds 15, updates 20 and deletes 15 terms.
   */
  static Corpus b;
  static Set<String> markedInA;
  static Set<String> markedInB;

  @TempDir
  Path tmp;

  @BeforeAll
  static void corpora() {
    Corpus plain = TestCorpora.synthetic(150, 2);
    Set<String> taken = new java.util.HashSet<>(plain.terms().stream().map(Term::id).toList());
    List<Term> added = io.azureglossary.synth.SyntheticCorpus.generate(Corpus.bundled(), 60, 77).stream()
        .filter(t -> !taken.contains(t.id())).limit(15).toList();
    a = TestCorpora.edit(plain, Set.of(), Set.copyOf(ReindexerTest.range(0, 10)), MARKER, List.of());
    b = TestCorpora.edit(plain, Set.copyOf(ReindexerTest.range(120, 135)), Set.copyOf(ReindexerTest.range(10, 20)),
        MARKER, added);
    markedInA = marked(a);
    markedInB = marked(b);
  }

  private static Set<String> marked(Corpus c) {
    return c.terms().stream().filter(t -> t.definition().contains(MARKER)).map(Term::id)
        .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
  }

  private Path index() {
    return tmp.resolve("index");
  }

  @Test
  void open_missingFolder_noSuchFile() {
    NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> GlossaryIndex.open(tmp.resolve("nope")));
    assertEquals(tmp.resolve("nope") + ": no such index folder", e.getMessage());
  }

  @Test
  void open_emptyFolder_noSuchFile() throws IOException {
    Files.createDirectories(index());
    NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> GlossaryIndex.open(index()));
    assertEquals(index() + ": holds no glossary index; build one with Reindexer", e.getMessage());
  }

  @Test
  void services_leaveOutThoseOfDeletedTerms() throws IOException {
    Set<String> seen = new java.util.HashSet<>();
    List<Term> twenty = Corpus.bundled().terms().stream().filter(t -> seen.add(t.service())).limit(20).toList();
    Reindexer.into(index()).run(Corpus.of("twenty", twenty));
    try (GlossaryIndex idx = GlossaryIndex.open(index())) {
      String gone = twenty.get(7).service();
      assertTrue(idx.glossary().services().contains(gone));
      List<Term> nineteen = new ArrayList<>(twenty);
      nineteen.remove(7);
      Reindexer.into(index()).run(Corpus.of("nineteen", nineteen));
      idx.refresh();
      // the deleted term's document stays in its segment, with its service, until a merge
      assertEquals(19, idx.glossary().services().size(), idx.glossary().services().toString());
      assertFalse(idx.glossary().services().contains(gone));
    }
  }

  @Test
  void open_newerFormat_clearError() throws IOException {
    Reindexer.into(index()).run(a);
    ReindexerTest.rewriteManifest(index(), m -> m.put(IndexManifest.FORMAT_KEY, "2"));

    IndexFormatException e = assertThrows(IndexFormatException.class, () -> GlossaryIndex.open(index()));

    assertEquals(index() + " was written in index format 2, newer than this version of azure-glossary-search reads"
        + " (format 1); upgrade, or rebuild it with Reindexer.full(true)", e.getMessage());
  }

  @Test
  void open_fullBuildOfTheBundledCorpus_answersLikeTheInMemoryGlossary() throws IOException {
    Reindexer.into(index()).run(Corpus.bundled());
    List<String> queries = List.of("SHIR offline", "key vault soft delete", "az network private-endpoint create",
        "kubernets node pool", "why is my subnet full", "PIP", "\"private endpoint\" -dns", "section:cost throughput",
        "storage account", "egress costs between regions");
    try (GlossaryIndex idx = GlossaryIndex.open(index())) {
      Glossary memory = Glossary.bundled();
      assertEquals(memory.size(), idx.glossary().size());
      for (String q : queries) {
        SearchResponse expected = memory.search(SearchRequest.of(q).limit(20));
        SearchResponse actual = idx.glossary().search(SearchRequest.of(q).limit(20));
        assertEquals(expected.total(), actual.total(), q);
        assertEquals(expected.results(), actual.results(), q);
        assertEquals(expected.facets(), actual.facets(), q);
        assertEquals(expected.didYouMean(), actual.didYouMean(), q);
      }
      assertEquals(memory.suggest("key v", 5), idx.glossary().suggest("key v", 5));
    }
  }

  @Test
  void refresh_readerOpenDuringTheSwap_seesTheOldGenerationUntilRefresh() throws IOException {
    Reindexer.into(index()).run(a);
    try (GlossaryIndex idx = GlossaryIndex.open(index())) {
      IndexManifest manifestA = idx.manifest();
      List<SearchResponse> answersA = answers(idx);
      List<String> checkedDuringTheSwap = new ArrayList<>();
      Reindexer.Hook check = new Reindexer.Hook() {
        @Override
        public void afterDocument(IndexWriter writer, int done) throws IOException {
          if (done == 20) {
            writer.flush();
            assertSameAnswers(answersA, answers(idx));
            checkedDuringTheSwap.add("mid-build");
          }
        }

        @Override
        public void beforeCommit(IndexWriter writer) throws IOException {
          assertFalse(idx.refresh(), "nothing is published before the commit");
          assertSameAnswers(answersA, answers(idx));
          try (GlossaryIndex fresh = GlossaryIndex.open(index())) {
            assertEquals(manifestA, fresh.manifest());
            assertEquals(markedInA, ids(fresh.glossary().search(all(MARKER))));
          }
          checkedDuringTheSwap.add("before commit");
        }
      };

      ReindexResult r = Reindexer.into(index()).hook(check).run(b);

      assertEquals(List.of("mid-build", "before commit"), checkedDuringTheSwap);
      assertSameAnswers(answersA, answers(idx)); // point-in-time until refreshed
      assertEquals(manifestA, idx.manifest());
      assertTrue(idx.refresh());
      assertEquals(r.manifest(), idx.manifest());
      assertEquals(b.size(), idx.glossary().size());
      try (Glossary memoryB = Glossary.of(b)) {
        assertEquals(ids(memoryB.search(all(MARKER))), ids(idx.glossary().search(all(MARKER))));
      }
      assertEquals(markedInB, ids(idx.glossary().search(all(MARKER))));
      assertFalse(idx.refresh());
    }
  }

  @Test
  void term_isTheEntryOfTheGenerationBeingServed_untilRefresh() throws IOException {
    Reindexer.into(index()).run(a);
    Term inA = a.terms().get(0);
    Term inB = b.term(inA.id()).orElseThrow();
    assertNotEquals(inA, inB, "the marker moved off it");
    Term deletedInB = a.terms().get(120);
    assertEquals(Optional.empty(), b.term(deletedInB.id()));
    try (GlossaryIndex idx = GlossaryIndex.open(index())) {
      assertEquals(Optional.of(inA), idx.glossary().term(inA.id()));
      assertEquals(Optional.of(deletedInB), idx.glossary().term(deletedInB.id()));

      Reindexer.into(index()).run(b);

      assertEquals(Optional.of(inA), idx.glossary().term(inA.id()), "point in time until refreshed");
      assertTrue(idx.refresh());
      assertEquals(Optional.of(inB), idx.glossary().term(inB.id()));
      assertEquals(Optional.empty(), idx.glossary().term(deletedInB.id()));
      assertEquals(Optional.empty(), idx.glossary().term("no-such-term"));
      assertThrows(NullPointerException.class, () -> idx.glossary().term(null));
    }
  }

  @Test
  void watcher_picksUpANewGeneration() throws Exception {
    Reindexer.into(index()).run(a);
    try (GlossaryIndex idx = GlossaryIndex.open(index(), Duration.ofMillis(20))) {
      assertEquals(markedInA, ids(idx.glossary().search(all(MARKER))));

      IndexManifest published = Reindexer.into(index()).run(b).manifest();

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!idx.manifest().equals(published) && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertEquals(published, idx.manifest());
      assertEquals(markedInB, ids(idx.glossary().search(all(MARKER))));
      assertNull(idx.lastRefreshFailure());
    }
  }

  @Test
  void refresh_unreadableGenerationPublished_keepsServingTheCurrentOne() throws Exception {
    Reindexer.into(index()).run(a);
    try (GlossaryIndex idx = GlossaryIndex.open(index(), Duration.ofMillis(20))) {
      List<SearchResponse> answersA = answers(idx);

      ReindexerTest.rewriteManifest(index(), m -> m.put(IndexManifest.FORMAT_KEY, "7"));

      IndexFormatException e = assertThrows(IndexFormatException.class, idx::refresh);
      assertTrue(e.getMessage().contains("index format 7, newer than"), e.getMessage());
      assertSameAnswers(answersA, answers(idx));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (idx.lastRefreshFailure() == null && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertNotNull(idx.lastRefreshFailure(), "the watcher reports the failure");
      assertSameAnswers(answersA, answers(idx));
    }
  }

  /**
   * Eight threads search while the index is republished twenty times, alternating between corpus
   * A and corpus B (incremental runs), with a watcher and explicit refreshes racing. Every answer
   * must be exactly A's or exactly B's: the marker query finds A's 10 marked terms or B's 10, the
   * size is A's or B's, never a mixture.
   */
  @Test
  void concurrentSearches_through20Republishes_seeOnlyCompleteGenerations() throws Exception {
    Reindexer.into(index()).run(a);
    assertEquals(10, markedInA.size());
    assertEquals(10, markedInB.size());
    AtomicBoolean publishing = new AtomicBoolean(true);
    AtomicInteger searches = new AtomicInteger();
    Set<String> generationsSeen = ConcurrentHashMap.newKeySet();
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    ExecutorService readers = Executors.newFixedThreadPool(8);
    CountDownLatch started = new CountDownLatch(8);
    try (GlossaryIndex idx = GlossaryIndex.open(index(), Duration.ofMillis(5))) {
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        running.add(readers.submit(() -> {
          started.countDown();
          while (publishing.get()) {
            try {
              SearchResponse marked = idx.glossary().search(all(MARKER));
              Set<String> found = ids(marked);
              if (found.equals(markedInA) && marked.total() == 10) {
                generationsSeen.add("A");
              } else if (found.equals(markedInB) && marked.total() == 10) {
                generationsSeen.add("B");
              } else {
                failures.add(new AssertionError("partial generation: " + marked.total() + " marked " + found));
              }
              int size = idx.glossary().size();
              if (size != a.size() && size != b.size()) {
                failures.add(new AssertionError("size " + size));
              }
              searches.incrementAndGet();
              Thread.sleep(5); // eight threads on two cores: leave the writer enough to finish in seconds
            } catch (Throwable e) {
              failures.add(e);
            }
          }
        }));
      }
      started.await();
      for (int i = 0; i < 20; i++) {
        ReindexResult r = Reindexer.into(index()).run(i % 2 == 0 ? b : a);
        List<Integer> expected = List.of(15, 20, 15);
        assertEquals(expected, List.of(r.added(), r.updated(), r.deleted()), "run " + i);
        if (i % 3 == 0) {
          idx.refresh();
        }
        Thread.sleep(30);
      }
      publishing.set(false);
      for (Future<?> f : running) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      readers.shutdownNow();
    }

    assertEquals(List.of(), failures);
    assertEquals(Set.of("A", "B"), generationsSeen);
    assertTrue(searches.get() > 40, "searches: " + searches.get());
  }
}
