package io.azureglossary.bench;

import io.azureglossary.index.Fields;
import io.azureglossary.search.Glossary;
import io.azureglossary.search.SearchResponse;
import io.azureglossary.store.GlossaryIndex;
import io.azureglossary.store.Reindexer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * What the forked JVMs of {@link StartupBenchmark} run. Prints {@code key=value} lines on
 * standard output, which the benchmark reads back; times are taken with {@link System#nanoTime()}
 * from the first statement of {@code main}, and anything the probe itself needs to report them
 * (formatting, printing) runs after the measured span.
 *
 * <pre>
 * StartupProbe bundled QUERY            Glossary.bundled(), one search: mainToResultNanos, resultEpochMillis
 * StartupProbe open DIR QUERY           GlossaryIndex.open(DIR), one search: the same keys
 * StartupProbe warm DIR QUERY K         K times, alternating: GlossaryIndex.open + one search, and a plain
 *                                       DirectoryReader.open + one TermQuery count: engineNanos, plainNanos (lists)
 * StartupProbe prepare SIZE             builds the persistent index of SIZE in the IndexCache if missing: dir
 * </pre>
 */
public final class StartupProbe {
  /** The field and word the plain reader counts: a name word every size holds. */
  static final Term PLAIN_TERM = new Term(Fields.NAME_TEXT, "vault");

  private StartupProbe() {}

  /** Runs one probe; see the class comment. */
  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    switch (args.length == 0 ? "" : args[0]) {
      case "bundled" -> {
        SearchResponse r = Glossary.bundled().search(args[1]);
        long end = System.nanoTime();
        long endMillis = System.currentTimeMillis();
        reportFirstResult(r, start, end, endMillis);
      }
      case "open" -> {
        try (GlossaryIndex index = GlossaryIndex.open(Path.of(args[1]))) {
          SearchResponse r = index.glossary().search(args[2]);
          long end = System.nanoTime();
          long endMillis = System.currentTimeMillis();
          reportFirstResult(r, start, end, endMillis);
        }
      }
      case "warm" -> warm(Path.of(args[1]), args[2], Integer.parseInt(args[3]));
      case "prepare" -> {
        Path dir = IndexCache.reindexed(args[1], progress());
        System.out.println("dir=" + dir);
      }
      default -> {
        System.err.println("usage: StartupProbe bundled QUERY | open DIR QUERY | warm DIR QUERY K | prepare SIZE");
        System.exit(2);
      }
    }
  }

  private static void reportFirstResult(SearchResponse r, long start, long end, long endMillis) {
    if (r.results().isEmpty()) {
      throw new IllegalStateException("the probe's query found nothing: the measurement would be meaningless");
    }
    // the clock time of the result, which StartupBenchmark subtracts its own clock time of the
    // command's start from: the JVM's boot included, with none of the tens of milliseconds that
    // asking the JVM for its start time (the runtime MXBean) would add to the process
    System.out.println("mainToResultNanos=" + (end - start));
    System.out.println("resultEpochMillis=" + endMillis);
    System.out.println("top=" + r.results().get(0).id());
  }

  /**
   * Opens the index and searches once, k times, in the same JVM, each time beside a plain reader
   * open and count; the two alternate which goes first, so drift in the machine's load hits both.
   */
  static void warm(Path dir, String query, int k) throws IOException {
    List<Long> engine = new ArrayList<>();
    List<Long> open = new ArrayList<>();
    List<Long> plain = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      if (i % 2 == 0) {
        engineOnce(dir, query, engine, open);
        plain.add(plainOnce(dir));
      } else {
        plain.add(plainOnce(dir));
        engineOnce(dir, query, engine, open);
      }
    }
    System.out.println("engineNanos=" + engine.stream().map(String::valueOf).collect(Collectors.joining(",")));
    System.out.println("engineOpenNanos=" + open.stream().map(String::valueOf).collect(Collectors.joining(",")));
    System.out.println("plainNanos=" + plain.stream().map(String::valueOf).collect(Collectors.joining(",")));
  }

  /**
   * Nanoseconds to open the engine over the index and answer one search, and to open it alone
   * (closing it is not timed).
   */
  private static void engineOnce(Path dir, String query, List<Long> total, List<Long> openOnly) throws IOException {
    long t0 = System.nanoTime();
    GlossaryIndex index = GlossaryIndex.open(dir);
    long opened = System.nanoTime();
    try {
      SearchResponse r = index.glossary().search(query);
      long t = System.nanoTime() - t0;
      if (r.results().isEmpty()) {
        throw new IllegalStateException("the probe's query found nothing in " + dir);
      }
      total.add(t);
      openOnly.add(opened - t0);
    } finally {
      index.close();
    }
  }

  /** Nanoseconds to open a plain reader over the same folder and count one TermQuery. */
  private static long plainOnce(Path dir) throws IOException {
    long t0 = System.nanoTime();
    Directory d = FSDirectory.open(dir);
    try (DirectoryReader reader = DirectoryReader.open(d)) {
      int hits = new IndexSearcher(reader).count(new TermQuery(PLAIN_TERM));
      long t = System.nanoTime() - t0;
      if (hits == 0) {
        throw new IllegalStateException("no document in " + dir + " has " + PLAIN_TERM);
      }
      return t;
    } finally {
      d.close();
    }
  }

  private static Reindexer.Listener progress() {
    return new Reindexer.Listener() {
      private Reindexer.Phase last;
      private int lastTenth = -1;

      @Override
      public void progress(Reindexer.Phase phase, int done, int total) {
        int tenth = total == 0 ? 0 : done * 10 / total;
        if (phase != last || tenth != lastTenth) {
          System.err.printf(Locale.ROOT, "startup-bench: building the index: %s %d/%d%n", phase, done, total);
          last = phase;
          lastTenth = tenth;
        }
      }
    };
  }
}
