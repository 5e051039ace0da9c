package io.azureglossary.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What a reindex did. The four counts compare the corpus with the generation that was live when
 * the run started (all terms count as added when there was none): {@code added + updated +
 * unchanged} is the corpus size. A full rebuild rewrites every term whatever the counts say.
 *
 * @param dir the index folder
 * @param fullRebuildReason why every term was rewritten ({@code "Reindexer.full(true)"}, a new
 *     index, a changed index schema, an unreadable old index), or null for an incremental run
 * @param added terms in the corpus but not in the live generation
 * @param updated terms whose content changed
 * @param deleted terms in the live generation but no longer in the corpus
 * @param unchanged terms whose content did not change
 * @param published whether a new generation was committed; false when nothing had changed
 * @param manifest the manifest of the generation live after the run
 * @param indexBytes the size on disk of that generation
 * @param took how long the run took
 */
public record ReindexResult(
    Path dir,
    String fullRebuildReason,
    int added,
    int updated,
    int deleted,
    int unchanged,
    boolean published,
    IndexManifest manifest,
    long indexBytes,
    Duration took) {
  /** Checks that the folder, manifest and duration are present. */
  public ReindexResult {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(took, "took");
  }

  /** {@return whether every term was rewritten} */
  public boolean fullRebuild() {
    return fullRebuildReason != null;
  }

  /** {@return the number of documents written: every term in a full rebuild, else the added and updated ones} */
  public int written() {
    return fullRebuild() ? added + updated + unchanged : added + updated;
  }
}
