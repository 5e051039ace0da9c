package io.azureglossary.search;

/**
 * A passage of a result that matched, labelled with its section ({@code definition},
 * {@code security}, {@code cli}, ...). Matches in {@code text} are wrapped in {@code <mark>}
 * and {@code </mark>}; everything else is HTML-escaped.
 */
public record Highlight(String section, String text) {}
