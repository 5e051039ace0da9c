package io.azureglossary.corpus;

import io.azureglossary.model.Term;
import java.util.List;

/**
 * The outcome of checking a corpus: the terms that were read, and every error and warning. A
 * corpus with any error must not be used, which is why {@link Corpus#load} refuses it.
 */
public record Validation(String origin, List<Term> terms, List<CorpusProblem> problems) {
  public Validation {
    terms = List.copyOf(terms);
    problems = List.copyOf(problems);
  }

  public List<CorpusProblem> errors() {
    return problems.stream().filter(CorpusProblem::isError).toList();
  }

  public List<CorpusProblem> warnings() {
    return problems.stream().filter(p -> !p.isError()).toList();
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(CorpusProblem::isError);
  }
}
