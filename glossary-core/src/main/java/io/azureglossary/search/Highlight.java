package io.azureglossary.search;

/**
 * A passage of a result that matched, labelled with its section ({@code definition},
 * {@code security}, {@code cli}, ...). Matches in {@code text} are wrapped in {@code <mark>}
 * and {@code </mark>}; everything else is HTML-escaped.
 *
 * @param section the key of the section the passage comes from (see {@link io.azureglossary.model.Section#key()})
 * @param text the passage as HTML, matches marked
 */
public record Highlight(String section, String text) {}
