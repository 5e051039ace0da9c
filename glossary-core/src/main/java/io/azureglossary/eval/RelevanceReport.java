package io.azureglossary.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * This engine beside the plain-Lucene baseline on a judged query set: overall metrics, metrics per
 * query kind, how many terms the engine's queries match (the median {@code total}, so that a
 * looser match rule shows up beside a better rank), and every query the engine did not answer
 * first.
 *
 * @param engine the engine's metrics over all queries
 * @param baseline the baseline's metrics over all queries
 * @param medianTotal median number of terms the engine matched per query, over all queries
 * @param engineByKind the engine's metrics per query kind, kinds in alphabetical order
 * @param baselineByKind the baseline's metrics per query kind, in the same order
 * @param medianTotalByKind the same per query kind
 * @param failures the queries the engine did not answer first, in file order
 */
public record RelevanceReport(
    Metrics engine,
    Metrics baseline,
    double medianTotal,
    Map<String, Metrics> engineByKind,
    Map<String, Metrics> baselineByKind,
    Map<String, Double> medianTotalByKind,
    List<Failure> failures) {

  /**
   * What the engine answered to one query: the ranked term ids (top 10) and how many terms matched.
   *
   * @param ids the ids of the hits, best first
   * @param total the number of terms that matched
   */
  public record Answer(List<String> ids, int total) {
    /** Copies the ids. */
    public Answer {
      ids = List.copyOf(ids);
    }
  }

  /**
   * A query whose right answer was not first: the rank it got (null if not in the top 10) and the top three.
   *
   * @param query the query
   * @param kind its kind
   * @param expected the ids of its right answers
   * @param rank the 1-based rank of the first right answer, or null
   * @param top the ids the engine ranked first, at most three
   */
  public record Failure(String query, String kind, List<String> expected, Integer rank, List<String> top) {}

  /**
   * Runs every query through both searchers.
   *
   * @param queries the judged queries
   * @param engine query to the engine's answer: ranked term ids (top 10) and the number matched
   * @param baseline query to the baseline's ranked term ids (top 10); its match count is not
   *     reported, as its rule (any word anywhere) is not one anyone would ship
   * @return both searchers' metrics and the engine's failures
   */
  public static RelevanceReport run(List<JudgedQuery> queries, Function<String, Answer> engine,
      Function<String, List<String>> baseline) {
    int n = queries.size();
    int[] er = new int[n];
    int[] br = new int[n];
    int[] totals = new int[n];
    Map<String, List<Integer>> kinds = new TreeMap<>();
    List<Failure> failures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      JudgedQuery q = queries.get(i);
      Answer a = engine.apply(q.query());
      List<String> top = a.ids();
      er[i] = rank(top, q.expected());
      br[i] = rank(baseline.apply(q.query()), q.expected());
      totals[i] = a.total();
      kinds.computeIfAbsent(q.kind(), k -> new ArrayList<>()).add(i);
      if (er[i] != 1) {
        failures.add(new Failure(q.query(), q.kind(), q.expected(), er[i] == 0 ? null : er[i],
            top.subList(0, Math.min(3, top.size()))));
      }
    }
    Map<String, Metrics> ek = new LinkedHashMap<>();
    Map<String, Metrics> bk = new LinkedHashMap<>();
    Map<String, Double> tk = new LinkedHashMap<>();
    kinds.forEach((kind, idx) -> {
      ek.put(kind, Metrics.of(idx.stream().mapToInt(i -> er[i]).toArray()));
      bk.put(kind, Metrics.of(idx.stream().mapToInt(i -> br[i]).toArray()));
      tk.put(kind, median(idx.stream().mapToInt(i -> totals[i]).toArray()));
    });
    return new RelevanceReport(Metrics.of(er), Metrics.of(br), median(totals), ek, bk, tk, failures);
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

  /** The median; of an even count, the mean of the two middle values; 0 for none. */
  static double median(int[] values) {
    if (values.length == 0) {
      return 0;
    }
    int[] v = values.clone();
    Arrays.sort(v);
    int mid = v.length / 2;
    return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + (double) v[mid]) / 2;
  }
}
