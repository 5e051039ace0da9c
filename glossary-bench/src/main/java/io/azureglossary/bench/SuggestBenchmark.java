package io.azureglossary.bench;

import io.azureglossary.corpus.Corpus;
import io.azureglossary.eval.PlainBaseline;
import io.azureglossary.model.Term;
import io.azureglossary.search.Suggestion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.TopDocs;
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
 * Suggest-as-you-type latency: the engine's fuzzy completion over names and aliases
 * ({@link #suggest}), beside plain Lucene's answer to a prefix, a {@code PrefixQuery} on the
 * baseline's text field for the last word typed, top 10 ({@link #plainPrefix}).
 *
 * <p>The prefixes are what a user has typed partway through a real name or alias: 256 of them,
 * drawn with a fixed {@code Random(42)} from the bundled terms (present at every corpus size),
 * each cut after 2 to 8 characters, so short, many-completion prefixes and long, specific ones
 * are both in the mix.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx6g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SuggestBenchmark {
  /** Prefixes per run. */
  static final int PREFIXES = 256;

  /** The corpus size, and the cursor through the prefixes. */
  @State(Scope.Benchmark)
  public static class Prefixes {
    /** Corpus size: see {@link BenchCorpus}. */
    @Param({"bundled", "10k", "100k"})
    public String corpus;

    String[] prefixes;
    String[] lastWords;
    private int next = -1;

    /** Draws the prefixes. */
    @Setup(Level.Trial)
    public void setUp() {
      prefixes = prefixes(Corpus.bundled(), new Random(42));
      lastWords = new String[prefixes.length];
      for (int i = 0; i < prefixes.length; i++) {
        String[] words = prefixes[i].toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        lastWords[i] = words.length == 0 ? prefixes[i] : words[words.length - 1];
      }
    }

    int advance() {
      next = next + 1 == prefixes.length ? 0 : next + 1;
      return next;
    }
  }

  /** Prefixes of real names and aliases, 2 to 8 characters long. */
  static String[] prefixes(Corpus corpus, Random random) {
    List<String> labels = new ArrayList<>();
    for (Term t : corpus.terms()) {
      labels.add(t.name());
      labels.addAll(t.aliases());
    }
    String[] out = new String[PREFIXES];
    for (int i = 0; i < out.length; i++) {
      String label = labels.get(random.nextInt(labels.size()));
      int len = Math.min(label.length(), 2 + random.nextInt(7));
      out[i] = label.substring(0, len).strip();
      if (out[i].isEmpty()) {
        out[i] = label.substring(0, 1);
      }
    }
    return out;
  }

  /** The engine: built and warmed up once per JVM (see {@link Served}). */
  @State(Scope.Benchmark)
  public static class Engine {
    Served.Engine served;

    /** Indexes (or loads) the corpus. */
    @Setup(Level.Trial)
    public void setUp(Prefixes p) {
      served = Served.engine(p.corpus);
    }

  }

  /** The plain baseline, built once per JVM. */
  @State(Scope.Benchmark)
  public static class Baseline {
    PlainBaseline plain;
    IndexSearcher searcher;

    /** Indexes (or loads) the corpus. */
    @Setup(Level.Trial)
    public void setUp(Prefixes p) {
      plain = Served.baseline(p.corpus);
      searcher = plain.searcher();
    }

  }

  /** The engine's completions: top 10, typo-tolerant. */
  @Benchmark
  public List<Suggestion> suggest(Prefixes p, Engine e) {
    Slowdown.apply();
    return e.served.glossary().suggest(p.prefixes[p.advance()], 10);
  }

  /** Plain Lucene: documents with a word starting with the last word typed, top 10. */
  @Benchmark
  public TopDocs plainPrefix(Prefixes p, Baseline b) {
    try {
      return b.searcher.search(new PrefixQuery(new org.apache.lucene.index.Term(PlainBaseline.TEXT,
          p.lastWords[p.advance()])), 10);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
