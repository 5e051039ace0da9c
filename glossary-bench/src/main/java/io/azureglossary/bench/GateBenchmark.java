package io.azureglossary.bench;

import io.azureglossary.eval.PlainBaseline;
import io.azureglossary.search.SearchRequest;
import io.azureglossary.search.SearchResponse;
import io.azureglossary.search.Suggestion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.TopDocs;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * The CI gate's measurements: the highlighted search, the search without highlighting and suggest
 * over the bundled glossary, each followed by its plain baseline, timed by the wall clock (the
 * median, as everywhere) and by the thread's CPU time ({@link Cpu}).
 *
 * <p>The gate divides CPU times. On a shared machine a wall-clock median is fair to a 40 µs
 * baseline query, which mostly runs between two preemptions, and unfair to a 4 ms engine search,
 * which almost never does: with four busy loops competing for the two cores, the highlighted
 * search's median went from 1.2 to 3.3 ms while the baseline's stayed at 45 µs, so the ratio of
 * medians went from 28× to 69×; the ratio of CPU times went from 24× to 26×. Thread CPU time does
 * not count the time a thread waits for a core.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class GateBenchmark {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** The shared, warmed-up engine and baseline over the bundled glossary (see {@link Served}). */
  @State(Scope.Benchmark)
  public static class Shared {
    /** Corpus size: the gate runs the bundled glossary. */
    @Param({"bundled"})
    public String corpus;

    Served.Engine engine;
    PlainBaseline plain;

    /** Builds (or reuses) and warms up the engine and the baseline. */
    @Setup(Level.Trial)
    public void setUp() {
      engine = Served.engine(corpus);
      plain = Served.baseline(corpus);
    }
  }

  /** The cursor through the judged queries and the suggest prefixes. */
  @State(Scope.Thread)
  public static class Cursor {
    SearchRequest[] highlighted;
    SearchRequest[] plainRequests;
    SearchRequest[] wholeWords;
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
      wholeWords = qs.stream().map(q -> q.wholeWordsRequest(true)).toArray(SearchRequest[]::new);
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

  /**
   * The measuring thread's CPU time, summed with the number of calls: JMH reports both as
   * secondary results ({@code cpuNanos}, {@code calls}), and their quotient is the mean CPU time
   * of one operation.
   */
  @AuxCounters(AuxCounters.Type.EVENTS)
  @State(Scope.Thread)
  public static class Cpu {
    /** Thread CPU nanoseconds spent in the measured operations of this iteration. */
    public long cpuNanos;
    /** Operations measured in this iteration. */
    public long calls;

    /** Counters start from zero at every iteration. */
    @Setup(Level.Iteration)
    public void reset() {
      cpuNanos = 0;
      calls = 0;
    }

    long start() {
      return THREADS.getCurrentThreadCpuTime();
    }

    void stop(long start) {
      cpuNanos += THREADS.getCurrentThreadCpuTime() - start;
      calls++;
    }
  }

  /** Engine search, highlighted. */
  @Benchmark
  public SearchResponse search(Shared s, Cursor c, Cpu cpu) {
    long t = cpu.start();
    Slowdown.apply();
    SearchResponse r = s.engine.glossary().search(c.highlighted[c.nextQuery()]);
    cpu.stop(t);
    return r;
  }

  /**
   * Engine search, highlighted, with the last word read as finished: {@link #search} divided by
   * this is what reading the last word as a prefix costs.
   */
  @Benchmark
  public SearchResponse searchWholeWords(Shared s, Cursor c, Cpu cpu) {
    long t = cpu.start();
    Slowdown.apply();
    SearchResponse r = s.engine.glossary().search(c.wholeWords[c.nextQuery()]);
    cpu.stop(t);
    return r;
  }

  /** Engine search without highlighting. */
  @Benchmark
  public SearchResponse searchNoHighlight(Shared s, Cursor c, Cpu cpu) {
    long t = cpu.start();
    Slowdown.apply();
    SearchResponse r = s.engine.glossary().search(c.plainRequests[c.nextQuery()]);
    cpu.stop(t);
    return r;
  }

  /** The plain baseline of both searches: the same words, one field, the ids of the top 10. */
  @Benchmark
  public List<String> searchPlain(Shared s, Cursor c, Cpu cpu) {
    long t = cpu.start();
    List<String> r = s.plain.ids(c.texts[c.nextQuery()], 10);
    cpu.stop(t);
    return r;
  }

  /** Engine suggest. */
  @Benchmark
  public List<Suggestion> suggest(Shared s, Cursor c, Cpu cpu) {
    long t = cpu.start();
    Slowdown.apply();
    List<Suggestion> r = s.engine.glossary().suggest(c.prefixes[c.nextPrefix()], 10);
    cpu.stop(t);
    return r;
  }

  /** The plain baseline of suggest: a prefix query for the last word, top 10. */
  @Benchmark
  public TopDocs suggestPlain(Shared s, Cursor c, Cpu cpu) {
    long t = cpu.start();
    try {
      return s.plain.searcher().search(new PrefixQuery(new org.apache.lucene.index.Term(PlainBaseline.TEXT,
          c.lastWords[c.nextPrefix()])), 10);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      cpu.stop(t);
    }
  }
}
