package io.azureglossary.corpus;

import java.util.List;

/**
 * A glossary page could not be imported. {@link #errors()} lists every problem found, not only the
 * first, each as {@code file:line: what is wrong} ({@code file: what is wrong} when no single line is
 * at fault, as for a missing section); the message is those lines joined by newlines.
 */
public final class PageFormatException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<String> errors;

  PageFormatException(List<String> errors) {
    super(String.join("\n", errors));
    this.errors = List.copyOf(errors);
  }

  /** {@return every problem found in the page, in page order, missing parts last} */
  public List<String> errors() {
    return errors;
  }
}
