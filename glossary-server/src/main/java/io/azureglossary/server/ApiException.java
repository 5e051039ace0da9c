package io.azureglossary.server;

/**
 * A request the server answers with an error: its HTTP status and a one-line message that says
 * what was wrong and, for a bad parameter, which values are valid. Sent as
 * {@code {"error": MESSAGE, "status": STATUS}}.
 */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  ApiException(int status, String message) {
    super(message, null, false, false); // no stack trace: it is an answer, not a failure
    this.status = status;
  }

  int status() {
    return status;
  }

  static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }

  static ApiException notFound(String message) {
    return new ApiException(404, message);
  }
}
