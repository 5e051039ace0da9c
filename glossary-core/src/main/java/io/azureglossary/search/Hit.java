package io.azureglossary.search;

import java.util.List;

/**
 * One ranked result: a term, its score and up to three highlighted passages, best first.
 * {@code explanation} is null unless the request asked to explain scores.
 *
 * @param id the term's id
 * @param name the term's name
 * @param service the term's service
 * @param category the term's category
 * @param difficulty the term's difficulty label ({@code beginner}, {@code intermediate}, {@code advanced})
 * @param score the relevance score the hits are ranked by; comparable only within one response
 * @param highlights the passages that matched, best first; empty when the request turned highlighting off
 * @param explanation how the score was made up, in lines of text, or null
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
  /** Copies the highlights. */
  public Hit {
    highlights = List.copyOf(highlights);
  }
}
