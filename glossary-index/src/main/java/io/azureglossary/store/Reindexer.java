package io.azureglossary.store;

import io.azureglossary.analysis.GlossaryAnalysis;
import io.azureglossary.corpus.Corpus;
import io.azureglossary.index.Fields;
import io.azureglossary.index.IndexAnalyzers;
import io.azureglossary.index.SavedAnalysis;
import io.azureglossary.index.TermDocument;
import io.azureglossary.model.Term;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * Brings a persistent index in line with a corpus, and publishes the result atomically.
 *
 * <pre>{@code
 * ReindexResult r = Reindexer.into(Path.of("/srv/glossary-index")).run(Corpus.load(corpusDir));
 * }</pre>
 *
 * <p>A run is one {@link IndexWriter} session ending in a single Lucene commit whose user data is
 * the {@link IndexManifest}. Lucene writes the new commit point beside the old one and publishes it
 * with an atomic rename, so a reader opening the folder sees either the previous generation or the
 * new one, never a mixture. Until that commit nothing is visible: if the run fails or the process
 * dies, the previous generation keeps serving and the next run's writer deletes the files left
 * behind.
 *
 * <p>Incremental by default: every document carries a hash of its content, and only terms that
 * were added, changed or removed are written; when nothing changed, nothing is committed. A full
 * rebuild happens for a new index, when the index schema changed (see
 * {@link IndexManifest#indexSchema()}), and with {@link #full(boolean)}, which is also what
 * replaces an index this version cannot read. A change of aliases does not need one: synonyms are
 * applied at query time, from the {@link SavedAnalysis} file that each commit names. That file is
 * written and synced before the commit, shared by generations with the same names and aliases, and
 * deleted by the run whose commit stops naming it.
 *
 * <p>One run at a time per folder: a second one, in this process or another, fails with
 * {@link IndexBusyException}. Immutable and thread-safe; {@link #run} may be called repeatedly.
 */
public final class Reindexer {
  /** The lock file that keeps two reindex runs apart, held from the first read to the commit. */
  static final String LOCK_NAME = "reindex.lock";
  private static final double DEFAULT_RAM_BUFFER_MB = 48;

  /** What a run is busy with, for progress reports. */
  public enum Phase {
    /** Reading the live generation's content hashes. */
    READING_INDEX,
    /** Incremental runs: comparing each term's content hash with the index; {@code done} of {@code total} terms. */
    CHECKING,
    /** Writing documents: every term in a full run, the added and changed ones otherwise. */
    WRITING,
    /** Flushing, checking and committing the new generation. */
    COMMITTING
  }

  /** Receives progress; called on the thread running the reindex, often, so keep it cheap. */
  @FunctionalInterface
  public interface Listener {
    /**
     * {@code done} and {@code total} count terms or documents in {@link Phase#CHECKING} and {@link Phase#WRITING}, and are 0 otherwise.
     *
     * @param phase what the run is busy with
     * @param done how many of {@code total} are done
     * @param total how many the phase has to do
     */
    void progress(Phase phase, int done, int total);
  }

  /** Test hooks: called at the points where a crash is most telling. Not API. */
  interface Hook {
    default void afterDocument(IndexWriter writer, int written) throws IOException {}

    default void beforeCommit(IndexWriter writer) throws IOException {}
  }

  private static final Listener SILENT = (phase, done, total) -> {};
  private static final Hook NO_HOOK = new Hook() {};

  /**
   * Below this many terms, documents are written on the calling thread, in id order, so that a
   * small index ranks ties exactly as the in-memory glossary does.
   */
  static final int PARALLEL_FROM_TERMS = 5000;

  /** Everything a run is configured with. */
  private record Settings(boolean full, Listener listener, double ramBufferMb, int threads, int parallelFromTerms,
      Hook hook, boolean allowShrink) {}

  private final Path dir;
  private final Settings settings;

  private Reindexer(Path dir, Settings settings) {
    this.dir = dir;
    this.settings = settings;
  }

  /**
   * A reindexer for the index in {@code dir}: incremental, silent, writing with as many threads as
   * there are processors (at most 4). The folder is created if missing.
   *
   * @param dir the index folder
   * @return the reindexer
   */
  public static Reindexer into(Path dir) {
    int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    return new Reindexer(Objects.requireNonNull(dir, "dir"),
        new Settings(false, SILENT, DEFAULT_RAM_BUFFER_MB, threads, PARALLEL_FROM_TERMS, NO_HOOK, false));
  }

  /**
   * Rewrite every term instead of only the changed ones.
   *
   * @param on true for a full rebuild (off by default)
   * @return a copy with that setting
   */
  public Reindexer full(boolean on) {
    Settings s = settings;
    return new Reindexer(dir, new Settings(on, s.listener, s.ramBufferMb, s.threads, s.parallelFromTerms, s.hook, s.allowShrink));
  }

  /**
   * Let this run delete more than {@link #MAX_SHRINK} of the indexed terms (default: refused with
   * {@link ShrinkRefusedException}, nothing written). For a corpus that really lost its terms.
   *
   * @param on true to allow it
   * @return a copy with that setting
   */
  public Reindexer allowShrink(boolean on) {
    Settings s = settings;
    return new Reindexer(dir, new Settings(s.full, s.listener, s.ramBufferMb, s.threads, s.parallelFromTerms, s.hook, on));
  }

  /**
   * Report progress to this listener.
   *
   * @param l the listener (default: none)
   * @return a copy with that listener
   */
  public Reindexer listener(Listener l) {
    Objects.requireNonNull(l, "listener");
    Settings s = settings;
    return new Reindexer(dir, new Settings(s.full, l, s.ramBufferMb, s.threads, s.parallelFromTerms, s.hook, s.allowShrink));
  }

  /**
   * Memory for buffering documents before they are flushed to a segment (default 48 MB).
   *
   * @param mb megabytes, 1 to 2048
   * @return a copy with that buffer
   * @throws IllegalArgumentException if {@code mb} is out of range
   */
  public Reindexer ramBufferMb(double mb) {
    if (!(mb >= 1 && mb <= 2048)) {
      throw new IllegalArgumentException("ramBufferMb must be between 1 and 2048 (got " + mb + ")");
    }
    Settings s = settings;
    return new Reindexer(dir, new Settings(s.full, s.listener, mb, s.threads, s.parallelFromTerms, s.hook, s.allowShrink));
  }

  /**
   * Threads that analyze and write documents (default: the processors, at most 4). Corpora under
   * 5,000 terms are always written on one thread.
   *
   * @param n 1 to 64
   * @return a copy with that many threads
   * @throws IllegalArgumentException if {@code n} is out of range
   */
  public Reindexer threads(int n) {
    if (n < 1 || n > 64) {
      throw new IllegalArgumentException("threads must be between 1 and 64 (got " + n + ")");
    }
    Settings s = settings;
    return new Reindexer(dir, new Settings(s.full, s.listener, s.ramBufferMb, n, s.parallelFromTerms, s.hook, s.allowShrink));
  }

  /** For tests: write in parallel from this corpus size on. */
  Reindexer parallelFromTerms(int n) {
    Settings s = settings;
    return new Reindexer(dir, new Settings(s.full, s.listener, s.ramBufferMb, s.threads, n, s.hook, s.allowShrink));
  }

  Reindexer hook(Hook h) {
    Settings s = settings;
    return new Reindexer(dir, new Settings(s.full, s.listener, s.ramBufferMb, s.threads, s.parallelFromTerms, h, s.allowShrink));
  }

  /**
   * Indexes a corpus, which the caller has loaded (and so validated) already.
   *
   * @param corpus the terms the index is to hold
   * @return what the run did
   * @throws IndexBusyException if another reindex holds the folder
   * @throws IndexFormatException if the folder holds something this library must not overwrite
   *     without {@link #full}: a foreign or newer index; or something it never overwrites: other files
   * @throws IOException if reading or writing fails; the previous generation is then still live
   */
  public ReindexResult run(Corpus corpus) throws IOException {
    long start = System.nanoTime();
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new NotDirectoryException(dir.toString());
    }
    checkHoldsOnlyIndexFiles(dir);
    Files.createDirectories(dir);
    try (Directory d = FSDirectory.open(dir); Lock lock = obtainLock(d)) {
      Listener listener = settings.listener;
      listener.progress(Phase.READING_INDEX, 0, 0);
      String schema = StoredTerms.indexSchema();
      Previous previous = readPrevious(d);
      String fullReason;
      if (settings.full) {
        fullReason = "Reindexer.full(true)";
      } else if (previous.manifest == null) {
        fullReason = "new index";
      } else if (!previous.manifest.indexSchema().equals(schema)) {
        fullReason = "index schema changed (" + previous.manifest.indexSchema() + " -> " + schema + ")";
      } else {
        fullReason = null;
      }
      return write(d, corpus, schema, previous, fullReason, start);
    }
  }

  /**
   * The share of the indexed terms one run may delete without {@link #allowShrink}: a tenth (and so,
   * from an empty corpus, none at all).
   */
  public static final double MAX_SHRINK = 0.10;

  /** Throws when the corpus lacks more than {@link #MAX_SHRINK} of the indexed terms, unless allowed. */
  private void refuseShrink(Corpus corpus, java.util.Set<String> indexed) throws ShrinkRefusedException {
    if (settings.allowShrink || indexed.isEmpty()) {
      return;
    }
    java.util.Set<String> kept = new java.util.HashSet<>();
    for (Term t : corpus.terms()) {
      kept.add(t.id());
    }
    int deleting = 0;
    for (String id : indexed) {
      if (!kept.contains(id)) {
        deleting++;
      }
    }
    if (deleting > indexed.size() * MAX_SHRINK) {
      throw new ShrinkRefusedException(dir, deleting, indexed.size());
    }
  }

  /** A term to write, and whether it replaces a document of the same id. */
  private record Pending(Term term, boolean replace) {}

  /**
   * An incremental run first compares hashes without opening a writer, so that an unchanged corpus
   * costs no writer, no analysis and no commit; then writes the difference. A full run does both
   * in one pass over the corpus.
   */
  private ReindexResult write(Directory d, Corpus corpus, String schema, Previous previous, String fullReason,
      long start) throws IOException {
    Listener listener = settings.listener;
    int total = corpus.size();
    Map<String, String> old = previous.hashes;
    refuseShrink(corpus, old.keySet());
    StoredTerms.CorpusHasher corpusHash = new StoredTerms.CorpusHasher();
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    List<Pending> pending = new ArrayList<>();
    if (fullReason == null) {
      int checked = 0;
      for (Term t : corpus.terms()) {
        String hash = StoredTerms.hash(TermDocument.of(t));
        corpusHash.add(t.id(), hash);
        String was = old.remove(t.id());
        if (was == null) {
          added++;
          pending.add(new Pending(t, false));
        } else if (!was.equals(hash)) {
          updated++;
          pending.add(new Pending(t, true));
        } else {
          unchanged++;
        }
        listener.progress(Phase.CHECKING, ++checked, total);
      }
    }
    int deleted = fullReason == null ? old.size() : 0;
    String hash = fullReason == null ? corpusHash.finish() : null;
    if (fullReason == null && added + updated + deleted == 0 && hash.equals(previous.manifest.corpusHash())
        && previous.analysisFile != null) {
      deleteLeftovers(d, previous.analysisFile);
      return new ReindexResult(dir, null, added, updated, deleted, unchanged, false, previous.manifest,
          sizeOfLatestCommit(d), Duration.ofNanos(System.nanoTime() - start));
    }

    GlossaryAnalysis analysis = GlossaryAnalysis.forTerms(corpus.terms());
    IndexWriterConfig config = IndexAnalyzers.writerConfig(analysis)
        .setOpenMode(fullReason != null ? OpenMode.CREATE : OpenMode.APPEND)
        .setCommitOnClose(false)
        .setRAMBufferSizeMB(settings.ramBufferMb);
    IndexWriter w;
    try {
      w = new IndexWriter(d, config);
    } catch (LockObtainFailedException e) {
      throw new IndexBusyException(dir, e);
    }
    int toWrite = fullReason != null ? total : pending.size();
    int threads = toWrite >= settings.parallelFromTerms ? settings.threads : 1;
    // closing without a commit rolls back: on any failure the previous generation stays live
    try (w; DocumentSink sink = new DocumentSink(w, threads)) {
      int written = 0;
      if (fullReason != null) {
        for (Term t : corpus.terms()) {
          StoredTerms.Prepared p = StoredTerms.prepare(t);
          corpusHash.add(p.id(), p.hash());
          String was = old.remove(p.id());
          if (was == null) {
            added++;
          } else if (!was.equals(p.hash())) {
            updated++;
          } else {
            unchanged++;
          }
          sink.add(p.document());
          listener.progress(Phase.WRITING, ++written, toWrite);
          settings.hook.afterDocument(w, written);
        }
        deleted = old.size();
        hash = corpusHash.finish();
      } else {
        for (Pending p : pending) {
          Document doc = StoredTerms.prepare(p.term()).document();
          if (p.replace()) {
            sink.update(p.term().id(), doc);
          } else {
            sink.add(doc);
          }
          listener.progress(Phase.WRITING, ++written, toWrite);
          settings.hook.afterDocument(w, written);
        }
        for (String id : new TreeSet<>(old.keySet())) {
          w.deleteDocuments(new org.apache.lucene.index.Term(Fields.ID, id));
        }
      }
      sink.drain();
      listener.progress(Phase.COMMITTING, 0, 0);
      try (DirectoryReader check = DirectoryReader.open(w)) {
        if (check.numDocs() != total) {
          throw new IllegalStateException("the new generation would hold " + check.numDocs() + " documents for "
              + total + " terms; nothing was published");
        }
      }
      IndexManifest manifest = new IndexManifest(IndexManifest.FORMAT_VERSION, schema, analysis.fingerprint(), hash,
          total, Instant.now());
      // the analysis file is on disk and synced before the commit that names it is published
      String analysisFile = SavedAnalysis.write(d, analysis);
      Map<String, String> userData = new LinkedHashMap<>(manifest.toUserData());
      userData.put(SavedAnalysis.USER_DATA_KEY, analysisFile);
      w.setLiveCommitData(userData.entrySet());
      try {
        settings.hook.beforeCommit(w);
        w.commit();
      } catch (IOException | RuntimeException | Error e) {
        if (!analysisFile.equals(previous.analysisFile)) {
          deleteQuietly(d, analysisFile, e); // no commit names it; the live generation keeps its own
        }
        throw e;
      }
      SavedAnalysis.deleteAllBut(d, List.of(analysisFile));
      return new ReindexResult(dir, fullReason, added, updated, deleted, unchanged, true, manifest,
          sizeOfLatestCommit(d), Duration.ofNanos(System.nanoTime() - start));
    }
  }

  /**
   * Runs the writer's document operations on the calling thread, or on a pool with a bounded
   * backlog so that prepared documents never pile up in memory. The first failure stops the rest
   * and is rethrown by the next call.
   */
  private static final class DocumentSink implements AutoCloseable {
    private final IndexWriter w;
    private final ExecutorService pool;
    private final int permits;
    private final Semaphore backlog;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean closed;

    DocumentSink(IndexWriter w, int threads) {
      this.w = w;
      this.permits = threads * 4;
      this.backlog = new Semaphore(permits);
      AtomicInteger n = new AtomicInteger();
      this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "glossary-reindex-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
    }

    interface WriterCall {
      void run() throws IOException;
    }

    void add(Document doc) throws IOException {
      submit(() -> w.addDocument(doc));
    }

    void update(String id, Document doc) throws IOException {
      submit(() -> w.updateDocument(new org.apache.lucene.index.Term(Fields.ID, id), doc));
    }

    private void submit(WriterCall call) throws IOException {
      if (pool == null) {
        call.run();
        return;
      }
      rethrow();
      backlog.acquireUninterruptibly();
      pool.execute(() -> {
        try {
          if (failure.get() == null && !closed) {
            call.run();
          }
        } catch (Throwable t) {
          failure.compareAndSet(null, t);
        } finally {
          backlog.release();
        }
      });
    }

    /** Waits for every operation submitted so far, then rethrows the first failure if there was one. */
    void drain() throws IOException {
      if (pool != null) {
        backlog.acquireUninterruptibly(permits);
        backlog.release(permits);
      }
      rethrow();
    }

    private void rethrow() throws IOException {
      Throwable t = failure.get();
      if (t instanceof IOException e) {
        throw e;
      } else if (t instanceof RuntimeException e) {
        throw e;
      } else if (t instanceof Error e) {
        throw e;
      } else if (t != null) {
        throw new IOException(t);
      }
    }

    /** Skips what is still queued and waits for operations under way; never interrupts the writer. */
    @Override
    public void close() {
      closed = true;
      if (pool != null) {
        pool.shutdown();
        try {
          pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /**
   * Deletes files that no commit references, left by a run that was killed or ran out of memory:
   * opening a writer does that for Lucene's files, and closing it without a commit changes nothing
   * else; analysis files but the live one go too.
   */
  private static void deleteLeftovers(Directory d, String liveAnalysisFile) throws IOException {
    try (IndexWriter w = new IndexWriter(d, new IndexWriterConfig().setOpenMode(OpenMode.APPEND).setCommitOnClose(false))) {
      SavedAnalysis.deleteAllBut(d, List.of(liveAnalysisFile));
    }
  }

  private static void deleteQuietly(Directory d, String file, Throwable cause) {
    try {
      d.deleteFile(file);
    } catch (IOException | RuntimeException e) {
      cause.addSuppressed(e); // the next run deletes it
    }
  }

  /**
   * The live generation: its manifest, the analysis file its commit names (null for an index
   * written before analyses were saved) and content hashes, or nothing when absent or (with
   * full(true)) unreadable.
   */
  private record Previous(IndexManifest manifest, String analysisFile, Map<String, String> hashes) {
    static Previous none() {
      return new Previous(null, null, new java.util.HashMap<>());
    }
  }

  private Previous readPrevious(Directory d) throws IOException {
    if (!DirectoryReader.indexExists(d)) {
      return Previous.none();
    }
    IndexManifest manifest;
    Map<String, String> userData;
    try {
      userData = SegmentInfos.readLatestCommit(d).getUserData();
      manifest = IndexManifest.fromUserData(userData, dir);
    } catch (IndexFormatTooNewException | IndexFormatTooOldException | CorruptIndexException e) {
      if (settings.full) {
        return Previous.none();
      }
      throw new IndexFormatException(dir, "cannot be read (" + e.getMessage() + "); rebuild it with Reindexer.full(true)", e);
    } catch (IndexFormatException e) {
      if (settings.full) {
        return Previous.none();
      }
      throw e;
    }
    try (DirectoryReader reader = DirectoryReader.open(d)) {
      return new Previous(manifest, readableAnalysisFile(d, userData), StoredTerms.readHashes(reader));
    }
  }

  /**
   * The analysis file the commit names, if it is there, of this layout and undamaged; otherwise
   * null, and the run publishes a new one even when no term changed.
   */
  private static String readableAnalysisFile(Directory d, Map<String, String> userData) {
    String name = userData.get(SavedAnalysis.USER_DATA_KEY);
    return name != null && SavedAnalysis.isIntact(d, name) ? name : null;
  }

  private Lock obtainLock(Directory d) throws IOException {
    try {
      return d.obtainLock(LOCK_NAME);
    } catch (LockObtainFailedException e) {
      throw new IndexBusyException(dir, e);
    }
  }

  /** The bytes of every file the latest commit references. */
  static long sizeOfLatestCommit(Directory d) throws IOException {
    long bytes = 0;
    for (String f : SegmentInfos.readLatestCommit(d).files(true)) {
      bytes += d.fileLength(f);
    }
    return bytes;
  }

  /**
   * Refuses a folder that holds anything but Lucene index files, so that pointing a reindexer at the
   * corpus, or at a home folder, fails instead of mixing an index into it. The message names the
   * other files, the first three in name order, and says whether the folder holds a glossary index
   * beside them: searches still open such a folder ({@link GlossaryIndex#open}), only a reindex
   * refuses it.
   */
  static void checkHoldsOnlyIndexFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    TreeSet<String> others = new TreeSet<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        String name = p.getFileName().toString();
        if (!Files.isRegularFile(p) || !isIndexFile(name)) {
          others.add(name);
        }
      }
    }
    if (others.isEmpty()) {
      return;
    }
    StringBuilder found = new StringBuilder();
    others.stream().limit(3).forEach(n -> found.append(found.isEmpty() ? "" : ", ").append('\'').append(n).append('\''));
    if (others.size() > 3) {
      found.append(" and ").append(others.size() - 3).append(" more");
    }
    if (holdsGlossaryIndex(dir)) {
      throw new IndexFormatException(dir, "holds a glossary index and other files (" + found + "); a reindex writes"
          + " only into a folder of index files: move them out, or give Reindexer.into a new or empty folder");
    }
    throw new IndexFormatException(dir, "is not empty and holds no glossary index (found " + found
        + "); give Reindexer.into a new or empty folder");
  }

  /** Whether the folder's latest commit carries a glossary manifest (of any format version). */
  private static boolean holdsGlossaryIndex(Path dir) {
    try (Directory d = FSDirectory.open(dir)) {
      return DirectoryReader.indexExists(d)
          && SegmentInfos.readLatestCommit(d).getUserData().containsKey(IndexManifest.FORMAT_KEY);
    } catch (IOException | RuntimeException e) {
      return false; // unreadable: not known to be one
    }
  }

  static boolean isIndexFile(String name) {
    return name.equals(IndexWriter.WRITE_LOCK_NAME) || name.equals(LOCK_NAME) || SavedAnalysis.isAnalysisFile(name)
        || name.startsWith(IndexFileNames.SEGMENTS) || name.startsWith(IndexFileNames.PENDING_SEGMENTS)
        || IndexFileNames.CODEC_FILE_PATTERN.matcher(name).matches();
  }
}
