package io.azureglossary.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A folder does not hold an index this library can read: not a glossary index, a newer or unknown
 * format version, or a damaged manifest. The message names the folder and says what to do.
 */
public final class IndexFormatException extends IOException {
  private static final long serialVersionUID = 1L;
  private final transient Path dir;

  IndexFormatException(Path dir, String problem) {
    super(dir + " " + problem);
    this.dir = dir;
  }

  IndexFormatException(Path dir, String problem, Throwable cause) {
    super(dir + " " + problem, cause);
    this.dir = dir;
  }

  /** {@return the index folder} */
  public Path dir() {
    return dir;
  }
}
