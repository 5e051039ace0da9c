package io.azureglossary.search;

import java.util.List;

/**
 * The answer to a {@link SearchRequest}: ranked hits, the number of matching terms, facet counts,
 * and {@code didYouMean} (the corrected query when typo correction was applied, else null).
 *
 * <p>{@code total} and {@code facets} count the same terms, the matches, decided by a documented
 * rule (see the README, "Which terms match"): an {@code az} command path, every word in a name or
 * alias, or enough of the words in the text; the hits are the best of them.
 *
 * @param query the query as requested
 * @param total the number of matching terms
 * @param tookMicros how long the search took, in microseconds
 * @param results the best matches, best first, at most the request's limit
 * @param facets the matches counted per category and service; {@link Facets#EMPTY} when the request turned counting off
 * @param didYouMean the corrected query the results are for, or null when it was searched as typed
 * @param matching what the matches hold, such as "every word in a name or alias", "3 of 4 words",
 *     or "words within typing distance" when only the typo fallback found terms; null when none match
 * @param relaxed true when the stricter steps of the rule found nothing and a looser one was used
 *     (fewer of the words, or words within typing distance)
 * @param truncated true when the query was longer than a search takes, and only its leading part
 *     was searched: more than 32 words and exclusions, or more than 128 tokens after analysis
 *     (words, the parts of hyphenated and CJK words, and their synonyms)
 */
public record SearchResponse(
    String query,
    int total,
    long tookMicros,
    List<Hit> results,
    Facets facets,
    String didYouMean,
    String matching,
    boolean relaxed,
    boolean truncated) {
  /** Copies the results. */
  public SearchResponse {
    results = List.copyOf(results);
  }
}
