package io.azureglossary.model;

import java.util.Locale;
import java.util.Objects;

/**
 * One mapped Azure CLI command line, such as {@code az vm list --resource-group <rg>}.
 *
 * @param command the command line as written in the corpus, starting with {@code az}
 * @param kind what running it does
 */
public record CliCommand(String command, Kind kind) {
  /** What running the command does. */
  public enum Kind {
    /** Lists or shows resources and changes nothing ({@code list}, {@code show}). */
    DISCOVER,
    /** Creates a resource. */
    CREATE,
    /** Changes a resource's settings. */
    CONFIGURE,
    /** Runs an action on a resource: a build, a restart, a key regeneration, a test notification. */
    OPERATE,
    /** Deletes a resource. */
    DELETE;

    /** {@return the lowercase form used in the corpus} */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses the corpus form.
     *
     * @param label a kind as the corpus spells it, such as {@code discover}
     * @return the kind, or null if unknown
     */
    public static Kind fromLabel(String label) {
      for (Kind k : values()) {
        if (k.label().equals(label)) {
          return k;
        }
      }
      return null;
    }
  }

  /** Checks that both components are present. */
  public CliCommand {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(kind, "kind");
  }

  /**
   * The command path without parameters and placeholders: {@code az vm list --resource-group <rg>}
   * gives {@code az vm list}.
   *
   * @return the leading words of the command, up to its first option, placeholder or quoted value
   */
  public String path() {
    StringBuilder sb = new StringBuilder();
    for (String word : command.trim().split("\\s+")) {
      if (word.startsWith("-") || word.startsWith("<") || word.startsWith("\"") || word.startsWith("'")) {
        break;
      }
      if (!sb.isEmpty()) {
        sb.append(' ');
      }
      sb.append(word);
    }
    return sb.toString();
  }
}
