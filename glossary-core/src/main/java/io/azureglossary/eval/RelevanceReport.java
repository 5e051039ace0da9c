package io.azureglossary.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * This engine beside the plain-Lucene baseline on a judged query set: overall metrics, metrics per
 * query kind, and every query the engine did not answer first.
 */
public record RelevanceReport(
    Metrics engine,
    Metrics baseline,
    Map<String, Metrics> engineByKind,
    Map<String, Metrics> baselineByKind,
    List<Failure> failures) {

  /** A query whose right answer was not first: the rank it got (null if not in the top 10) and the top three. */
  public record Failure(String query, String kind, List<String> expected, Integer rank, List<String> top) {}

  /**
   * Runs every query through both searchers.
   *
   * @param engine query to ranked term ids (top 10)
   * @param baseline the same, for the baseline
   */
  public static RelevanceReport run(List<JudgedQuery> queries, Function<String, List<String>> engine,
      Function<String, List<String>> baseline) {
    int n = queries.size();
    int[] er = new int[n];
    int[] br = new int[n];
    Map<String, List<Integer>> kinds = new TreeMap<>();
    List<Failure> failures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      JudgedQuery q = queries.get(i);
      List<String> top = engine.apply(q.query());
      er[i] = rank(top, q.expected());
      br[i] = rank(baseline.apply(q.query()), q.expected());
      kinds.computeIfAbsent(q.kind(), k -> new ArrayList<>()).add(i);
      if (er[i] != 1) {
        failures.add(new Failure(q.query(), q.kind(), q.expected(), er[i] == 0 ? null : er[i],
            top.subList(0, Math.min(3, top.size()))));
      }
    }
    Map<String, Metrics> ek = new LinkedHashMap<>();
    Map<String, Metrics> bk = new LinkedHashMap<>();
    kinds.forEach((kind, idx) -> {
      ek.put(kind, Metrics.of(idx.stream().mapToInt(i -> er[i]).toArray()));
      bk.put(kind, Metrics.of(idx.stream().mapToInt(i -> br[i]).toArray()));
    });
    return new RelevanceReport(Metrics.of(er), Metrics.of(br), ek, bk, failures);
  }

  /** 1-based rank of the first expected id within the top 10, or 0. */
  static int rank(List<String> top, List<String> expected) {
    for (int i = 0; i < Math.min(10, top.size()); i++) {
      if (expected.contains(top.get(i))) {
        return i + 1;
      }
    }
    return 0;
  }
}
