package io.azureglossary.bench;

import io.azureglossary.eval.PlainBaseline;
import io.azureglossary.search.SearchRequest;
import io.azureglossary.search.SearchResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * Search latency by query kind and corpus size: the engine with highlighting of the top 10
 * ({@link #search}), without it ({@link #searchNoHighlight}), and the plain-Lucene baseline over
 * the same terms and the same words ({@link #plain}), measured in one run so that every engine
 * figure can be reported as a ratio to the baseline beside it.
 *
 * <p>Each invocation runs the next query of the kind, cycling through the judged queries in the
 * fixed shuffled order of {@link QueryMix}: a kind's median is the median over its real queries,
 * not over one lucky query repeated. The engine and the baseline are separate states so that a
 * fork measuring one never indexes, or garbage-collects, the other.
 *
 * <p>The baseline ({@link PlainBaseline#ids}) analyzes with {@code StandardAnalyzer}, runs a
 * {@code BooleanQuery} of {@code TermQuery}s on one field with BM25 and reads the id of each of
 * the top 10: the least a plain Lucene application does to answer. For {@code category} queries it
 * runs the same words unfiltered, as the baseline index has no category field.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx6g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SearchBenchmark {

  /** The corpus size and query kind, and the cursor through that kind's queries. */
  @State(Scope.Benchmark)
  public static class Queries {
    /** Corpus size: see {@link BenchCorpus}. */
    @Param({"bundled", "10k", "100k"})
    public String corpus;

    /** Query kind: see {@link QueryKind}. */
    @Param({"name", "acronym", "alias", "cli", "typo", "question", "category", "mix"})
    public String kind;

    List<QueryMix.Query> queries;
    SearchRequest[] highlighted;
    SearchRequest[] plain;
    String[] texts;
    private int next = -1;

    /** Loads the kind's queries and prepares the requests, so nothing but the search is timed. */
    @Setup(Level.Trial)
    public void setUp() {
      queries = QueryMix.bundled().queries(QueryKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)));
      highlighted = queries.stream().map(q -> q.request(true)).toArray(SearchRequest[]::new);
      plain = queries.stream().map(q -> q.request(false)).toArray(SearchRequest[]::new);
      texts = queries.stream().map(QueryMix.Query::text).toArray(String[]::new);
    }

    int advance() {
      next = next + 1 == texts.length ? 0 : next + 1;
      return next;
    }
  }

  /** The engine over the corpus: built and warmed up once per JVM (see {@link Served}). */
  @State(Scope.Benchmark)
  public static class Engine {
    Served.Engine served;

    /** Indexes (or, for synthetic sizes, loads) the corpus. */
    @Setup(Level.Trial)
    public void setUp(Queries q) {
      served = Served.engine(q.corpus);
    }

  }

  /** The plain-Lucene baseline over the same corpus, built once per JVM. */
  @State(Scope.Benchmark)
  public static class Baseline {
    PlainBaseline plain;

    /** Indexes (or loads) the corpus. */
    @Setup(Level.Trial)
    public void setUp(Queries q) {
      plain = Served.baseline(q.corpus);
    }

  }

  /** The engine, top 10 with highlighted passages: what the CLI and an embedding app ask for. */
  @Benchmark
  public SearchResponse search(Queries q, Engine e) {
    Slowdown.apply();
    return e.served.glossary().search(q.highlighted[q.advance()]);
  }

  /** The engine, top 10 without highlighting. */
  @Benchmark
  public SearchResponse searchNoHighlight(Queries q, Engine e) {
    Slowdown.apply();
    return e.served.glossary().search(q.plain[q.advance()]);
  }

  /** Plain Lucene: the same words, one field, BM25, the ids of the top 10. */
  @Benchmark
  public List<String> plain(Queries q, Baseline b) {
    return b.plain.ids(q.texts[q.advance()], 10);
  }
}
