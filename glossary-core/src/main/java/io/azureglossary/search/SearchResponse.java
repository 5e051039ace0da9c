package io.azureglossary.search;

import java.util.List;

/**
 * The answer to a {@link SearchRequest}: ranked hits, the number of matching terms, facet counts,
 * and {@code didYouMean} (the corrected query when typo correction was applied, else null).
 */
public record SearchResponse(
    String query,
    int total,
    long tookMicros,
    List<Hit> results,
    Facets facets,
    String didYouMean) {
  public SearchResponse {
    results = List.copyOf(results);
  }
}
