package io.azureglossary.bench;

import io.azureglossary.eval.PlainBaseline;
import io.azureglossary.search.SearchRequest;
import io.azureglossary.search.SearchResponse;
import io.azureglossary.search.Suggestion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.TopDocs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
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
 * The CI gate's measurements: each engine operation and its plain baseline run side by side, one
 * thread each, in the same JMH group, so both see the same moments of a shared machine. Measured
 * one after the other, a burst of load from a neighbour that lands on the baseline but not on the
 * engine (or the reverse) moved the ratio threefold between two runs; measured together, both
 * slow down at once and the ratio holds. The figures are those of two busy threads, so they are
 * for the gate, not for the report, whose benchmarks run alone.
 *
 * <p>Groups: {@code search} (highlighted top 10 beside {@link PlainBaseline#ids}),
 * {@code searchNoHighlight}, and {@code suggest} (beside a {@code PrefixQuery}), over the judged
 * query mix of {@link QueryMix} and the prefixes of {@link SuggestBenchmark}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class GateBenchmark {

  /** The corpus size: the gate runs the bundled glossary. */
  @State(Scope.Benchmark)
  public static class Shared {
    /** Corpus size: see {@link BenchCorpus}. */
    @Param({"bundled"})
    public String corpus;

    Served.Engine engine;
    PlainBaseline plain;

    /** The shared, warmed-up engine and baseline (see {@link Served}). */
    @Setup(Level.Trial)
    public void setUp() {
      engine = Served.engine(corpus);
      plain = Served.baseline(corpus);
    }
  }

  /** Each thread's own cursor through the queries and prefixes. */
  @State(Scope.Thread)
  public static class Cursor {
    SearchRequest[] highlighted;
    SearchRequest[] plainRequests;
    String[] texts;
    String[] prefixes;
    String[] lastWords;
    int query = -1;
    int prefix = -1;

    /** Prepares the requests, so nothing but the operation is timed. */
    @Setup(Level.Trial)
    public void setUp() {
      List<QueryMix.Query> qs = QueryMix.bundled().queries(QueryKind.MIX);
      highlighted = qs.stream().map(q -> q.request(true)).toArray(SearchRequest[]::new);
      plainRequests = qs.stream().map(q -> q.request(false)).toArray(SearchRequest[]::new);
      texts = qs.stream().map(QueryMix.Query::text).toArray(String[]::new);
      prefixes = SuggestBenchmark.prefixes(io.azureglossary.corpus.Corpus.bundled(), new Random(42));
      lastWords = new String[prefixes.length];
      for (int i = 0; i < prefixes.length; i++) {
        String[] words = prefixes[i].toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        lastWords[i] = words.length == 0 ? prefixes[i] : words[words.length - 1];
      }
    }

    int nextQuery() {
      query = query + 1 == texts.length ? 0 : query + 1;
      return query;
    }

    int nextPrefix() {
      prefix = prefix + 1 == prefixes.length ? 0 : prefix + 1;
      return prefix;
    }
  }

  /** Engine search, highlighted. */
  @Benchmark
  @Group("search")
  @GroupThreads(1)
  public SearchResponse searchEngine(Shared s, Cursor c) {
    Slowdown.apply();
    return s.engine.glossary().search(c.highlighted[c.nextQuery()]);
  }

  /** Plain baseline beside the highlighted search. */
  @Benchmark
  @Group("search")
  @GroupThreads(1)
  public List<String> searchPlain(Shared s, Cursor c) {
    return s.plain.ids(c.texts[c.nextQuery()], 10);
  }

  /** Engine search without highlighting. */
  @Benchmark
  @Group("searchNoHighlight")
  @GroupThreads(1)
  public SearchResponse searchNoHighlightEngine(Shared s, Cursor c) {
    Slowdown.apply();
    return s.engine.glossary().search(c.plainRequests[c.nextQuery()]);
  }

  /** Plain baseline beside the search without highlighting. */
  @Benchmark
  @Group("searchNoHighlight")
  @GroupThreads(1)
  public List<String> searchNoHighlightPlain(Shared s, Cursor c) {
    return s.plain.ids(c.texts[c.nextQuery()], 10);
  }

  /** Engine suggest. */
  @Benchmark
  @Group("suggest")
  @GroupThreads(1)
  public List<Suggestion> suggestEngine(Shared s, Cursor c) {
    Slowdown.apply();
    return s.engine.glossary().suggest(c.prefixes[c.nextPrefix()], 10);
  }

  /** Plain prefix query beside suggest. */
  @Benchmark
  @Group("suggest")
  @GroupThreads(1)
  public TopDocs suggestPlain(Shared s, Cursor c) {
    try {
      return s.plain.searcher().search(new PrefixQuery(new org.apache.lucene.index.Term(PlainBaseline.TEXT,
          c.lastWords[c.nextPrefix()])), 10);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
