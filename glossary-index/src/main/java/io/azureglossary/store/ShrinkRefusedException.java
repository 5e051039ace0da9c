package io.azureglossary.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A reindex would have deleted more of the indexed terms than one run may (see
 * {@link Reindexer#MAX_SHRINK}): a corpus folder half checked out, emptied or pointed at the wrong
 * place looks exactly like a glossary that lost its terms. Nothing was written; the live index is
 * unchanged. Reindex with {@link Reindexer#allowShrink(boolean)} when the terms are meant to go.
 */
public final class ShrinkRefusedException extends IOException {
  private static final long serialVersionUID = 1L;
  /** How many indexed terms the corpus no longer has. */
  private final int deleting;
  /** How many terms the live index holds. */
  private final int indexed;

  ShrinkRefusedException(Path dir, int deleting, int indexed) {
    super(String.format(Locale.ROOT, "reindex would delete %d of the %d terms in %s (more than %d%% in one run);"
        + " nothing was changed. If they are meant to go, call Reindexer.allowShrink(true)", deleting, indexed, dir,
        Math.round(Reindexer.MAX_SHRINK * 100)));
    this.deleting = deleting;
    this.indexed = indexed;
  }

  /** {@return how many indexed terms the corpus no longer has} */
  public int deleting() {
    return deleting;
  }

  /** {@return how many terms the live index holds} */
  public int indexed() {
    return indexed;
  }
}
