package io.azureglossary.bench;

import io.azureglossary.opensearch.ClusterConnection;
import io.azureglossary.opensearch.ClusterGlossary;
import io.azureglossary.search.SearchRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The judged queries of {@code corpus/eval/queries.tsv} through an OpenSearch node holding the
 * published glossary ({@code glossary publish opensearch}), as {@code search --opensearch} sends
 * them (the stored template, top 10 highlighted, facets and total), from 32 client threads in a
 * closed loop: the cluster's side of {@link ServeLoad}'s search phase. 20 s of warm-up, then 30 s
 * measured; prints searches per second, p50, p99 and errors.
 *
 * <p>{@code java -cp glossary-bench/target/benchmarks.jar io.azureglossary.bench.ClusterLoad URL [ALIAS]},
 * credentials from the environment as for the CLI.
 */
public final class ClusterLoad {
  private static final int CLIENTS = 32;

  private ClusterLoad() {}

  /**
   * Runs the load.
   *
   * @param args the node's URL, and the alias (default {@code glossary})
   * @throws Exception if the queries cannot be read or a thread is interrupted
   */
  public static void main(String[] args) throws Exception {
    ClusterGlossary cluster = ClusterGlossary.open(ClusterConnection.of(args[0], System.getenv()),
        args.length > 1 ? args[1] : "glossary");
    List<String> queries = Files.readAllLines(Path.of("corpus/eval/queries.tsv")).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t")[0]).toList();
    run(cluster, queries, 20_000); // warm-up: the node's and this client's JIT
    ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
    AtomicInteger errors = new AtomicInteger();
    long start = System.nanoTime();
    long stop = start + 30_000_000_000L;
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int first = c * queries.size() / CLIENTS;
      clients.add(Thread.ofPlatform().start(() -> {
        long[] mine = new long[1 << 18];
        int n = 0;
        for (int i = first; System.nanoTime() < stop; i++) {
          long t = System.nanoTime();
          try {
            cluster.search(SearchRequest.of(queries.get(i % queries.size())).limit(10));
          } catch (RuntimeException e) {
            errors.incrementAndGet();
          }
          if (n < mine.length) {
            mine[n++] = System.nanoTime() - t;
          }
        }
        latencies.add(Arrays.copyOf(mine, n));
      }));
    }
    for (Thread t : clients) {
      t.join();
    }
    long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "cluster search, %d clients: %d searches in %.1f s = %.0f/s, p50 %.2f ms, p99 %.2f ms,"
        + " %d errors%n", CLIENTS, all.length, seconds, all.length / seconds, all[all.length / 2] / 1e6,
        all[(int) (all.length * 0.99)] / 1e6, errors.get());
  }

  private static void run(ClusterGlossary cluster, List<String> queries, long millis) {
    long end = System.currentTimeMillis() + millis;
    for (int i = 0; System.currentTimeMillis() < end; i++) {
      cluster.search(SearchRequest.of(queries.get(i % queries.size())).limit(10));
    }
  }
}
