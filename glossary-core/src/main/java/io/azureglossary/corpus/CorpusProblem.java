package io.azureglossary.corpus;

import java.util.Objects;

/**
 * One thing wrong with the corpus, located precisely enough to fix without searching: the file,
 * the line and column where the offending value starts, and its JSON path.
 *
 * @param severity whether the problem stops the corpus from loading
 * @param file the file, relative to the corpus folder (for example {@code terms/vm.json})
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param column 1-based column, or 0 when the problem concerns the whole file
 * @param path JSON path such as {@code $.cli.commands[2].kind}
 * @param message what is wrong, in one line (line breaks become spaces)
 */
public record CorpusProblem(Severity severity, String file, int line, int column, String path, String message) {
  /** Errors stop a corpus from loading; warnings are reported and the corpus still loads. */
  public enum Severity {
    /** The corpus does not load. */
    ERROR,
    /** Reported; the corpus still loads. */
    WARNING
  }

  /** Checks that every component but the position is present, and makes the message one line. */
  public CorpusProblem {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    // one problem, one line: a parser message may quote the file, line breaks included
    message = message.replaceAll("\\s*\\R\\s*", " ");
  }

  /** {@return true if this problem is an error} */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code terms/vm.json:12:5: error: $.difficulty: ...}, the form compilers use so editors can jump to it. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + severity.name().toLowerCase(java.util.Locale.ROOT)
        + ": " + path + ": " + message;
  }
}
