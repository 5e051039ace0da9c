package io.azureglossary.search;

/**
 * A completion of a typed prefix: the label it completes to ({@code text}, the term's name or one of
 * its aliases, as written in the glossary) and the term that label leads to.
 *
 * @param text the name or alias that matched the prefix
 * @param id the term's id
 * @param name the term's name; equal to {@code text} when the name matched
 */
public record Suggestion(String text, String id, String name) {}
