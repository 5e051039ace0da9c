package io.azureglossary.corpus;

import io.azureglossary.model.Term;
import java.util.List;

/**
 * The outcome of checking a corpus: the terms that were read, and every error and warning. A
 * corpus with any error must not be used, which is why {@link Corpus#load} refuses it.
 *
 * @param origin where the corpus came from: a folder, or {@code classpath:glossary}
 * @param terms the terms that were read and passed every check
 * @param problems every error and warning, in file order
 */
public record Validation(String origin, List<Term> terms, List<CorpusProblem> problems) {
  /** Copies the lists. */
  public Validation {
    terms = List.copyOf(terms);
    problems = List.copyOf(problems);
  }

  /** {@return the problems that are errors, in file order} */
  public List<CorpusProblem> errors() {
    return problems.stream().filter(CorpusProblem::isError).toList();
  }

  /** {@return the problems that are warnings, in file order} */
  public List<CorpusProblem> warnings() {
    return problems.stream().filter(p -> !p.isError()).toList();
  }

  /** {@return true if any problem is an error: the corpus must not be used} */
  public boolean hasErrors() {
    return problems.stream().anyMatch(CorpusProblem::isError);
  }
}
