package io.azureglossary.model;

import java.util.List;
import java.util.Objects;

/** A worked example of a term in use: scenario, objectives, solution, measured results, takeaway. */
public record CaseStudy(
    String title,
    String scenario,
    List<String> objectives,
    String solution,
    List<String> results,
    String takeaway) {
  public CaseStudy {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(scenario, "scenario");
    objectives = List.copyOf(objectives);
    Objects.requireNonNull(solution, "solution");
    results = List.copyOf(results);
    Objects.requireNonNull(takeaway, "takeaway");
  }

  /** All the case study's prose as one text, in reading order. */
  public String fullText() {
    return String.join("\n", title, scenario, String.join("\n", objectives), solution,
        String.join("\n", results), takeaway);
  }
}
