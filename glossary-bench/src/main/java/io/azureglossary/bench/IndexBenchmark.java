package io.azureglossary.bench;

import io.azureglossary.corpus.Corpus;
import io.azureglossary.eval.PlainBaseline;
import io.azureglossary.search.Glossary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.store.FSDirectory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Building and opening an index, each beside the plain baseline: a full reindex of the corpus in
 * memory ({@link #reindex}, reported as terms per second), and opening an index already on disk
 * ({@link #open}: the engine reads every name and alias back to build its synonyms, suggester and
 * spell checkers, which a plain {@code DirectoryReader} does not).
 *
 * <p>Single-shot: each is a one-off cost, seconds at 100k terms, so one call is one sample. The
 * corpus is generated in {@code @Setup}, outside the timing; the on-disk indexes come from the
 * {@link IndexCache}. A 100k-term reindex holds the corpus and the index on the heap at once, hence
 * the larger heap.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx10g"})
@State(Scope.Benchmark)
public class IndexBenchmark {
  /** Corpus size: see {@link BenchCorpus}. */
  @Param({"bundled", "10k", "100k"})
  public String corpus;

  private Corpus terms;
  private Path folder;

  /** Generates the corpus and makes sure its on-disk indexes exist. */
  @Setup(Level.Trial)
  public void setUp() {
    terms = BenchCorpus.of(corpus);
    folder = IndexCache.folder(corpus);
  }

  /** Full reindex with the engine's analysis, fields and single-segment merge, then opened. */
  @Benchmark
  @Warmup(iterations = 1)
  @Measurement(iterations = 2)
  public int reindex() throws IOException {
    try (Glossary g = Glossary.of(terms)) {
      return g.size();
    }
  }

  /** Full reindex of the plain baseline: one text field, StandardAnalyzer, one segment. */
  @Benchmark
  @Warmup(iterations = 1)
  @Measurement(iterations = 2)
  public int plainReindex() throws IOException {
    try (PlainBaseline b = PlainBaseline.of(terms)) {
      return b.searcher().getIndexReader().numDocs();
    }
  }

  /** Opening the engine over the index on disk, ready to search. */
  @Benchmark
  @Warmup(iterations = 3)
  @Measurement(iterations = 5)
  public int open() throws IOException {
    try (Served.Engine e = Served.openOnDisk(folder.resolve("engine"))) {
      return e.glossary().size();
    }
  }

  /** Opening the baseline's index on disk: a DirectoryReader and an IndexSearcher. */
  @Benchmark
  @Warmup(iterations = 3)
  @Measurement(iterations = 5)
  public int plainOpen() throws IOException {
    try (PlainBaseline b = PlainBaseline.open(FSDirectory.open(folder.resolve("baseline")))) {
      return b.searcher().getIndexReader().numDocs();
    }
  }
}
