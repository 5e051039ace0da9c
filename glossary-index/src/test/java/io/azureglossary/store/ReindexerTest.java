package io.azureglossary.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.azureglossary.analysis.GlossaryAnalysis;
import io.azureglossary.corpus.Corpus;
import io.azureglossary.eval.PlainBaseline;
import io.azureglossary.index.Fields;
import io.azureglossary.index.IndexAnalyzers;
import io.azureglossary.index.SavedAnalysis;
import io.azureglossary.index.TermDocument;
import io.azureglossary.model.Term;
import io.azureglossary.search.Glossary;
import io.azureglossary.search.Hit;
import io.azureglossary.search.SearchRequest;
import io.azureglossary.search.SearchResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReindexerTest {
  /** Appears in no synthetic term: searching it finds exactly the edited terms. */
  static final String MARKER = "zebrafish";

  static Corpus base;
  /** The base corpus indexed once; tests that start from it get a copy. */
  static Path baseIndex;

  @TempDir
  static Path shared;

  @TempDir
  Path tmp;

  @BeforeAll
  static void corpus() throws IOException {
    base = TestCorpora.synthetic(300, 1);
    baseIndex = shared.resolve("base-index");
    Reindexer.into(baseIndex).run(base);
  }

  /** The test's index folder, holding a copy of the base corpus's index. */
  private Path indexed() throws IOException {
    copyIndex(baseIndex, index());
    return index();
  }

  private Path indexed2() throws IOException {
    copyIndex(baseIndex, tmp.resolve("index2"));
    return tmp.resolve("index2");
  }

  static void copyIndex(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    for (String f : listing(from)) {
      Files.copy(from.resolve(f), to.resolve(f));
    }
  }

  private Path index() {
    return tmp.resolve("index");
  }

  @Test
  void run_newIndex_writesEveryTermAndTheManifest() throws IOException {
    ReindexResult r = Reindexer.into(index()).run(base);

    assertEquals("new index", r.fullRebuildReason());
    assertEquals(List.of(300, 0, 0, 0, 300), List.of(r.added(), r.updated(), r.deleted(), r.unchanged(), r.written()));
    assertTrue(r.published());
    IndexManifest m = r.manifest();
    assertEquals(IndexManifest.FORMAT_VERSION, m.formatVersion());
    assertEquals(300, m.termCount());
    assertEquals(GlossaryAnalysis.forTerms(base.terms()).fingerprint(), m.analysisFingerprint());
    assertEquals(StoredTerms.indexSchema(), m.indexSchema());
    assertTrue(m.indexSchema().startsWith(GlossaryAnalysis.VERSION + "-"), m.indexSchema());
    assertEquals(m, committedManifest());
    assertTrue(r.indexBytes() > 100_000, "index bytes " + r.indexBytes());
  }

  @Test
  void run_newIndex_searchersReadTheCorpusAnalysisFromTheIndex() throws IOException {
    indexed();

    try (Directory d = FSDirectory.open(index()); GlossaryIndex idx = GlossaryIndex.open(index())) {
      // what a searcher reads: the analysis file the commit names
      Map<String, String> userData = SegmentInfos.readLatestCommit(d).getUserData();
      assertEquals(GlossaryAnalysis.forTerms(base.terms()).fingerprint(), SavedAnalysis.read(d, userData).fingerprint());
      assertEquals(300, idx.glossary().size());
    }
  }

  @Test
  void run_nothingChanged_publishesNothing() throws IOException {
    indexed();
    IndexManifest first = committedManifest();
    long generation = lastGeneration();

    ReindexResult again = Reindexer.into(index()).run(base);

    assertFalse(again.published());
    assertNull(again.fullRebuildReason());
    assertEquals(List.of(0, 0, 0, 300, 0), List.of(again.added(), again.updated(), again.deleted(), again.unchanged(), again.written()));
    assertEquals(first, again.manifest());
    assertEquals(generation, lastGeneration());
  }

  @Test
  void run_addEditDelete_writesOnlyTheDifference() throws IOException {
    indexed();
    Corpus edited = TestCorpora.edit(base, Set.of(3, 50, 51, 200, 299), Set.of(0, 10, 20, 30, 40, 60, 70), MARKER,
        newTerms(4));

    ReindexResult r = Reindexer.into(index()).run(edited);

    assertNull(r.fullRebuildReason());
    assertEquals(List.of(4, 7, 5, 288, 11), List.of(r.added(), r.updated(), r.deleted(), r.unchanged(), r.written()));
    assertEquals(299, r.manifest().termCount());
    assertEquals(r.manifest(), committedManifest());
    assertEquals(Reindexer.into(tmp.resolve("fresh")).run(edited).manifest().corpusHash(), r.manifest().corpusHash());
    try (GlossaryIndex idx = GlossaryIndex.open(index()); Glossary memory = Glossary.of(edited)) {
      assertEquals(299, idx.glossary().size());
      assertEquals(ids(memory.search(all(MARKER))), ids(idx.glossary().search(all(MARKER))));
      assertEquals(7, idx.glossary().search(all(MARKER)).total());
      for (int deleted : List.of(3, 50, 51, 200, 299)) {
        Term gone = base.terms().get(deleted);
        assertFalse(ids(idx.glossary().search(all(gone.name()))).contains(gone.id()), gone.id() + " still found");
      }
    }
  }

  @Test
  void run_deletingMoreThanATenth_refusedAndNothingWritten_unlessAllowed() throws IOException {
    indexed();
    int n = base.size();
    java.util.Set<Integer> many = new java.util.HashSet<>();
    for (int i = 0; i <= n / 10; i++) { // one more than a tenth
      many.add(i * 3);
    }
    Corpus shrunk = TestCorpora.edit(base, many, Set.of(), MARKER, List.of());
    IndexManifest before = committedManifest();

    ShrinkRefusedException e = assertThrows(ShrinkRefusedException.class, () -> Reindexer.into(index()).run(shrunk));

    assertEquals(many.size(), e.deleting());
    assertEquals(n, e.indexed());
    assertEquals("reindex would delete " + many.size() + " of the " + n + " terms in " + index() + " (more than 10% in"
        + " one run); nothing was changed. If they are meant to go, call Reindexer.allowShrink(true)", e.getMessage());
    assertEquals(before, committedManifest());
    assertThrows(ShrinkRefusedException.class, () -> Reindexer.into(index()).full(true).run(shrunk));
    assertThrows(ShrinkRefusedException.class, () -> Reindexer.into(index()).run(Corpus.of("empty", List.of())));
    ReindexResult r = Reindexer.into(index()).allowShrink(true).run(shrunk);
    assertEquals(many.size(), r.deleted());
    // a tenth exactly is allowed without asking
    Corpus tenth = TestCorpora.edit(shrunk, Set.of(0), Set.of(), MARKER, List.of());
    assertEquals(1, Reindexer.into(index()).run(tenth).deleted());
  }

  @Test
  void run_aliasChanged_isIncrementalAndTheNewAliasFindsTheTerm() throws IOException {
    indexed();
    Term t = base.terms().get(42);
    List<Term> terms = new ArrayList<>(base.terms());
    terms.set(42, TestCorpora.withAliases(t, List.of("Quokka Gateway")));
    Corpus edited = Corpus.of("alias-edited", terms);

    ReindexResult r = Reindexer.into(index()).run(edited);

    assertNull(r.fullRebuildReason());
    assertEquals(1, r.updated());
    assertEquals(GlossaryAnalysis.forTerms(terms).fingerprint(), r.manifest().analysisFingerprint());
    try (GlossaryIndex idx = GlossaryIndex.open(index())) {
      assertEquals(t.id(), idx.glossary().search(SearchRequest.of("quokka gateway").limit(1)).results().get(0).id());
      assertEquals(t.id(), idx.glossary().suggest("Quokka Ga", 1).get(0).id());
    }
  }

  @Test
  void run_full_rewritesEveryTermAndReportsTheDifference() throws IOException {
    indexed();
    long generation = lastGeneration();

    ReindexResult r = Reindexer.into(index()).full(true).run(base);

    assertEquals("Reindexer.full(true)", r.fullRebuildReason());
    assertTrue(r.published());
    assertEquals(List.of(0, 0, 0, 300, 300), List.of(r.added(), r.updated(), r.deleted(), r.unchanged(), r.written()));
    assertTrue(lastGeneration() > generation);
    try (GlossaryIndex idx = GlossaryIndex.open(index())) {
      assertEquals(300, idx.glossary().size());
    }
  }

  @Test
  void run_indexSchemaChanged_rebuildsFully() throws IOException {
    indexed();
    rewriteManifest(m -> m.put(IndexManifest.SCHEMA_KEY, "0-0000"));

    ReindexResult r = Reindexer.into(index()).run(base);

    assertEquals("index schema changed (0-0000 -> " + StoredTerms.indexSchema() + ")", r.fullRebuildReason());
    assertEquals(300, r.written());
    assertEquals(StoredTerms.indexSchema(), committedManifest().indexSchema());
  }

  @Test
  void indexSchema_coversTheStoredEntry_anIndexWrittenWithoutItHasAnotherSchema() {
    Document probe = StoredTerms.probeDocument();
    assertEquals(1, probe.getFields(Fields.TERM_JSON).length);
    assertEquals(StoredTerms.indexSchema(), StoredTerms.indexSchema(probe));
    probe.removeField(Fields.TERM_JSON);
    assertNotEquals(StoredTerms.indexSchema(), StoredTerms.indexSchema(probe));
  }

  @Test
  void run_indexWrittenBeforeEntriesWereStored_termIsAClearError_thenTheRunRebuildsItWhole() throws IOException {
    indexed();
    String oldSchema = rewriteWithoutEntries(index(), base);
    Term first = base.terms().get(0);
    try (GlossaryIndex idx = GlossaryIndex.open(index())) {
      assertEquals(first.id(), idx.glossary().search(first.name()).results().get(0).id(), "it still searches");
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> idx.glossary().term(first.id()));
      assertEquals("the index holds term '" + first.id() + "' but not its entry: it was written before entries were"
          + " stored; rebuild it (the next Reindexer run rebuilds it whole)", e.getMessage());
      assertEquals(Optional.empty(), idx.glossary().term("no-such-term"));
    }

    ReindexResult r = Reindexer.into(index()).run(base);

    assertEquals("index schema changed (" + oldSchema + " -> " + StoredTerms.indexSchema() + ")", r.fullRebuildReason());
    assertEquals(300, r.written());
    try (GlossaryIndex idx = GlossaryIndex.open(index())) {
      assertEquals(Optional.of(first), idx.glossary().term(first.id()));
    }
  }

  @Test
  void run_onlyAComponentNoFieldSearches_changed_updatesThatTerm_soItsEntryIsCurrent() throws IOException {
    indexed();
    Term t = base.terms().get(5);
    Term changed = t.toBuilder().lastVerified(t.lastVerified().plusDays(1)).tags(List.of("re-verified")).build();
    List<Term> terms = new ArrayList<>(base.terms());
    terms.set(5, changed);

    ReindexResult r = Reindexer.into(index()).run(Corpus.of("re-verified", terms));

    assertNull(r.fullRebuildReason());
    assertEquals(List.of(0, 1, 0, 299), List.of(r.added(), r.updated(), r.deleted(), r.unchanged()));
    try (GlossaryIndex idx = GlossaryIndex.open(index())) {
      assertEquals(Optional.of(changed), idx.glossary().term(t.id()));
    }
  }

  /**
   * Rewrites an index as a version that stored no entries wrote it: every document without
   * {@link Fields#TERM_JSON}, hashed without it, and the manifest naming the schema of that layout.
   *
   * @return that schema
   */
  private static String rewriteWithoutEntries(Path dir, Corpus corpus) throws IOException {
    Document probe = StoredTerms.probeDocument();
    probe.removeField(Fields.TERM_JSON);
    String schema = StoredTerms.indexSchema(probe);
    try (Directory d = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(d, IndexAnalyzers.writerConfig(GlossaryAnalysis.forTerms(corpus.terms()))
            .setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      for (Term t : corpus.terms()) {
        Document doc = TermDocument.of(t);
        doc.removeField(Fields.TERM_JSON);
        doc.add(new BinaryDocValuesField(StoredTerms.HASH, new BytesRef(StoredTerms.hash(doc))));
        w.updateDocument(new org.apache.lucene.index.Term(Fields.ID, t.id()), doc);
      }
      Map<String, String> data = new HashMap<>(SegmentInfos.readLatestCommit(d).getUserData());
      data.put(IndexManifest.SCHEMA_KEY, schema);
      w.setLiveCommitData(data.entrySet());
      w.commit();
    }
    return schema;
  }

  @Test
  void run_newerFormat_refusedWithoutFullAndRebuiltWithIt() throws IOException {
    indexed();
    rewriteManifest(m -> m.put(IndexManifest.FORMAT_KEY, "99"));

    IndexFormatException e = assertThrows(IndexFormatException.class, () -> Reindexer.into(index()).run(base));
    assertEquals(index() + " was written in index format 99, newer than this version of azure-glossary-search reads"
        + " (format 1); upgrade, or rebuild it with Reindexer.full(true)", e.getMessage());

    ReindexResult r = Reindexer.into(index()).full(true).run(base);
    assertEquals(300, r.added());
    assertEquals(IndexManifest.FORMAT_VERSION, committedManifest().formatVersion());
  }

  @Test
  void run_foreignLuceneIndex_refusedWithoutFull() throws IOException {
    try (Directory d = FSDirectory.open(index());
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer()))) {
      w.addDocument(PlainBaseline.document(base.terms().get(0)));
      w.commit();
    }

    IndexFormatException e = assertThrows(IndexFormatException.class, () -> Reindexer.into(index()).run(base));
    assertTrue(e.getMessage().contains("not a glossary index"), e.getMessage());

    assertEquals(300, Reindexer.into(index()).full(true).run(base).manifest().termCount());
  }

  @Test
  void run_folderWithOtherFiles_refusedAndUntouched() throws IOException {
    Files.createDirectories(index());
    Files.writeString(index().resolve("notes.txt"), "mine");

    IndexFormatException e = assertThrows(IndexFormatException.class, () -> Reindexer.into(index()).full(true).run(base));

    assertEquals(index() + " is not empty and holds no glossary index (found 'notes.txt'); give Reindexer.into a new or"
        + " empty folder", e.getMessage());
    assertEquals(List.of("notes.txt"), listing(index()));
  }

  @Test
  void run_folderWithSeveralOtherFiles_namesThemInOrder() throws IOException {
    Files.createDirectories(index().resolve("sub"));
    for (String f : List.of("e.txt", "d.txt", "c.txt", "b.txt")) {
      Files.writeString(index().resolve(f), "mine");
    }

    IndexFormatException e = assertThrows(IndexFormatException.class, () -> Reindexer.into(index()).run(base));

    assertEquals(index() + " is not empty and holds no glossary index (found 'b.txt', 'c.txt', 'd.txt' and 2 more);"
        + " give Reindexer.into a new or empty folder", e.getMessage());
  }

  @Test
  void run_indexFolderWithAStrayFile_saysSo_refusedAndUntouched() throws IOException {
    Path index = indexed();
    Files.writeString(index.resolve(".DS_Store"), "finder");
    List<String> before = listing(index);

    IndexFormatException e = assertThrows(IndexFormatException.class, () -> Reindexer.into(index).full(true).run(base));

    assertEquals(index + " holds a glossary index and other files ('.DS_Store'); a reindex writes only into a folder"
        + " of index files: move them out, or give Reindexer.into a new or empty folder", e.getMessage());
    assertEquals(before, listing(index));
    try (GlossaryIndex served = GlossaryIndex.open(index)) { // serving is not stopped by it
      assertEquals(300, served.glossary().size());
    }
  }

  @Test
  void run_secondWriterWhileOneRuns_refused() throws IOException {
    indexed();
    AtomicReference<Exception> refused = new AtomicReference<>();
    Reindexer.Hook secondWriterMidway = new Reindexer.Hook() {
      @Override
      public void afterDocument(IndexWriter writer, int done) {
        if (done == 100) {
          try {
            Reindexer.into(index()).run(base);
          } catch (Exception e) {
            refused.set(e);
          }
        }
      }
    };

    ReindexResult first = Reindexer.into(index()).full(true).hook(secondWriterMidway).run(base);

    assertTrue(first.published());
    IndexBusyException e = (IndexBusyException) refused.get();
    assertEquals("another reindex is running on " + index() + " (its reindex.lock is held); try again when it has"
        + " finished", e.getMessage());
    assertEquals(index(), e.dir());
  }

  @Test
  void run_abortedMidBuild_previousGenerationServesAndNextRunCompletes() throws IOException {
    indexed();
    IndexManifest before = committedManifest();
    Corpus edited = TestCorpora.edit(base, Set.of(1, 2), Set.of(5, 6, 7), MARKER, newTerms(3));
    Reindexer.Hook crash = new Reindexer.Hook() {
      @Override
      public void afterDocument(IndexWriter writer, int done) throws IOException {
        if (done == 150) {
          writer.flush(); // the half-built generation's files are on disk when the run dies
          throw new IllegalStateException("simulated crash");
        }
      }
    };
    try (GlossaryIndex idx = GlossaryIndex.open(index())) {
      List<SearchResponse> answers = answers(idx);

      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> Reindexer.into(index()).full(true).hook(crash).run(edited));
      assertEquals("simulated crash", e.getMessage());

      assertFalse(idx.refresh());
      assertSameAnswers(answers, answers(idx));
      try (GlossaryIndex reopened = GlossaryIndex.open(index())) {
        assertEquals(before, reopened.manifest());
        assertSameAnswers(answers, answers(reopened));
      }
    }
    assertOnlyCommittedFiles(index());

    ReindexResult next = Reindexer.into(index()).run(edited);
    assertEquals(List.of(3, 3, 2, 295), List.of(next.added(), next.updated(), next.deleted(), next.unchanged()));
  }

  @Test
  void run_abortedJustBeforeCommit_previousGenerationServes() throws IOException {
    indexed();
    IndexManifest before = committedManifest();
    Reindexer.Hook crash = new Reindexer.Hook() {
      @Override
      public void beforeCommit(IndexWriter writer) {
        throw new IllegalStateException("simulated crash before commit");
      }
    };

    assertThrows(IllegalStateException.class,
        () -> Reindexer.into(index()).hook(crash).run(TestCorpora.edit(base, Set.of(), Set.of(9), MARKER, List.of())));

    assertEquals(before, committedManifest());
    try (GlossaryIndex idx = GlossaryIndex.open(index())) {
      assertEquals(0, idx.glossary().search(all(MARKER)).total());
    }
    assertOnlyCommittedFiles(index());
  }

  @Test
  void run_parallelWriters_sameIndexAsOneThread() throws IOException {
    Corpus edited = TestCorpora.edit(base, Set.of(4, 8), Set.of(15, 16, 17), MARKER, newTerms(2));
    ReindexResult serial = Reindexer.into(tmp.resolve("serial")).threads(1).run(edited);

    ReindexResult parallel = Reindexer.into(indexed()).threads(3).parallelFromTerms(1).full(true).run(edited);
    ReindexResult incremental = Reindexer.into(indexed2()).threads(3).parallelFromTerms(1).run(edited);

    for (ReindexResult r : List.of(parallel, incremental)) {
      assertEquals(serial.manifest().corpusHash(), r.manifest().corpusHash());
      assertEquals(serial.manifest().analysisFingerprint(), r.manifest().analysisFingerprint());
      assertEquals(300, r.manifest().termCount());
    }
    assertEquals(List.of(2, 3, 2, 295), List.of(incremental.added(), incremental.updated(), incremental.deleted(),
        incremental.unchanged()));
    try (GlossaryIndex one = GlossaryIndex.open(tmp.resolve("serial"));
        GlossaryIndex many = GlossaryIndex.open(index());
        GlossaryIndex inc = GlossaryIndex.open(tmp.resolve("index2"))) {
      for (String q : List.of(MARKER, "key vault", "az network vnet", "throughput")) {
        assertEquals(ids(one.glossary().search(all(q))), ids(many.glossary().search(all(q))), q);
        assertEquals(ids(one.glossary().search(all(q))), ids(inc.glossary().search(all(q))), q);
      }
    }
  }

  @Test
  void run_parallelWritersAborted_previousGenerationServes() throws IOException {
    indexed();
    IndexManifest before = committedManifest();
    Reindexer.Hook crash = new Reindexer.Hook() {
      @Override
      public void afterDocument(IndexWriter writer, int done) throws IOException {
        if (done == 200) {
          writer.flush();
          throw new IllegalStateException("simulated crash");
        }
      }
    };

    assertThrows(IllegalStateException.class, () -> Reindexer.into(index()).threads(2).parallelFromTerms(1).full(true)
        .hook(crash).run(TestCorpora.edit(base, Set.of(), Set.of(1), MARKER, List.of())));

    assertEquals(before, committedManifest());
    assertOnlyCommittedFiles(index());
    assertEquals(1, Reindexer.into(index()).threads(2).parallelFromTerms(1)
        .run(TestCorpora.edit(base, Set.of(), Set.of(1), MARKER, List.of())).updated());
  }

  @Test
  void threads_outOfRange_rejected() {
    var e = assertThrows(IllegalArgumentException.class, () -> Reindexer.into(index()).threads(0));
    assertEquals("threads must be between 1 and 64 (got 0)", e.getMessage());
  }

  @Test
  void run_savesTheAnalysisBesideTheCommit_namedByItsFingerprint() throws IOException {
    ReindexResult r = Reindexer.into(index()).run(base);

    String file = committedUserData().get(SavedAnalysis.USER_DATA_KEY);
    assertEquals(SavedAnalysis.fileName(GlossaryAnalysis.forTerms(base.terms())), file);
    assertEquals(r.manifest().analysisFingerprint(), SavedAnalysis.fingerprintOf(file));
    assertOnlyCommittedFiles(index());
  }

  @Test
  void run_changedAliases_newAnalysisFileServesAndTheOldOneIsDeleted() throws IOException {
    indexed();
    String before = committedUserData().get(SavedAnalysis.USER_DATA_KEY);
    Corpus renamed = withNewAlias(base, 7, "Qwerty Gizmo");

    try (GlossaryIndex idx = GlossaryIndex.open(index())) {
      String id = base.terms().get(7).id();
      assertFalse(ids(idx.glossary().search(all("QGZ"))).contains(id));
      Reindexer.into(index()).run(renamed);

      String after = committedUserData().get(SavedAnalysis.USER_DATA_KEY);
      assertFalse(before.equals(after));
      assertFalse(listing(index()).contains(before), listing(index()).toString());
      assertOnlyCommittedFiles(index());
      assertTrue(idx.refresh());
      // the new acronym expands to the name through the new generation's synonyms
      assertEquals(id, idx.glossary().search(all("QGZ")).results().get(0).id());
    }
  }

  @Test
  void run_newAliasesAbortedBeforeCommit_leavesNoAnalysisFileBehind() throws IOException {
    indexed();
    Reindexer.Hook crash = new Reindexer.Hook() {
      @Override
      public void beforeCommit(IndexWriter writer) {
        throw new IllegalStateException("simulated crash before commit");
      }
    };

    assertThrows(IllegalStateException.class,
        () -> Reindexer.into(index()).hook(crash).run(withNewAlias(base, 7, "Qwerty Gizmo")));

    assertOnlyCommittedFiles(index());
    try (GlossaryIndex idx = GlossaryIndex.open(index())) {
      assertFalse(ids(idx.glossary().search(all("QGZ"))).contains(base.terms().get(7).id()));
    }
  }

  @Test
  void open_damagedAnalysisFile_derivesItFromTheIndexAndAnswersTheSame() throws IOException {
    indexed();
    List<SearchResponse> expected;
    try (GlossaryIndex idx = GlossaryIndex.open(index())) {
      expected = answers(idx);
    }
    Path file = index().resolve(committedUserData().get(SavedAnalysis.USER_DATA_KEY));
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(file, bytes);

    try (GlossaryIndex idx = GlossaryIndex.open(index())) {
      assertSameAnswers(expected, answers(idx));
    }
  }

  @Test
  void run_indexWithoutAnalysisFile_publishesOneWithoutRewritingTerms() throws IOException {
    indexed();
    // an index written before analyses were saved: its commit names no analysis file
    try (Directory d = FSDirectory.open(index());
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      Map<String, String> data = new HashMap<>(SegmentInfos.readLatestCommit(d).getUserData());
      Files.delete(index().resolve(data.remove(SavedAnalysis.USER_DATA_KEY)));
      w.setLiveCommitData(data.entrySet());
      w.commit();
    }

    ReindexResult r = Reindexer.into(index()).run(base);

    assertTrue(r.published());
    assertEquals(List.of(0, 0, 0, 300), List.of(r.added(), r.updated(), r.deleted(), r.unchanged()));
    assertOnlyCommittedFiles(index());
  }

  @Test
  void run_nothingChangedButAnalysisFileDamaged_publishesItAgain() throws IOException {
    indexed();
    String name = committedUserData().get(SavedAnalysis.USER_DATA_KEY);
    Path file = index().resolve(name);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(file, bytes);

    ReindexResult r = Reindexer.into(index()).run(base);

    assertTrue(r.published());
    assertEquals(List.of(0, 0, 0, 300), List.of(r.added(), r.updated(), r.deleted(), r.unchanged()));
    assertEquals(name, committedUserData().get(SavedAnalysis.USER_DATA_KEY));
    try (Directory d = FSDirectory.open(index())) {
      assertEquals(r.manifest().analysisFingerprint(), SavedAnalysis.read(d, committedUserData()).fingerprint());
    }
    assertFalse(Reindexer.into(index()).run(base).published(), "once repaired, an unchanged corpus commits nothing");
  }

  private static Corpus withNewAlias(Corpus corpus, int at, String alias) {
    List<Term> terms = new ArrayList<>(corpus.terms());
    Term t = terms.get(at);
    List<String> aliases = new ArrayList<>(t.aliases());
    aliases.add(alias);
    aliases.add("QGZ");
    terms.set(at, TestCorpora.withAliases(t, aliases));
    return Corpus.of(corpus.origin() + "-alias", terms);
  }

  private Map<String, String> committedUserData() throws IOException {
    try (Directory d = FSDirectory.open(index())) {
      return SegmentInfos.readLatestCommit(d).getUserData();
    }
  }

  // ---------------------------------------------------------------------------------------------

  static List<Term> newTerms(int n) {
    Set<String> taken = base.terms().stream().map(Term::id).collect(Collectors.toSet());
    return io.azureglossary.synth.SyntheticCorpus.generate(Corpus.bundled(), n * 3, 99).stream()
        .filter(t -> !taken.contains(t.id())).limit(n).toList();
  }

  static SearchRequest all(String query) {
    return SearchRequest.of(query).limit(SearchRequest.MAX_LIMIT).highlight(false);
  }

  static Set<String> ids(SearchResponse r) {
    return r.results().stream().map(Hit::id).collect(Collectors.toCollection(TreeSet::new));
  }

  /** A fixed set of searches whose full answers must not change while a generation serves. */
  static List<SearchResponse> answers(GlossaryIndex idx) {
    List<SearchResponse> out = new ArrayList<>();
    for (String q : List.of("private endpoint dns", "key vault", "subnet is full", "az network vnet", "throughput")) {
      out.add(idx.glossary().search(SearchRequest.of(q).limit(20)));
    }
    return out;
  }

  static void assertSameAnswers(List<SearchResponse> expected, List<SearchResponse> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      SearchResponse e = expected.get(i);
      SearchResponse a = actual.get(i);
      assertEquals(e.total(), a.total(), e.query());
      assertEquals(e.results(), a.results(), e.query());
      assertEquals(e.facets(), a.facets(), e.query());
      assertEquals(e.didYouMean(), a.didYouMean(), e.query());
    }
  }

  /** Every file in the folder belongs to the latest commit, or is the analysis file it names, apart from the lock files. */
  static void assertOnlyCommittedFiles(Path dir) throws IOException {
    Set<String> expected;
    try (Directory d = FSDirectory.open(dir)) {
      SegmentInfos commit = SegmentInfos.readLatestCommit(d);
      expected = new TreeSet<>(commit.files(true));
      String analysisFile = commit.getUserData().get(SavedAnalysis.USER_DATA_KEY);
      assertTrue(analysisFile != null, "the commit names its analysis file: " + commit.getUserData());
      expected.add(analysisFile);
    }
    Set<String> actual = new TreeSet<>(listing(dir));
    actual.remove(IndexWriter.WRITE_LOCK_NAME);
    actual.remove(Reindexer.LOCK_NAME);
    assertEquals(expected, actual);
  }

  static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private IndexManifest committedManifest() throws IOException {
    try (Directory d = FSDirectory.open(index())) {
      return IndexManifest.fromUserData(SegmentInfos.readLatestCommit(d).getUserData(), index());
    }
  }

  private long lastGeneration() throws IOException {
    try (Directory d = FSDirectory.open(index())) {
      return SegmentInfos.readLatestCommit(d).getGeneration();
    }
  }

  /** Commits the same documents again with an altered manifest, as another version of the tool might. */
  void rewriteManifest(java.util.function.Consumer<Map<String, String>> change) throws IOException {
    rewriteManifest(index(), change);
  }

  static void rewriteManifest(Path dir, java.util.function.Consumer<Map<String, String>> change) throws IOException {
    try (Directory d = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer())
            .setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      Map<String, String> data = new HashMap<>(SegmentInfos.readLatestCommit(d).getUserData());
      change.accept(data);
      w.setLiveCommitData(data.entrySet());
      w.commit();
    }
  }

  static List<Integer> range(int from, int to) {
    return IntStream.range(from, to).boxed().toList();
  }
}
