package io.azureglossary.search;

import io.azureglossary.model.Difficulty;
import io.azureglossary.model.Section;
import java.util.Objects;

/**
 * What to search for, and how. Immutable: each {@code with}-style method returns a copy.
 *
 * <pre>{@code
 * SearchRequest.of("SHIR offline").limit(5).category("Analytics").section("security")
 * }</pre>
 *
 * <p>The query accepts light syntax: {@code "quoted phrases"}, {@code -word} to exclude, and
 * {@code section:security}, {@code service:"Data Factory"}, {@code category:Networking},
 * {@code difficulty:advanced} to scope. Anything else is searched literally.
 *
 * @param query the text as the user typed it, light syntax included
 * @param limit how many hits to return, 1 to {@link #MAX_LIMIT}
 * @param service only terms of this service, or null for all
 * @param category only terms of this category, or null for all
 * @param difficulty only terms of this difficulty, or null for all
 * @param section restrict matching to one section key (see {@link Section#key()}), or null
 * @param explain attach a score explanation to each hit
 * @param highlight compute highlighted passages (on by default)
 * @param prefixLast treat the last word as possibly unfinished when the query does not end in a
 *     space or closing quote: it also matches the words it begins, and spelling correction leaves it
 *     alone (on by default, for search boxes; turn off for callers that send whole queries)
 * @param facets count the matches per category and service (on by default; an application that
 *     shows only hits saves the counting pass, and gets {@link Facets#EMPTY})
 */
public record SearchRequest(
    String query,
    int limit,
    String service,
    String category,
    Difficulty difficulty,
    String section,
    boolean explain,
    boolean highlight,
    boolean prefixLast,
    boolean facets) {
  /** Largest {@code limit} accepted. */
  public static final int MAX_LIMIT = 1000;

  /**
   * Checks the request.
   *
   * @throws NullPointerException if {@code query} is null
   * @throws IllegalArgumentException if {@code limit} is out of range or {@code section} is not a section key
   */
  public SearchRequest {
    Objects.requireNonNull(query, "query");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + " (got " + limit + ")");
    }
    if (section != null && Section.fromKey(section) == null) {
      throw new IllegalArgumentException("unknown section '" + section + "' (expected one of "
          + String.join(", ", java.util.Arrays.stream(Section.values()).map(Section::key).toList()) + ")");
    }
  }

  /**
   * A request for the top 10 hits, highlighted, unfiltered, the last word read as a prefix while typed.
   *
   * @param query the text as the user typed it
   * @return the request
   */
  public static SearchRequest of(String query) {
    return new SearchRequest(query, 10, null, null, null, null, false, true, true, true);
  }

  /**
   * How many hits to return.
   *
   * @param n 1 to {@link #MAX_LIMIT}
   * @return a copy with that limit
   * @throws IllegalArgumentException if {@code n} is out of range
   */
  public SearchRequest limit(int n) {
    return new SearchRequest(query, n, service, category, difficulty, section, explain, highlight, prefixLast, facets);
  }

  /**
   * Only terms of this service (its name as in results, case ignored; {@link Glossary#services()}
   * lists them). A service no term has matches nothing.
   *
   * @param s a service name such as "Data Factory", or null for all
   * @return a copy with that filter
   */
  public SearchRequest service(String s) {
    return new SearchRequest(query, limit, s, category, difficulty, section, explain, highlight, prefixLast, facets);
  }

  /**
   * Only terms of this category.
   *
   * @param c one of {@link io.azureglossary.model.Term#CATEGORIES}, or null for all
   * @return a copy with that filter
   */
  public SearchRequest category(String c) {
    return new SearchRequest(query, limit, service, c, difficulty, section, explain, highlight, prefixLast, facets);
  }

  /**
   * Only terms of this difficulty.
   *
   * @param d the difficulty, or null for all
   * @return a copy with that filter
   */
  public SearchRequest difficulty(Difficulty d) {
    return new SearchRequest(query, limit, service, category, d, section, explain, highlight, prefixLast, facets);
  }

  /**
   * Match only inside one section, and highlight from it.
   *
   * @param key a section key such as {@code security} (see {@link Section#key()}), or null for all
   * @return a copy scoped to that section
   * @throws IllegalArgumentException if {@code key} is not a section key
   */
  public SearchRequest section(String key) {
    return new SearchRequest(query, limit, service, category, difficulty, key, explain, highlight, prefixLast, facets);
  }

  /**
   * Whether each hit carries an explanation of its score.
   *
   * @param on true to explain scores (off by default)
   * @return a copy with that setting
   */
  public SearchRequest explain(boolean on) {
    return new SearchRequest(query, limit, service, category, difficulty, section, on, highlight, prefixLast, facets);
  }

  /**
   * Whether each hit carries highlighted passages.
   *
   * @param on false to skip highlighting (on by default)
   * @return a copy with that setting
   */
  public SearchRequest highlight(boolean on) {
    return new SearchRequest(query, limit, service, category, difficulty, section, explain, on, prefixLast, facets);
  }

  /**
   * Whether to count the matches per category and service (see {@link #facets()}).
   *
   * @param on false to skip the counting (on by default)
   * @return a copy with that setting
   */
  public SearchRequest facets(boolean on) {
    return new SearchRequest(query, limit, service, category, difficulty, section, explain, highlight, prefixLast, on);
  }

  /**
   * Whether an unfinished last word also matches as a prefix (see {@link #prefixLast()}).
   *
   * @param on false for callers that send whole queries (on by default)
   * @return a copy with that setting
   */
  public SearchRequest prefixLast(boolean on) {
    return new SearchRequest(query, limit, service, category, difficulty, section, explain, highlight, on, facets);
  }
}
