package io.azureglossary.store;

import static io.azureglossary.store.ReindexerTest.MARKER;
import static io.azureglossary.store.ReindexerTest.all;
import static io.azureglossary.store.ReindexerTest.answers;
import static io.azureglossary.store.ReindexerTest.assertOnlyCommittedFiles;
import static io.azureglossary.store.ReindexerTest.assertSameAnswers;
import static io.azureglossary.store.ReindexerTest.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.azureglossary.corpus.Corpus;
import io.azureglossary.index.SavedAnalysis;
import io.azureglossary.search.SearchResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reindex killed with SIGKILL half-way: another JVM runs a slow full rebuild, flushing segments
 * as it goes; this test kills it once segment files of the unfinished generation are on disk, then
 * checks that the old generation still answers exactly as before and that the next run cleans up
 * and completes. While the child runs, a second writer from this JVM is refused by the lock.
 */
class KilledReindexTest {
  static final int TERMS = 400;

  @TempDir
  Path tmp;

  /** The corpus of the killed run: the base with 40 terms marked, so its generation would be recognisable. */
  static Corpus edited(Corpus base) {
    return TestCorpora.edit(base, Set.of(), Set.copyOf(ReindexerTest.range(0, 40)), MARKER, List.of());
  }

  @Test
  void kill9MidWrite_oldIndexServesAndNextReindexCompletes() throws Exception {
    Path index = tmp.resolve("index");
    Corpus base = TestCorpora.synthetic(TERMS, 4);
    IndexManifest before = Reindexer.into(index).run(base).manifest();

    try (GlossaryIndex idx = GlossaryIndex.open(index)) {
      List<SearchResponse> answersBefore = answers(idx);

      Process child = new ProcessBuilder(javaExecutable(), "--enable-native-access=ALL-UNNAMED",
          "-cp", System.getProperty("java.class.path"), SlowReindex.class.getName(), index.toString())
          .redirectErrorStream(true).start();
      List<String> childOutput = new ArrayList<>();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        boolean refusedWhileRunning = false;
        String line;
        while ((line = out.readLine()) != null) {
          childOutput.add(line);
          if (line.equals("WROTE 100")) {
            IndexBusyException e = assertThrows(IndexBusyException.class, () -> Reindexer.into(index).run(base));
            assertTrue(e.getMessage().startsWith("another reindex is running on " + index), e.getMessage());
            refusedWhileRunning = true;
          }
          if (line.equals("WROTE 250")) {
            child.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no rollback
            break;
          }
        }
        assertTrue(refusedWhileRunning, "child output: " + childOutput);
      }
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
      assertFalse(childOutput.contains("DONE"), "the child finished before it was killed: " + childOutput);
      assertTrue(strayFiles(index).size() > 0, "the killed run left its flushed segments behind");

      assertFalse(idx.refresh());
      assertSameAnswers(answersBefore, answers(idx));
      try (GlossaryIndex reopened = GlossaryIndex.open(index)) {
        assertEquals(before, reopened.manifest());
        assertSameAnswers(answersBefore, answers(reopened));
        assertEquals(0, reopened.glossary().search(all(MARKER)).total());
      }

      ReindexResult next = Reindexer.into(index).run(edited(base));

      assertTrue(next.published());
      assertEquals(List.of(0, 40, 0, TERMS - 40), List.of(next.added(), next.updated(), next.deleted(), next.unchanged()));
      assertOnlyCommittedFiles(index);
      assertTrue(idx.refresh());
      assertEquals(40, ids(idx.glossary().search(all(MARKER))).size());
    }
  }

  /** The corpus of the run killed before its commit: new aliases, so it saves a new analysis file. */
  static Corpus realiased(Corpus base) {
    List<io.azureglossary.model.Term> terms = new ArrayList<>(base.terms());
    for (int i = 0; i < 5; i++) {
      var t = terms.get(i);
      List<String> aliases = new ArrayList<>(t.aliases());
      aliases.add("ZQ" + (char) ('A' + i));
      terms.set(i, TestCorpora.withAliases(t, aliases));
    }
    return Corpus.of(base.origin() + "-realiased", terms);
  }

  @Test
  void kill9AfterTheAnalysisFileIsSavedBeforeTheCommit_oldGenerationAndItsAnalysisServe() throws Exception {
    Path index = tmp.resolve("index");
    Corpus base = TestCorpora.synthetic(TERMS, 4);
    IndexManifest before = Reindexer.into(index).run(base).manifest();
    String liveAnalysis;
    try (Directory d = FSDirectory.open(index)) {
      liveAnalysis = SegmentInfos.readLatestCommit(d).getUserData().get(SavedAnalysis.USER_DATA_KEY);
    }

    try (GlossaryIndex idx = GlossaryIndex.open(index)) {
      List<SearchResponse> answersBefore = answers(idx);
      Process child = new ProcessBuilder(javaExecutable(), "--enable-native-access=ALL-UNNAMED",
          "-cp", System.getProperty("java.class.path"), StalledCommit.class.getName(), index.toString())
          .redirectErrorStream(true).start();
      List<String> childOutput = new ArrayList<>();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          childOutput.add(line);
          if (line.equals("BEFORE COMMIT")) {
            child.destroyForcibly();
            break;
          }
        }
      }
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
      assertTrue(childOutput.contains("BEFORE COMMIT"), "child output: " + childOutput);
      Set<String> stray = strayFiles(index);
      stray.remove(liveAnalysis);
      assertTrue(stray.stream().anyMatch(SavedAnalysis::isAnalysisFile),
          "the killed run had saved its own analysis file: " + stray);

      assertFalse(idx.refresh());
      assertSameAnswers(answersBefore, answers(idx));
      try (GlossaryIndex reopened = GlossaryIndex.open(index)) {
        assertEquals(before, reopened.manifest());
        assertSameAnswers(answersBefore, answers(reopened));
        assertTrue(reopened.glossary().search(all("ZQA")).results().isEmpty(), "no alias of the killed run expands");
      }

      ReindexResult next = Reindexer.into(index).run(realiased(base));

      assertTrue(next.published());
      assertOnlyCommittedFiles(index);
      assertTrue(idx.refresh());
      assertEquals(base.terms().get(0).id(), idx.glossary().search(all("ZQA")).results().get(0).id());
    }
  }

  /** Files in the folder that the latest commit does not reference, apart from the locks. */
  private static Set<String> strayFiles(Path dir) throws IOException {
    Set<String> files = new TreeSet<>(ReindexerTest.listing(dir));
    try (Directory d = FSDirectory.open(dir)) {
      files.removeAll(SegmentInfos.readLatestCommit(d).files(true));
    }
    files.remove(IndexWriter.WRITE_LOCK_NAME);
    files.remove(Reindexer.LOCK_NAME);
    return files;
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The child: an incremental run with new aliases that stops just before its commit, saying so. */
  public static final class StalledCommit {
    public static void main(String[] args) throws Exception {
      Corpus corpus = realiased(TestCorpora.synthetic(TERMS, 4));
      Reindexer.Hook stall = new Reindexer.Hook() {
        @Override
        public void beforeCommit(IndexWriter writer) {
          System.out.println("BEFORE COMMIT");
          System.out.flush();
          try {
            Thread.sleep(60_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      };
      Reindexer.into(Path.of(args[0])).hook(stall).run(corpus);
      System.out.println("DONE");
    }
  }

  /** The child: a full rebuild slowed to about 20 ms a term, flushing every 50 terms and saying so. */
  public static final class SlowReindex {
    public static void main(String[] args) throws Exception {
      Corpus corpus = edited(TestCorpora.synthetic(TERMS, 4));
      Reindexer.Hook slow = new Reindexer.Hook() {
        @Override
        public void afterDocument(IndexWriter writer, int done) throws IOException {
          if (done % 50 == 0) {
            writer.flush();
            System.out.println("WROTE " + done);
            System.out.flush();
          }
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      };
      Reindexer.into(Path.of(args[0])).full(true).hook(slow).run(corpus);
      System.out.println("DONE");
    }
  }
}
