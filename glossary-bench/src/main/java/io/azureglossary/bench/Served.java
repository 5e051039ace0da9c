package io.azureglossary.bench;

import io.azureglossary.corpus.Corpus;
import io.azureglossary.eval.PlainBaseline;
import io.azureglossary.search.Glossary;
import io.azureglossary.search.internal.LiveGlossary;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The engine and the plain baseline serving one corpus size from memory, as the benchmarks set
 * them up: one of each per size and JVM, built on first use and kept until the JVM exits, so that
 * a run of every benchmark of one size in one JVM ({@code -f 0}) indexes and warms up once.
 *
 * <p>The bundled size is indexed on the spot with {@link Glossary#of} and {@link PlainBaseline#of};
 * synthetic sizes are copied into memory from the {@link IndexCache}, which holds the same index
 * those calls would build.
 *
 * <p>Warm-up: the engine's search path (query building over many fields, spelling correction,
 * highlighting) is a lot of code for the JIT; on a busy 2-core machine its median only settles after
 * about a thousand searches, half a minute, which a few one-second JMH warm-up iterations of a
 * 10 ms operation never reach. So each new engine first runs the whole judged query mix, with and
 * without highlighting, and suggests, for {@code glossary.bench.prewarm.seconds} (default 20),
 * and the JIT profile is that of a server answering every kind of query, not one kind alone.
 */
final class Served {
  /** Seconds of mixed queries run against each new engine before it is measured. */
  static final int PREWARM_SECONDS = Integer.getInteger("glossary.bench.prewarm.seconds", 20);

  private static final Map<String, Engine> ENGINES = new HashMap<>();
  private static final Map<String, PlainBaseline> BASELINES = new HashMap<>();

  private Served() {}

  /** A glossary with what it searches (searchers, directory), or null for nothing more; closing it closes both. */
  record Engine(Glossary glossary, Closeable searched) implements Closeable {
    @Override
    public void close() throws IOException {
      glossary.close();
      if (searched != null) {
        searched.close();
      }
    }
  }

  /** The engine over a corpus size, in memory and warmed up; shared, never closed. */
  static synchronized Engine engine(String size) {
    return ENGINES.computeIfAbsent(size, s -> {
      Engine e = build(s);
      prewarm(e.glossary());
      return e;
    });
  }

  /** The plain baseline over a corpus size, in memory and warmed up; shared, never closed. */
  static synchronized PlainBaseline baseline(String size) {
    return BASELINES.computeIfAbsent(size, s -> {
      PlainBaseline b = buildBaseline(s);
      List<QueryMix.Query> mix = QueryMix.bundled().queries(QueryKind.MIX);
      long until = System.nanoTime() + Math.min(5, PREWARM_SECONDS) * 1_000_000_000L;
      do {
        mix.forEach(q -> b.ids(q.text(), 10));
      } while (System.nanoTime() < until);
      return b;
    });
  }

  private static Engine build(String size) {
    if (size.equals("bundled")) {
      return new Engine(Glossary.of(Corpus.bundled()), null);
    }
    try {
      return open(IndexCache.inMemory(IndexCache.folder(size).resolve("engine")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static PlainBaseline buildBaseline(String size) {
    if (size.equals("bundled")) {
      return PlainBaseline.of(Corpus.bundled());
    }
    try {
      return PlainBaseline.open(IndexCache.inMemory(IndexCache.folder(size).resolve("baseline")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the judged mix, highlighted and not, and suggestions, for {@link #PREWARM_SECONDS}; at least one pass. */
  static void prewarm(Glossary g) {
    List<QueryMix.Query> mix = QueryMix.bundled().queries(QueryKind.MIX);
    String[] prefixes = SuggestBenchmark.prefixes(Corpus.bundled(), new Random(7));
    long until = System.nanoTime() + PREWARM_SECONDS * 1_000_000_000L;
    do {
      for (QueryMix.Query q : mix) {
        g.search(q.request(true));
        g.search(q.request(false));
      }
      for (String p : prefixes) {
        g.suggest(p, 10);
      }
    } while (System.nanoTime() < until);
  }

  /** Opens the engine over an index directory; closing the result closes its searchers and the directory. */
  static Engine open(Directory dir) throws IOException {
    LiveGlossary live = LiveGlossary.open(dir, null);
    return new Engine(live.glossary(), () -> {
      try {
        live.close();
      } finally {
        dir.close();
      }
    });
  }

  /** Opens the engine over an index folder on disk; closing the result closes the directory. */
  static Engine openOnDisk(Path folder) throws IOException {
    return open(FSDirectory.open(folder));
  }
}
