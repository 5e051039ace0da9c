package io.azureglossary.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code search} and {@code suggest} with plain arguments, parsed without picocli: picocli is built
 * for Java 5, so the JDK's class archives leave it out, and building its model took a one-shot
 * search about as long as the search itself. Only what parses the same way in both is taken here:
 * words, {@code --json}, {@code --explain}, and {@code --name value} for the command's options, each
 * at most once, with a value that does not start with {@code -}. Anything else (a word starting with
 * {@code -} or {@code @}, {@code --name=value}, {@code --}, help, a repeated option, a number that
 * is not one) goes to picocli, which explains the mistake; {@code PlainArgumentsTest} checks that
 * what is taken sets the same fields picocli would.
 */
final class PlainArguments {
  private PlainArguments() {}

  /** The search these arguments ask for, or null when picocli must parse them. */
  static SearchCommand search(String[] args) {
    if (args.length < 2 || !args[0].equals("search")) {
      return null;
    }
    SearchCommand c = new SearchCommand();
    c.limit = 10;
    List<String> words = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("-")) {
        if (a.startsWith("@")) {
          return null; // picocli reads an @file
        }
        words.add(a);
        continue;
      }
      if (!seen.add(a)) {
        return null;
      }
      switch (a) {
        case "--json" -> c.json = true;
        case "--explain" -> c.explain = true;
        case "--limit", "--service", "--category", "--difficulty", "--section", "--corpus", "--index" -> {
          if (i + 1 >= args.length || args[i + 1].startsWith("-") || args[i + 1].startsWith("@")) {
            return null;
          }
          String v = args[++i];
          try {
            switch (a) {
              case "--limit" -> c.limit = Integer.parseInt(v);
              case "--service" -> c.service = v;
              case "--category" -> c.category = v;
              case "--difficulty" -> c.difficulty = v;
              case "--section" -> c.section = v;
              case "--corpus" -> c.corpus = Path.of(v);
              default -> c.index = Path.of(v);
            }
          } catch (NumberFormatException | InvalidPathException e) {
            return null;
          }
        }
        default -> {
          return null;
        }
      }
    }
    if (words.isEmpty()) {
      return null;
    }
    c.query = words;
    return c;
  }

  /** The suggestion lookup these arguments ask for, or null when picocli must parse them. */
  static SuggestCommand suggest(String[] args) {
    if (args.length < 2 || !args[0].equals("suggest")) {
      return null;
    }
    SuggestCommand c = new SuggestCommand();
    c.limit = 10;
    List<String> words = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("-")) {
        if (a.startsWith("@")) {
          return null;
        }
        words.add(a);
        continue;
      }
      if (!seen.add(a)) {
        return null;
      }
      switch (a) {
        case "--json" -> c.json = true;
        case "--limit", "--corpus", "--index" -> {
          if (i + 1 >= args.length || args[i + 1].startsWith("-") || args[i + 1].startsWith("@")) {
            return null;
          }
          String v = args[++i];
          try {
            switch (a) {
              case "--limit" -> c.limit = Integer.parseInt(v);
              case "--corpus" -> c.corpus = Path.of(v);
              default -> c.index = Path.of(v);
            }
          } catch (NumberFormatException | InvalidPathException e) {
            return null;
          }
        }
        default -> {
          return null;
        }
      }
    }
    if (words.isEmpty()) {
      return null;
    }
    c.prefix = words;
    return c;
  }

  /**
   * Runs {@code search} or {@code suggest} when the arguments are plain, reporting a failure as
   * picocli's execution handler in {@link GlossaryCli} does.
   *
   * @return the exit code, or null when picocli must parse the arguments
   */
  static Integer run(PrintWriter out, PrintWriter err, String[] args) {
    SearchCommand search = search(args);
    SuggestCommand suggest = search == null ? suggest(args) : null;
    if (search == null && suggest == null) {
      return null;
    }
    try {
      return search != null ? search.run(out) : suggest.run(out);
    } catch (Exception e) {
      err.println(GlossaryCli.errorLine(e));
      return GlossaryCli.USAGE;
    } finally {
      out.flush();
      err.flush();
    }
  }
}
