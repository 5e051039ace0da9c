package io.azureglossary.model;

import java.util.List;

/**
 * The Azure CLI side of a term: why one would use the CLI for it, and the mapped commands.
 *
 * @param useCases why one would use the CLI for the term; may be empty
 * @param commands the mapped {@code az} command lines; may be empty
 */
public record Cli(List<String> useCases, List<CliCommand> commands) {
  /** A term without CLI mappings. */
  public static final Cli NONE = new Cli(List.of(), List.of());

  /** Copies the lists. */
  public Cli {
    useCases = List.copyOf(useCases);
    commands = List.copyOf(commands);
  }
}
