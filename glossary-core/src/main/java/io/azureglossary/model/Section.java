package io.azureglossary.model;

import java.util.function.Function;

/**
 * A searchable, highlightable part of a term. Each section is indexed as its own field so that a
 * result can say where it matched; {@link #key()} is the label used in highlights, filters and JSON.
 */
public enum Section {
  /** What the term is. */
  DEFINITION("definition", Term::definition),
  /** How it works: limits, moving parts, related resources. */
  TECHNICAL_CONTEXT("technicalContext", Term::technicalContext),
  /** What it changes for the people who run or pay for a system. */
  WHY_IT_MATTERS("whyItMatters", Term::whyItMatters),
  /** Where the term shows up, one line per place. */
  WHERE_YOU_SEE_IT("whereYouSeeIt", t -> String.join("\n", t.whereYouSeeIt())),
  /** The situations in which a reader needs the term, one per line. */
  WHEN_RELEVANT("whenRelevant", t -> String.join("\n", t.whenRelevant())),
  /** How it fits into a design; empty for most terms. */
  ARCHITECTURE("architecture", Term::architecture),
  /** Security considerations. */
  SECURITY("security", Term::security),
  /** What drives the cost. */
  COST("cost", Term::cost),
  /** How it fails and how to keep it available. */
  RELIABILITY("reliability", Term::reliability),
  /** What limits speed and throughput. */
  PERFORMANCE("performance", Term::performance),
  /** Running it day to day. */
  OPERATIONS("operations", Term::operations),
  /** Mistakes people make, one per line. */
  COMMON_MISTAKES("commonMistakes", t -> String.join("\n", t.commonMistakes())),
  /** The case studies' prose, each in reading order. */
  CASE_STUDIES("caseStudies", t -> String.join("\n\n", t.caseStudies().stream().map(CaseStudy::fullText).toList())),
  /** The CLI use cases, then the mapped command lines. */
  CLI("cli", t -> String.join("\n", t.cli().useCases()) + (t.cli().useCases().isEmpty() ? "" : "\n")
      + String.join("\n", t.cli().commands().stream().map(CliCommand::command).toList()));

  private final String key;
  private final Function<Term, String> text;

  Section(String key, Function<Term, String> text) {
    this.key = key;
    this.text = text;
  }

  /** {@return the corpus field name, also used as the section label in results and the {@code section:} filter} */
  public String key() {
    return key;
  }

  /**
   * This section's text for a term.
   *
   * @param term the term to read
   * @return the text, empty when the term has none
   */
  public String textOf(Term term) {
    String s = text.apply(term);
    return s == null ? "" : s;
  }

  /**
   * The section with this key, compared ignoring case.
   *
   * @param key a corpus field name, such as {@code technicalContext}
   * @return the section, or null if no section has that key
   */
  public static Section fromKey(String key) {
    for (Section s : values()) {
      if (s.key.equalsIgnoreCase(key)) {
        return s;
      }
    }
    return null;
  }
}
