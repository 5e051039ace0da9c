package io.azureglossary.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One line of a judged query file: {@code query<TAB>expected ids[<TAB>kind]}. Ids are
 * comma-separated when several terms are right answers; {@code kind} groups the report.
 *
 * @param query the query as a user would type it
 * @param expected the ids of the right answers
 * @param kind the group the query is reported in, {@link #NO_KIND} when the line names none
 * @param line the 1-based line of the file it was read from
 */
public record JudgedQuery(String query, List<String> expected, String kind, int line) {
  /** Kind used when a line has none. */
  public static final String NO_KIND = "all";

  /** Copies the expected ids. */
  public JudgedQuery {
    expected = List.copyOf(expected);
  }

  /**
   * Parses a judged query file; {@code #} starts a comment, blank lines are skipped.
   *
   * @param file a UTF-8 file such as {@code corpus/eval/queries.tsv}
   * @return the queries, in file order
   * @throws java.io.UncheckedIOException if the file cannot be read
   * @throws IllegalArgumentException naming the file and line of a malformed line
   */
  public static List<JudgedQuery> read(Path file) {
    try {
      return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * Parses judged queries from text.
   *
   * @param name the file name to give in messages
   * @param text the file's content
   * @return the queries, in text order
   * @throws IllegalArgumentException naming the file and line of a malformed line
   */
  public static List<JudgedQuery> parse(String name, String text) {
    List<JudgedQuery> out = new ArrayList<>();
    String[] lines = text.split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      if (l.isBlank() || l.stripLeading().startsWith("#")) {
        continue;
      }
      String[] cols = l.split("\t");
      if (cols.length < 2 || cols[0].isBlank() || cols[1].isBlank()) {
        throw new IllegalArgumentException(name + ":" + (i + 1) + ": expected query<TAB>expected ids[<TAB>kind]");
      }
      List<String> ids = Arrays.stream(cols[1].split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
      String kind = cols.length > 2 && !cols[2].isBlank() ? cols[2].strip() : NO_KIND;
      out.add(new JudgedQuery(cols[0].strip(), ids, kind, i + 1));
    }
    return out;
  }
}
