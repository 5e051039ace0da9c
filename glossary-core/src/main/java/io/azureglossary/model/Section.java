package io.azureglossary.model;

import java.util.function.Function;

/**
 * A searchable, highlightable part of a term. Each section is indexed as its own field so that a
 * result can say where it matched; {@link #key()} is the label used in highlights, filters and JSON.
 */
public enum Section {
  DEFINITION("definition", Term::definition),
  TECHNICAL_CONTEXT("technicalContext", Term::technicalContext),
  WHY_IT_MATTERS("whyItMatters", Term::whyItMatters),
  WHERE_YOU_SEE_IT("whereYouSeeIt", t -> String.join("\n", t.whereYouSeeIt())),
  WHEN_RELEVANT("whenRelevant", t -> String.join("\n", t.whenRelevant())),
  ARCHITECTURE("architecture", Term::architecture),
  SECURITY("security", Term::security),
  COST("cost", Term::cost),
  RELIABILITY("reliability", Term::reliability),
  PERFORMANCE("performance", Term::performance),
  OPERATIONS("operations", Term::operations),
  COMMON_MISTAKES("commonMistakes", t -> String.join("\n", t.commonMistakes())),
  CASE_STUDIES("caseStudies", t -> String.join("\n\n", t.caseStudies().stream().map(CaseStudy::fullText).toList())),
  CLI("cli", t -> String.join("\n", t.cli().useCases()) + (t.cli().useCases().isEmpty() ? "" : "\n")
      + String.join("\n", t.cli().commands().stream().map(CliCommand::command).toList()));

  private final String key;
  private final Function<Term, String> text;

  Section(String key, Function<Term, String> text) {
    this.key = key;
    this.text = text;
  }

  /** The corpus field name, also used as the section label in results and the {@code section:} filter. */
  public String key() {
    return key;
  }

  /** This section's text for a term; empty when the term has none. */
  public String textOf(Term term) {
    String s = text.apply(term);
    return s == null ? "" : s;
  }

  /** The section with this key, or null. */
  public static Section fromKey(String key) {
    for (Section s : values()) {
      if (s.key.equalsIgnoreCase(key)) {
        return s;
      }
    }
    return null;
  }
}
