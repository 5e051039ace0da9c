package io.azureglossary.bench;

/**
 * The query kinds the search benchmarks measure, each a slice of the judged queries in
 * {@code corpus/eval/queries.tsv}. Kinds map to distinct engine paths: exact-name and alias
 * matching, synonym expansion, the CLI path query, the spelling-correction and fuzzy fallback,
 * long prose queries, and a filter clause.
 */
public enum QueryKind {
  /** Judged kind {@code name}: a term's name as typed. */
  NAME,
  /** Judged kind {@code alias} with one word, such as "SHIR" or "VNet": acronym synonyms. */
  ACRONYM,
  /** Judged kind {@code alias} with several words, such as "Azure AD Connect": multi-word synonyms. */
  ALIAS,
  /** Judged kind {@code cli}: an {@code az} command as pasted. */
  CLI,
  /** Judged kind {@code typo}: misspellings, which take the "did you mean" and fuzzy fallback. */
  TYPO,
  /** Judged kind {@code question}: free-text how/what/why questions. */
  QUESTION,
  /** Judged kind {@code partial}: queries as typed into a search box, the last word unfinished. */
  PARTIAL,
  /** Judged {@code name} queries with a category filter set to the expected term's category. */
  CATEGORY,
  /** Every query above, interleaved: the overall figure the smoke gate watches. */
  MIX;

  /** The lower-case label used in JMH parameters and reports. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
