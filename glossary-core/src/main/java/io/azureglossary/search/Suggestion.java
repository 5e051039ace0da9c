package io.azureglossary.search;

/** A completion for a typed prefix: the name or alias completed ({@code text}) and its term. */
public record Suggestion(String text, String id, String name) {}
