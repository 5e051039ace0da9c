package io.azureglossary.opensearch;

/**
 * A cluster could not be reached or refused a request. The message is one line that names the
 * cluster and what to check ("cannot reach http://...: connection refused", "... refused the
 * credentials in OPENSEARCH_USERNAME/OPENSEARCH_PASSWORD (401)"); the command line prints it and
 * exits 2.
 */
public final class ClusterException extends RuntimeException {
  /** Serial form version. */
  private static final long serialVersionUID = 1L;

  /** The HTTP status, 0 when the cluster did not answer. */
  private final int status;

  ClusterException(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  ClusterException(String message, int status) {
    this(message, status, null);
  }

  /** {@return the HTTP status the cluster answered with, or 0 when it did not answer} */
  public int status() {
    return status;
  }
}
