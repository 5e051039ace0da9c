package io.azureglossary.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What a reindex did. The four counts compare the corpus with the generation that was live when
 * the run started (all terms count as added when there was none): {@code added + updated +
 * unchanged} is the corpus size. A full rebuild rewrites every term whatever the counts say.
 *
 * @param fullRebuildReason why every term was rewritten ({@code --full}, a new index, a changed
 *     index schema, an unreadable old index), or null for an incremental run
 * @param published whether a new generation was committed; false when nothing had changed
 * @param manifest the manifest of the generation live after the run
 * @param indexBytes the size on disk of that generation
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
  public ReindexResult {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(took, "took");
  }

  /** Whether every term was rewritten. */
  public boolean fullRebuild() {
    return fullRebuildReason != null;
  }

  /** Documents written: every term in a full rebuild, else the added and updated ones. */
  public int written() {
    return fullRebuild() ? added + updated + unchanged : added + updated;
  }
}
