package io.azureglossary.eval;

import io.azureglossary.search.Suggestion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The suggester beside a plain prefix baseline on judged prefixes ({@code prefix<TAB>expected
 * ids<TAB>kind}, read with {@link JudgedQuery}): success@1, success@5 and MRR@5 over terms, overall
 * and per kind, and every prefix whose right term was not completed first.
 *
 * <p>Ranks count terms, not completions: a term suggested twice (its name and an alias) holds the
 * rank of its first completion, and the terms after it move up. How many prefixes got a term twice
 * is reported as {@code repeats}, since a user sees the repetition.
 *
 * @param all every prefix
 * @param byKind per kind, kinds in alphabetical order
 * @param failures prefixes whose right term was not the first suggested, in file order
 */
public record SuggestionReport(Summary all, Map<String, Summary> byKind, List<Failure> failures) {

  /**
   * Figures over a set of prefixes.
   *
   * @param prefixes the number of prefixes
   * @param engine the suggester's scores
   * @param baseline the baseline's scores
   * @param repeats prefixes whose engine suggestions named some term more than once
   */
  public record Summary(int prefixes, Scores engine, Scores baseline, int repeats) {}

  /**
   * Share of prefixes with a right term first, in the top 5, and the mean reciprocal rank within the top 5.
   *
   * @param success1 the share of prefixes with a right term first, from 0 to 1
   * @param success5 the share with a right term in the top 5, from 0 to 1
   * @param mrr5 the mean reciprocal rank of the first right term within the top 5, from 0 to 1
   */
  public record Scores(double success1, double success5, double mrr5) {
    static Scores of(int[] ranks) {
      int s1 = 0;
      int s5 = 0;
      double rr = 0;
      for (int r : ranks) {
        if (r == 1) {
          s1++;
        }
        if (r >= 1 && r <= 5) {
          s5++;
          rr += 1.0 / r;
        }
      }
      int n = ranks.length;
      return n == 0 ? new Scores(0, 0, 0) : new Scores((double) s1 / n, (double) s5 / n, rr / n);
    }
  }

  /**
   * A prefix whose right term was not suggested first: the term rank it got (null if not among the
   * suggestions) and the texts of the first three suggestions as the user saw them.
   *
   * @param prefix the prefix as typed
   * @param kind its kind
   * @param expected the ids of its right terms
   * @param rank the 1-based term rank of the first right term, or null
   * @param top the texts of the first three suggestions
   */
  public record Failure(String prefix, String kind, List<String> expected, Integer rank, List<String> top) {}

  /**
   * Runs every prefix through the suggester and the baseline.
   *
   * @param prefixes the judged prefixes
   * @param engine prefix to the suggestions, in order (ask for 10)
   * @param baseline prefix to the baseline's ranked term ids (top 10)
   * @return both sides' scores and the suggester's failures
   */
  public static SuggestionReport run(List<JudgedQuery> prefixes, Function<String, List<Suggestion>> engine,
      Function<String, List<String>> baseline) {
    int n = prefixes.size();
    int[] er = new int[n];
    int[] br = new int[n];
    boolean[] repeated = new boolean[n];
    Map<String, List<Integer>> kinds = new TreeMap<>();
    List<Failure> failures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      JudgedQuery q = prefixes.get(i);
      List<Suggestion> raw = engine.apply(q.query());
      List<String> ids = raw.stream().map(Suggestion::id).toList();
      List<String> terms = distinct(ids);
      repeated[i] = terms.size() < ids.size();
      er[i] = RelevanceReport.rank(terms, q.expected());
      br[i] = RelevanceReport.rank(distinct(baseline.apply(q.query())), q.expected());
      kinds.computeIfAbsent(q.kind(), k -> new ArrayList<>()).add(i);
      if (er[i] != 1) {
        failures.add(new Failure(q.query(), q.kind(), q.expected(), er[i] == 0 ? null : er[i],
            raw.stream().limit(3).map(Suggestion::text).toList()));
      }
    }
    Map<String, Summary> byKind = new LinkedHashMap<>();
    kinds.forEach((kind, idx) -> byKind.put(kind, summary(idx.stream().mapToInt(Integer::intValue).toArray(),
        er, br, repeated)));
    int[] every = new int[n];
    for (int i = 0; i < n; i++) {
      every[i] = i;
    }
    return new SuggestionReport(summary(every, er, br, repeated), byKind, failures);
  }

  private static Summary summary(int[] idx, int[] er, int[] br, boolean[] repeated) {
    int[] e = new int[idx.length];
    int[] b = new int[idx.length];
    int repeats = 0;
    for (int j = 0; j < idx.length; j++) {
      e[j] = er[idx[j]];
      b[j] = br[idx[j]];
      repeats += repeated[idx[j]] ? 1 : 0;
    }
    return new Summary(idx.length, Scores.of(e), Scores.of(b), repeats);
  }

  /** The ids in order, each once, where it first occurs. */
  static List<String> distinct(List<String> ids) {
    return List.copyOf(new LinkedHashSet<>(ids));
  }
}
