package io.azureglossary.model;

import java.util.Locale;
import java.util.Objects;

/** One mapped Azure CLI command line, such as {@code az vm list --resource-group <rg>}. */
public record CliCommand(String command, Kind kind) {
  /** What running the command does. */
  public enum Kind {
    DISCOVER,
    CREATE,
    CONFIGURE,
    OPERATE,
    DELETE;

    /** The lowercase form used in the corpus. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the corpus form; null if unknown. */
    public static Kind fromLabel(String label) {
      for (Kind k : values()) {
        if (k.label().equals(label)) {
          return k;
        }
      }
      return null;
    }
  }

  public CliCommand {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(kind, "kind");
  }

  /**
   * The command path without parameters and placeholders: {@code az vm list --resource-group <rg>}
   * gives {@code az vm list}.
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
