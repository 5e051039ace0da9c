package io.azureglossary.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.azureglossary.eval.RelevanceReport.Answer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RelevanceReportTest {
  @Test
  void median_oddCount_isTheMiddleValue() {
    assertEquals(7.0, RelevanceReport.median(new int[] {40, 7, 1}));
    assertEquals(3.0, RelevanceReport.median(new int[] {3}));
  }

  @Test
  void median_evenCount_isTheMeanOfTheTwoMiddleValues() {
    assertEquals(4.5, RelevanceReport.median(new int[] {9, 1, 4, 5}));
    assertEquals(6.0, RelevanceReport.median(new int[] {2, 10}));
  }

  @Test
  void median_noValues_isZero() {
    assertEquals(0.0, RelevanceReport.median(new int[0]));
  }

  @Test
  void run_reportsTheMedianTotalPerKindAndOverall() {
    List<JudgedQuery> queries = List.of(
        new JudgedQuery("a", List.of("x"), "name", 1),
        new JudgedQuery("b", List.of("x"), "name", 2),
        new JudgedQuery("c", List.of("x"), "typo", 3));
    Map<String, Integer> totals = Map.of("a", 3, "b", 8, "c", 100);
    RelevanceReport r = RelevanceReport.run(queries, q -> new Answer(List.of("x"), totals.get(q)), q -> List.of());
    assertEquals(Map.of("name", 5.5, "typo", 100.0), r.medianTotalByKind());
    assertEquals(8.0, r.medianTotal());
    assertEquals(1.0, r.engine().success1());
    assertEquals(0.0, r.baseline().mrr10());
  }

  @Test
  void run_failureCarriesTheRankAndTopThreeOfTheEngine() {
    List<JudgedQuery> queries = List.of(new JudgedQuery("q", List.of("d"), "name", 1));
    RelevanceReport r = RelevanceReport.run(queries, q -> new Answer(List.of("a", "b", "c", "d"), 4), q -> List.of("d"));
    assertEquals(List.of(new RelevanceReport.Failure("q", "name", List.of("d"), 4, List.of("a", "b", "c"))), r.failures());
    assertEquals(0.25, r.engine().mrr10());
    assertEquals(1.0, r.baseline().success1());
  }
}
