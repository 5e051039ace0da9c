package io.azureglossary.search;

import java.util.Map;

/**
 * How many matching terms fall in each category and each service, over the whole match set.
 *
 * @param category the number of matches per category name, most first (ties by name)
 * @param service the number of matches per service name, most first (ties by name)
 */
public record Facets(Map<String, Integer> category, Map<String, Integer> service) {
  /** No matches. */
  public static final Facets EMPTY = new Facets(Map.of(), Map.of());

  /** Copies the maps, keeping their order. */
  public Facets {
    category = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(category));
    service = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(service));
  }
}
