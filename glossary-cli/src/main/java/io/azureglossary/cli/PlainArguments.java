package io.azureglossary.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code search}, {@code suggest} and {@code show} with plain arguments, parsed without picocli: picocli is built
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

  /** Words, flags and option values of plain arguments. */
  private record Parsed(List<String> words, Set<String> flags, Map<String, String> values) {}

  /**
   * Splits the arguments of {@code command} into words, the given flags and the given options with
   * a value; null when they are not plain (see the class comment).
   */
  private static Parsed parse(String[] args, String command, Set<String> flags, Set<String> valued) {
    if (args.length < 2 || !args[0].equals(command)) {
      return null;
    }
    List<String> words = new ArrayList<>();
    Set<String> flagsSet = new HashSet<>();
    Map<String, String> values = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (a.startsWith("@")) {
        return null; // picocli reads an @file
      } else if (!a.startsWith("-")) {
        words.add(a);
      } else if (flags.contains(a)) {
        if (!flagsSet.add(a)) {
          return null;
        }
      } else if (valued.contains(a) && !values.containsKey(a) && i + 1 < args.length
          && !args[i + 1].startsWith("-") && !args[i + 1].startsWith("@")) {
        values.put(a, args[++i]);
      } else {
        return null;
      }
    }
    return words.isEmpty() ? null : new Parsed(words, flagsSet, values);
  }

  /** The search these arguments ask for, or null when picocli must parse them. */
  static SearchCommand search(String[] args) {
    Parsed p = parse(args, "search", Set.of("--json", "--explain", "--whole-words"),
        Set.of("--limit", "--service", "--category", "--difficulty", "--section", "--corpus", "--index"));
    Shared shared = Shared.of(p);
    if (shared == null) {
      return null;
    }
    SearchCommand c = new SearchCommand();
    c.limit = shared.limit();
    c.corpus = shared.corpus();
    c.index = shared.index();
    c.query = p.words();
    c.json = p.flags().contains("--json");
    c.explain = p.flags().contains("--explain");
    c.wholeWords = p.flags().contains("--whole-words");
    c.service = p.values().get("--service");
    c.category = p.values().get("--category");
    c.difficulty = p.values().get("--difficulty");
    c.section = p.values().get("--section");
    return c;
  }

  /** The suggestion lookup these arguments ask for, or null when picocli must parse them. */
  static SuggestCommand suggest(String[] args) {
    Parsed p = parse(args, "suggest", Set.of("--json"), Set.of("--limit", "--corpus", "--index"));
    Shared shared = Shared.of(p);
    if (shared == null || SuggestCommand.isBlank(p.words())) {
      return null; // a blank prefix is a usage error, reported by picocli
    }
    SuggestCommand c = new SuggestCommand();
    c.limit = shared.limit();
    c.corpus = shared.corpus();
    c.index = shared.index();
    c.prefix = p.words();
    c.json = p.flags().contains("--json");
    return c;
  }

  /** The entry lookup these arguments ask for, or null when picocli must parse them. */
  static ShowCommand show(String[] args) {
    Parsed p = parse(args, "show", Set.of("--json"), Set.of("--corpus", "--index"));
    Shared shared = Shared.of(p);
    if (shared == null || p.words().size() != 1) {
      return null; // two ids are a usage error, reported by picocli
    }
    ShowCommand c = new ShowCommand();
    c.corpus = shared.corpus();
    c.index = shared.index();
    c.id = p.words().get(0);
    c.json = p.flags().contains("--json");
    return c;
  }

  /** The options the commands share, converted as picocli converts them ({@code show} has no limit). */
  private record Shared(int limit, Path corpus, Path index) {
    /** Null when there are no plain arguments or a value does not convert ({@code --limit x}). */
    static Shared of(Parsed p) {
      if (p == null) {
        return null;
      }
      try {
        String limit = p.values().get("--limit");
        return new Shared(limit == null ? 10 : Integer.parseInt(limit), path(p, "--corpus"), path(p, "--index"));
      } catch (NumberFormatException | InvalidPathException e) {
        return null;
      }
    }
  }

  private static Path path(Parsed p, String option) {
    String v = p.values().get(option);
    return v == null ? null : Path.of(v);
  }

  /**
   * Runs {@code search}, {@code suggest} or {@code show} when the arguments are plain, reporting a
   * failure as picocli's execution handler in {@link GlossaryCli} does.
   *
   * @return the exit code, or null when picocli must parse the arguments
   */
  static Integer run(PrintWriter out, PrintWriter err, String[] args) {
    SearchCommand search = search(args);
    SuggestCommand suggest = search == null ? suggest(args) : null;
    ShowCommand show = search == null && suggest == null ? show(args) : null;
    if (search == null && suggest == null && show == null) {
      return null;
    }
    try {
      return search != null ? search.run(out) : suggest != null ? suggest.run(out) : show.run(out, err);
    } catch (Exception e) {
      err.println(GlossaryCli.errorLine(e));
      return GlossaryCli.USAGE;
    } finally {
      out.flush();
      err.flush();
    }
  }
}
