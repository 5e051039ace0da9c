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
    message = shortQuotes(oneLine(message));
    path = path.length() > MAX_PATH ? path.substring(0, MAX_PATH - 3) + "..." : path;
  }

  /** Longest quoted value shown in a problem, in characters; a longer one is cut and ends in "...". */
  private static final int SHOWN = 120;

  /** Longest JSON path shown; one nested 1,000 deep is 3,000 characters of {@code [0]}. */
  private static final int MAX_PATH = 200;

  /** {@code message} with every single-quoted value longer than {@value #SHOWN} characters cut. */
  static String shortQuotes(String message) {
    StringBuilder b = new StringBuilder(Math.min(message.length(), 400));
    int i = 0;
    while (i < message.length()) {
      int open = message.indexOf('\'', i);
      int close = open < 0 ? -1 : message.indexOf('\'', open + 1);
      if (close < 0) {
        b.append(message, i, message.length());
        break;
      }
      b.append(message, i, open + 1);
      b.append(close - open - 1 > SHOWN ? message.substring(open + 1, open + 1 + SHOWN - 3) + "..." : message.substring(open + 1, close));
      b.append('\'');
      i = close + 1;
    }
    return b.toString();
  }

  /**
   * Replaces each line break, with the white space around it, by one space. A loop, not a regular
   * expression: {@code \s*\R\s*} backtracks over a long run of spaces (200,000 took minutes).
   */
  private static String oneLine(String message) {
    StringBuilder out = new StringBuilder(message.length());
    int i = 0;
    while (i < message.length()) {
      int end = i;
      boolean lineBreak = false;
      while (end < message.length() && (message.charAt(end) == ' ' || message.charAt(end) == '\t'
          || isLineBreak(message.charAt(end)))) {
        lineBreak |= isLineBreak(message.charAt(end++));
      }
      if (end == i) {
        out.append(message.charAt(i++));
      } else {
        out.append(lineBreak ? " " : message.substring(i, end));
        i = end;
      }
    }
    return out.toString();
  }

  /** A line terminator, as {@code \R} matches one. */
  private static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r' || c == '\u000B' || c == '\f' || c == '\u0085' || c == '\u2028' || c == '\u2029';
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
