package io.azureglossary.search;

import java.util.List;

/**
 * One ranked result: a term, its score and up to three highlighted passages, best first.
 * {@code explanation} is null unless the request asked to explain scores.
 */
public record Hit(
    String id,
    String name,
    String service,
    String category,
    String difficulty,
    float score,
    List<Highlight> highlights,
    String explanation) {
  public Hit {
    highlights = List.copyOf(highlights);
  }
}
