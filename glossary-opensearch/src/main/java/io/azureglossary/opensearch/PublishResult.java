package io.azureglossary.opensearch;

import java.util.List;

/**
 * What a publish did.
 *
 * @param index the new index, which the alias now names
 * @param alias the alias searches go through
 * @param documents the documents loaded and counted in the new index
 * @param replaced the indexes the alias named before, now deleted
 * @param staleDeleted indexes of the prefix that no alias named (left by a failed or interrupted run), deleted first
 * @param millis how long the publish took, from the first request to the last
 */
public record PublishResult(String index, String alias, int documents, List<String> replaced,
    List<String> staleDeleted, long millis) {
  /** Copies the lists. */
  public PublishResult {
    replaced = List.copyOf(replaced);
    staleDeleted = List.copyOf(staleDeleted);
  }
}
