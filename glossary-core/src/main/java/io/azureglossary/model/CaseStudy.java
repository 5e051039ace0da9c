package io.azureglossary.model;

import java.util.List;
import java.util.Objects;

/**
 * A worked example of a term in use: scenario, objectives, solution, measured results, takeaway.
 *
 * @param title a one-line name for the example
 * @param scenario the situation the team was in
 * @param objectives what they set out to achieve
 * @param solution what they did
 * @param results what changed, measured where possible
 * @param takeaway the lesson for the reader
 */
public record CaseStudy(
    String title,
    String scenario,
    List<String> objectives,
    String solution,
    List<String> results,
    String takeaway) {
  /** Checks that the required components are present and copies the lists. */
  public CaseStudy {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(scenario, "scenario");
    objectives = List.copyOf(objectives);
    Objects.requireNonNull(solution, "solution");
    results = List.copyOf(results);
    Objects.requireNonNull(takeaway, "takeaway");
  }

  /** {@return all the case study's prose as one text, in reading order} */
  public String fullText() {
    return String.join("\n", title, scenario, String.join("\n", objectives), solution,
        String.join("\n", results), takeaway);
  }
}
