package io.azureglossary.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.azureglossary.eval.SuggestionReport.Failure;
import io.azureglossary.eval.SuggestionReport.Scores;
import io.azureglossary.eval.SuggestionReport.Summary;
import io.azureglossary.search.Suggestion;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuggestionReportTest {
  /** Suggestions whose text is the term id with a suffix, so that texts and ids are told apart. */
  private static List<Suggestion> suggest(String... ids) {
    return java.util.Arrays.stream(ids).map(id -> new Suggestion(id + "-text", id, id + "-name")).toList();
  }

  private static JudgedQuery prefix(String prefix, String expected, String kind) {
    return new JudgedQuery(prefix, List.of(expected), kind, 1);
  }

  @Test
  void termSuggestedTwice_countsOnceForRank_andIsARepeat() {
    // raw: a, a, b -> terms: a, b; b ranks 2, not 3
    SuggestionReport r = SuggestionReport.run(List.of(prefix("p", "b", "alias")),
        p -> suggest("a", "a", "b"), p -> List.of());
    assertEquals(new Summary(1, new Scores(0, 1, 0.5), new Scores(0, 0, 0), 1), r.all());
    assertEquals(List.of(new Failure("p", "alias", List.of("b"), 2, List.of("a-text", "a-text", "b-text"))),
        r.failures());
  }

  @Test
  void repeats_countPrefixesNotDuplicates() {
    List<JudgedQuery> prefixes = List.of(prefix("p1", "a", "name"), prefix("p2", "a", "name"),
        prefix("p3", "a", "alias"));
    Map<String, List<Suggestion>> engine = Map.of(
        "p1", suggest("a", "a", "a", "b", "b"), // one prefix, however many duplicates
        "p2", suggest("a", "b"),
        "p3", suggest("a", "c", "a"));
    SuggestionReport r = SuggestionReport.run(prefixes, engine::get, p -> List.of("a"));
    assertEquals(2, r.all().repeats());
    assertEquals(1, r.byKind().get("name").repeats());
    assertEquals(1, r.byKind().get("alias").repeats());
    assertEquals(new Scores(1, 1, 1), r.all().engine());
    assertEquals(List.of(), r.failures());
  }

  @Test
  void mrr5_countsOnlyRanksOneToFive() {
    List<JudgedQuery> prefixes = List.of(prefix("five", "e", "name"), prefix("six", "f", "name"));
    List<Suggestion> six = suggest("a", "b", "c", "d", "e", "f");
    SuggestionReport r = SuggestionReport.run(prefixes, p -> six, p -> List.of());
    // rank 5 counts 1/5; rank 6 counts nothing, for MRR@5 and success@5 alike
    Scores e = r.all().engine();
    assertEquals(0.1, e.mrr5(), 1e-12);
    assertEquals(0.5, e.success5());
    assertEquals(0.0, e.success1());
    assertEquals(List.of(5, 6), r.failures().stream().map(Failure::rank).toList());
  }

  @Test
  void expectedTermNotSuggested_failsWithNoRank() {
    SuggestionReport r = SuggestionReport.run(List.of(prefix("zz", "z", "typo")), p -> List.of(), p -> List.of("z"));
    assertEquals(List.of(new Failure("zz", "typo", List.of("z"), null, List.of())), r.failures());
    assertEquals(new Summary(1, new Scores(0, 0, 0), new Scores(1, 1, 1), 0), r.byKind().get("typo"));
  }

  @Test
  void kinds_areReportedInAlphabeticalOrder() {
    List<JudgedQuery> prefixes = List.of(prefix("p", "a", "typo"), prefix("q", "a", "alias"), prefix("r", "a", "name"));
    SuggestionReport r = SuggestionReport.run(prefixes, p -> suggest("a"), p -> List.of());
    assertEquals(List.of("alias", "name", "typo"), List.copyOf(r.byKind().keySet()));
    assertEquals(3, r.all().prefixes());
  }
}
