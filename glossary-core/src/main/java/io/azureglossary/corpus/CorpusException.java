package io.azureglossary.corpus;

import java.util.List;

/** A corpus could not be loaded; {@link #problems()} lists every error found, not only the first. */
public final class CorpusException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<CorpusProblem> problems;

  /**
   * A corpus that could not be loaded; the message counts the errors and lists the first 20.
   *
   * @param problems the errors and warnings found, in file order
   */
  public CorpusException(List<CorpusProblem> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
  }

  /** {@return the errors and warnings found, in file order} */
  public List<CorpusProblem> problems() {
    return problems;
  }

  private static String summary(List<CorpusProblem> problems) {
    long errors = problems.stream().filter(CorpusProblem::isError).count();
    StringBuilder sb = new StringBuilder().append(errors).append(errors == 1 ? " error" : " errors").append(" in corpus");
    problems.stream().filter(CorpusProblem::isError).limit(20).forEach(p -> sb.append("\n  ").append(p));
    if (errors > 20) {
      sb.append("\n  ... and ").append(errors - 20).append(" more");
    }
    return sb.toString();
  }
}
