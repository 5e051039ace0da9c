package io.azureglossary.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Another reindex (in this or another process) holds the index folder's lock. Two writers are
 * refused rather than interleaved; retry when the other one has finished.
 */
public final class IndexBusyException extends IOException {
  private static final long serialVersionUID = 1L;
  private final transient Path dir;

  IndexBusyException(Path dir, Throwable cause) {
    super("another reindex is running on " + dir + " (its " + Reindexer.LOCK_NAME + " is held); try again when it has finished", cause);
    this.dir = dir;
  }

  /** {@return the index folder} */
  public Path dir() {
    return dir;
  }
}
