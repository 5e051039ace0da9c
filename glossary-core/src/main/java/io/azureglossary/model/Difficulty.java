package io.azureglossary.model;

import java.util.Locale;

/** How much Azure background a reader needs for a term. */
public enum Difficulty {
  /** For readers new to Azure. */
  BEGINNER,
  /** For readers who already use Azure. */
  INTERMEDIATE,
  /** For readers who know the service well. */
  ADVANCED;

  /** {@return the lowercase form used in the corpus and in JSON output} */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses the corpus form ({@code beginner}, {@code intermediate}, {@code advanced}).
   *
   * @param label a difficulty as the corpus spells it
   * @return the difficulty, or null if unknown
   */
  public static Difficulty fromLabel(String label) {
    for (Difficulty d : values()) {
      if (d.label().equals(label)) {
        return d;
      }
    }
    return null;
  }
}
