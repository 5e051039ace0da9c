package io.azureglossary.search;

import java.util.Map;

/** How many matching terms fall in each category and each service, over the whole match set. */
public record Facets(Map<String, Integer> category, Map<String, Integer> service) {
  /** No matches. */
  public static final Facets EMPTY = new Facets(Map.of(), Map.of());

  public Facets {
    category = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(category));
    service = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(service));
  }
}
