package io.azureglossary.search;

/** A query that cannot be searched, such as an empty or over-long one. The message is one line for the user. */
public final class InvalidQueryException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * A refused query.
   *
   * @param message what is wrong with the query, in one line for the user
   */
  public InvalidQueryException(String message) {
    super(message);
  }
}
