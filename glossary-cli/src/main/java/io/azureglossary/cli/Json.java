package io.azureglossary.cli;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON mapper of the {@code --json} outputs. A class of its own so that Jackson is loaded
 * only by a command that writes JSON: picocli instantiates every subcommand at start, and a
 * mapper in a command's static field cost every run, {@code --version} included, about a fifth
 * of its CPU time.
 */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}
}
