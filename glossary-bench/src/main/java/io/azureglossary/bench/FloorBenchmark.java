package io.azureglossary.bench;

import io.azureglossary.eval.PlainBaseline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
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
 * The floor: the cheapest search Lucene can do over a corpus, a single {@code TermQuery} counted
 * on the baseline's one text field. Every engine figure is also reported as a multiple of this, to
 * show how much of a search is Lucene's fixed cost and how much is ours. The words are the first
 * analyzed word of each judged query, cycled in the fixed order of {@link QueryMix}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx6g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class FloorBenchmark {
  /** Corpus size: see {@link BenchCorpus}. */
  @Param({"bundled", "10k", "100k"})
  public String corpus;

  private PlainBaseline plain;
  private IndexSearcher searcher;
  private TermQuery[] queries;
  private int next = -1;

  /** Indexes (or loads) the baseline and prepares one TermQuery per distinct first word. */
  @Setup(Level.Trial)
  public void setUp() {
    plain = Served.baseline(corpus);
    searcher = plain.searcher();
    Set<String> words = new LinkedHashSet<>();
    try (StandardAnalyzer a = new StandardAnalyzer()) {
      for (QueryMix.Query q : QueryMix.bundled().queries(QueryKind.MIX)) {
        try (TokenStream ts = a.tokenStream(PlainBaseline.TEXT, q.text())) {
          CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
          ts.reset();
          if (ts.incrementToken()) {
            words.add(term.toString());
          }
          ts.end();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<TermQuery> qs = new ArrayList<>();
    words.forEach(w -> qs.add(new TermQuery(new Term(PlainBaseline.TEXT, w))));
    queries = qs.toArray(TermQuery[]::new);
  }


  /** One TermQuery, counted. */
  @Benchmark
  public int termCount() throws IOException {
    next = next + 1 == queries.length ? 0 : next + 1;
    return searcher.count(queries[next]);
  }
}
