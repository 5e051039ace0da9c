package io.azureglossary.bench;

import com.sun.management.ThreadMXBean;
import io.azureglossary.eval.JudgedQuery;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Two builds of the engine side by side in one JVM, each in a class loader of its own, searching
 * the judged queries over the bundled glossary in alternating rounds and timed by the thread's CPU
 * time and allocation: what one change to the engine buys, measured under the same load. JMH
 * compares an engine with the plain baseline in one run; it cannot hold two versions of the same
 * classes, which is what a before-and-after of one change needs.
 *
 * <pre>{@code
 * java -cp glossary-bench/target/benchmarks.jar io.azureglossary.bench.CpuComparison \
 *     BEFORE_CLASSPATH AFTER_CLASSPATH [ROUNDS] [--highlight]
 * }</pre>
 *
 * Each class path must hold glossary-core and Lucene (a {@code benchmarks.jar} of each build, or
 * glossary-core's {@code target/classes} ahead of an older {@code benchmarks.jar}). The first third
 * of the rounds warms up and is not counted. Prints the median and mean CPU microseconds and the
 * mean kilobytes allocated per search of each, and their ratios.
 */
public final class CpuComparison {
  private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

  private CpuComparison() {}

  private record Build(String name, Object glossary, Method search, Object[] requests) {}

  /** Runs the comparison; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    List<String> positional = new ArrayList<>();
    boolean highlight = false;
    for (String a : args) {
      if (a.equals("--highlight")) {
        highlight = true;
      } else {
        positional.add(a);
      }
    }
    if (positional.size() < 2) {
      System.err.println("usage: CpuComparison BEFORE_CLASSPATH AFTER_CLASSPATH [ROUNDS] [--highlight]");
      System.exit(2);
    }
    int rounds = positional.size() > 2 ? Integer.parseInt(positional.get(2)) : 24;
    List<String> queries = judgedQueries();
    Build[] builds = {load("before", positional.get(0), queries, highlight), load("after", positional.get(1), queries, highlight)};
    long[][] cpu = new long[2][rounds * queries.size()];
    long[] allocated = new long[2];
    int[] n = new int[2];
    for (int round = 0; round < rounds; round++) {
      for (int k = 0; k < 2; k++) {
        int b = (round + k) % 2; // alternate which build goes first
        for (Object request : builds[b].requests()) {
          long bytes = THREADS.getCurrentThreadAllocatedBytes();
          long start = THREADS.getCurrentThreadCpuTime();
          builds[b].search().invoke(builds[b].glossary(), request);
          long spent = THREADS.getCurrentThreadCpuTime() - start;
          if (round >= rounds / 3) {
            cpu[b][n[b]++] = spent;
            allocated[b] += THREADS.getCurrentThreadAllocatedBytes() - bytes;
          }
        }
      }
    }
    double[] median = new double[2];
    double[] mean = new double[2];
    double[] kb = new double[2];
    for (int b = 0; b < 2; b++) {
      long[] c = Arrays.copyOf(cpu[b], n[b]);
      Arrays.sort(c);
      median[b] = c[c.length / 2] / 1000.0;
      mean[b] = Arrays.stream(c).average().orElse(0) / 1000.0;
      kb[b] = allocated[b] / 1024.0 / n[b];
    }
    System.out.printf(Locale.ROOT, "%d judged queries, %s, %d rounds (%d counted) each%n", queries.size(),
        highlight ? "highlighted" : "not highlighted", rounds, rounds - rounds / 3);
    for (int b = 0; b < 2; b++) {
      System.out.printf(Locale.ROOT, "%-6s CPU per search: median %.1f µs, mean %.1f µs; allocated %.0f KB%n",
          builds[b].name(), median[b], mean[b], kb[b]);
    }
    System.out.printf(Locale.ROOT, "after/before: median %.3f, mean %.3f, allocation %.3f%n",
        median[1] / median[0], mean[1] / mean[0], kb[1] / kb[0]);
  }

  private static List<String> judgedQueries() throws IOException {
    try (InputStream in = CpuComparison.class.getClassLoader().getResourceAsStream(QueryMix.RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(QueryMix.RESOURCE + " not found on the classpath");
      }
      return JudgedQuery.parse("queries.tsv", new String(in.readAllBytes(), StandardCharsets.UTF_8)).stream()
          .map(JudgedQuery::query).toList();
    }
  }

  private static Build load(String name, String classPath, List<String> queries, boolean highlight) throws Exception {
    URL[] urls = Arrays.stream(classPath.split(java.io.File.pathSeparator))
        .map(p -> {
          try {
            return Path.of(p).toUri().toURL();
          } catch (IOException e) {
            throw new IllegalArgumentException("not a class path entry: " + p, e);
          }
        }).toArray(URL[]::new);
    ClassLoader loader = new URLClassLoader(name, urls, ClassLoader.getPlatformClassLoader());
    Class<?> glossary = loader.loadClass("io.azureglossary.search.Glossary");
    Class<?> request = loader.loadClass("io.azureglossary.search.SearchRequest");
    Method of = request.getMethod("of", String.class);
    Method highlighted = request.getMethod("highlight", boolean.class);
    Object[] requests = new Object[queries.size()];
    for (int i = 0; i < requests.length; i++) {
      requests[i] = highlighted.invoke(of.invoke(null, queries.get(i)), highlight);
    }
    return new Build(name, glossary.getMethod("bundled").invoke(null), glossary.getMethod("search", request), requests);
  }
}
