package io.azureglossary.corpus;

import io.azureglossary.corpus.CorpusProblem.Severity;
import io.azureglossary.corpus.LocatedJson.Arr;
import io.azureglossary.corpus.LocatedJson.Node;
import io.azureglossary.corpus.LocatedJson.Obj;
import io.azureglossary.corpus.LocatedJson.Str;
import io.azureglossary.model.CaseStudy;
import io.azureglossary.model.Cli;
import io.azureglossary.model.CliCommand;
import io.azureglossary.model.Difficulty;
import io.azureglossary.model.Source;
import io.azureglossary.model.Term;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns one term file into a {@link Term}, or into problems. Every rule of {@code term.schema.json}
 * is checked here, and all of a file's problems are collected before giving up on it.
 */
final class TermReader {
  /** Fixed-length patterns, which cannot backtrack or recurse however long the value. */
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern COMMAND = Pattern.compile("az [a-z0-9]");

  /** The longest id: it is also the file name, and real ids have at most 31 characters. */
  static final int MAX_ID_LENGTH = 100;
  /**
   * Lucene's limit on one indexed term ({@code IndexWriter.MAX_TERM_LENGTH}), in UTF-8 bytes: the
   * service is indexed whole, as written, for filters and facets.
   */
  static final int MAX_KEYWORD_BYTES = 32766;
  /**
   * The longest name or alias, in UTF-8 bytes. Each is indexed whole too, but lowercased for exact
   * matching (U+0130 grows from 2 bytes to 3) and analyzed into one synonym phrase (a letter next to
   * U+00A9 makes two tokens and a separator: 3 bytes become 5); half the term limit leaves room for both.
   */
  static final int MAX_NAME_BYTES = MAX_KEYWORD_BYTES / 2;

  static final Set<String> TERM_FIELDS = Set.of("id", "name", "aliases", "service", "category",
      "tags", "difficulty", "lastVerified", "source", "definition", "technicalContext", "whyItMatters",
      "whereYouSeeIt", "whenRelevant", "caseStudies", "cli", "architecture", "security", "cost",
      "reliability", "performance", "operations", "commonMistakes");
  private static final Set<String> TERM_REQUIRED = Set.of("id", "name", "aliases", "service", "category",
      "difficulty", "lastVerified", "definition", "technicalContext", "whyItMatters", "whereYouSeeIt",
      "whenRelevant", "security", "cost", "reliability", "performance", "operations", "commonMistakes");
  static final Set<String> SOURCE_FIELDS = Set.of("title", "url", "date");
  static final Set<String> CASE_FIELDS = Set.of("title", "scenario", "objectives", "solution", "results", "takeaway");
  static final Set<String> CLI_FIELDS = Set.of("useCases", "commands");
  static final Set<String> COMMAND_FIELDS = Set.of("command", "kind");

  private final String file;
  private final List<CorpusProblem> problems = new ArrayList<>();

  private TermReader(String file) {
    this.file = file;
  }

  /**
   * The outcome of reading one file: a term when there was no error, every problem seen, and where
   * the id, name and aliases are in the file ({@code $.id}, {@code $.name}, {@code $.aliases[2]}), so
   * that problems found across files can be located too.
   */
  record Result(Term term, String declaredId, List<CorpusProblem> problems, Map<String, Position> positions) {
    /** Where the value at a JSON path starts, or 0:0 if the file has no such value. */
    Position position(String path) {
      return positions.getOrDefault(path, Position.NONE);
    }
  }

  /** A 1-based line and column; 0:0 stands for the whole file. */
  record Position(int line, int column) {
    static final Position NONE = new Position(0, 0);

    static Position of(Node n) {
      return new Position(n.line(), n.column());
    }
  }

  /**
   * Reads one file's bytes.
   *
   * @param file the file name reported in problems, relative to the corpus folder
   * @param expectedId the id the file name implies ({@code vm.json} gives {@code vm})
   */
  static Result read(String file, String expectedId, byte[] json) {
    TermReader r = new TermReader(file);
    Node root;
    try {
      root = LocatedJson.parse(json);
    } catch (LocatedJson.SyntaxError e) {
      r.problems.add(new CorpusProblem(Severity.ERROR, file, e.line, e.column, e.path, e.getMessage()));
      return new Result(null, null, r.problems, Map.of());
    }
    Term term = r.term(root, expectedId);
    boolean failed = r.problems.stream().anyMatch(CorpusProblem::isError);
    String declared = root instanceof Obj o && o.fields().get("id") instanceof Str s ? s.value() : null;
    return new Result(failed ? null : term, declared, r.problems, positions(root));
  }

  private static Map<String, Position> positions(Node root) {
    Map<String, Position> out = new HashMap<>();
    if (root instanceof Obj o) {
      for (String key : List.of("id", "name")) {
        if (o.fields().get(key) != null) {
          out.put("$." + key, Position.of(o.fields().get(key)));
        }
      }
      if (o.fields().get("aliases") instanceof Arr a) {
        for (int i = 0; i < a.items().size(); i++) {
          out.put("$.aliases[" + i + "]", Position.of(a.items().get(i)));
        }
      }
    }
    return out;
  }

  private void error(Node at, String path, String message) {
    problems.add(new CorpusProblem(Severity.ERROR, file, at.line(), at.column(), path, message));
  }

  /** Checks an object's keys: reports unknown ones at the key, missing required ones at the object. */
  private Obj object(Node node, String path, Set<String> allowed, Set<String> required) {
    if (!(node instanceof Obj obj)) {
      error(node, path, "expected an object, found " + node.type());
      return null;
    }
    for (var e : obj.keyLocations().entrySet()) {
      if (!allowed.contains(e.getKey())) {
        int[] at = e.getValue();
        problems.add(new CorpusProblem(Severity.ERROR, file, at[0], at[1], path + "." + e.getKey(),
            "unknown field '" + e.getKey() + "' (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")"));
      }
    }
    required.stream().sorted().filter(k -> !obj.fields().containsKey(k))
        .forEach(k -> error(obj, path + "." + k, "missing required field '" + k + "'"));
    return obj;
  }

  private String text(Obj obj, String key, String path) {
    Node n = obj.fields().get(key);
    if (n == null) {
      return null;
    }
    return text(n, path + "." + key);
  }

  private String text(Node n, String path) {
    if (!(n instanceof Str s)) {
      error(n, path, "expected a string, found " + n.type());
      return null;
    }
    String bad = unprintable(s.value());
    if (bad != null) {
      error(n, path, bad);
      return null;
    }
    if (isBlank(s.value())) {
      error(n, path, "must not be blank");
      return null;
    }
    return s.value();
  }

  /**
   * What makes a text unfit for the index, or null: a control character other than tab and line
   * breaks (U+001F and U+001E are the index's own separators; NUL ends strings elsewhere), a line or
   * paragraph separator (U+2029 marks sentence ends in the body field), or half of a surrogate pair.
   */
  static String unprintable(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < v.length() && Character.isLowSurrogate(v.charAt(i + 1))) {
        i++;
        continue;
      }
      if (Character.isSurrogate(c)) {
        return String.format(java.util.Locale.ROOT, "contains half of a surrogate pair (U+%04X) at character %d", (int) c, i + 1);
      }
      boolean control = Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r';
      if (control || c == '\u2028' || c == '\u2029') {
        return String.format(java.util.Locale.ROOT, "contains the control character U+%04X at character %d", (int) c, i + 1);
      }
    }
    return null;
  }

  /** Blank: nothing but whitespace, no-break spaces and invisible format characters (zero-width space…). */
  static boolean isBlank(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && Character.getType(c) != Character.FORMAT) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a text is a lowercase slug: ASCII letters and digits in parts joined by single hyphens
   * ({@code term.schema.json}'s pattern), checked in one pass so that no length can overflow the stack.
   */
  static boolean isSlug(String s) {
    if (s.isEmpty() || s.charAt(0) == '-' || s.charAt(s.length() - 1) == '-') {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean part = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
      if (!part && (c != '-' || s.charAt(i - 1) == '-')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Reports a name, alias or service the index could not hold: Lucene refuses a term over its limit,
   * which would fail the reindex after validation passed. Returns the value, or null when too long.
   */
  private String indexable(Node n, String path, String value, boolean nameOrAlias) {
    if (value == null) {
      return null;
    }
    int bytes = value.getBytes(StandardCharsets.UTF_8).length;
    int max = nameOrAlias ? MAX_NAME_BYTES : MAX_KEYWORD_BYTES;
    if (bytes > max) {
      error(n, path, "too long for the index: " + bytes + " bytes in UTF-8, at most " + max + (nameOrAlias
          ? " for a name or alias (half of Lucene's term limit of " + MAX_KEYWORD_BYTES
              + " bytes: lowercasing and analysis can lengthen it)"
          : " (Lucene's term limit)"));
      return null;
    }
    return value;
  }

  private <T> List<T> list(Obj obj, String key, String path, Function<IndexedNode, T> item) {
    Node n = obj.fields().get(key);
    if (n == null) {
      return List.of();
    }
    String p = path + "." + key;
    if (!(n instanceof Arr arr)) {
      error(n, p, "expected an array, found " + n.type());
      return List.of();
    }
    List<T> out = new ArrayList<>();
    for (int i = 0; i < arr.items().size(); i++) {
      T t = item.apply(new IndexedNode(arr.items().get(i), p + "[" + i + "]"));
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  private record IndexedNode(Node node, String path) {}

  /** Makes an item reader report a value equal to an earlier item of the same array (the schema's uniqueItems). */
  private Function<IndexedNode, String> unique(Function<IndexedNode, String> item) {
    Map<String, String> seen = new HashMap<>();
    return in -> {
      String value = item.apply(in);
      String first = value == null ? null : seen.putIfAbsent(value, in.path());
      if (first != null) {
        error(in.node(), in.path(), "'" + value + "' is listed twice (first at " + first + ")");
      }
      return value;
    };
  }

  private List<String> texts(Obj obj, String key, String path) {
    return list(obj, key, path, in -> text(in.node(), in.path()));
  }

  private LocalDate date(Obj obj, String key, String path) {
    Node n = obj.fields().get(key);
    if (n == null) {
      return null;
    }
    String s = text(n, path + "." + key);
    if (s == null) {
      return null;
    }
    if (!DATE.matcher(s).matches()) {
      error(n, path + "." + key, "bad date '" + s + "' (expected an ISO date, YYYY-MM-DD)");
      return null;
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      error(n, path + "." + key, "bad date '" + s + "' (no such day)");
      return null;
    }
  }

  private Term term(Node root, String expectedId) {
    Obj o = object(root, "$", TERM_FIELDS, TERM_REQUIRED);
    if (o == null) {
      return null;
    }
    String id = text(o, "id", "$");
    if (id != null) {
      if (id.length() > MAX_ID_LENGTH) {
        error(o.fields().get("id"), "$.id", "id is " + id.length() + " characters long (at most " + MAX_ID_LENGTH + ")");
      } else if (!isSlug(id)) {
        error(o.fields().get("id"), "$.id", "id '" + id + "' is not a lowercase slug (letters, digits, single hyphens)");
      } else if (!id.equals(expectedId)) {
        error(o.fields().get("id"), "$.id", "id '" + id + "' does not match the file name '" + expectedId + ".json'");
      }
    }
    String name = indexable(o.fields().get("name"), "$.name", text(o, "name", "$"), true);
    List<String> aliases = list(o, "aliases", "$",
        unique(in -> indexable(in.node(), in.path(), text(in.node(), in.path()), true)));
    String service = indexable(o.fields().get("service"), "$.service", text(o, "service", "$"), false);
    String category = text(o, "category", "$");
    if (category != null && !Term.CATEGORIES.contains(category)) {
      error(o.fields().get("category"), "$.category", "unknown category '" + category + "' (expected one of "
          + String.join(", ", Term.CATEGORIES) + ")");
      category = null;
    }
    List<String> tags = list(o, "tags", "$", unique(in -> {
      String t = text(in.node(), in.path());
      if (t != null && !isSlug(t)) {
        error(in.node(), in.path(), "tag '" + t + "' is not a lowercase slug");
      }
      return t;
    }));
    Difficulty difficulty = null;
    String d = text(o, "difficulty", "$");
    if (d != null) {
      difficulty = Difficulty.fromLabel(d);
      if (difficulty == null) {
        error(o.fields().get("difficulty"), "$.difficulty", "bad value '" + d + "' (expected one of "
            + Arrays.stream(Difficulty.values()).map(Difficulty::label).collect(Collectors.joining(", ")) + ")");
      }
    }
    LocalDate lastVerified = date(o, "lastVerified", "$");
    Source source = source(o);
    String definition = text(o, "definition", "$");
    String technicalContext = text(o, "technicalContext", "$");
    String whyItMatters = text(o, "whyItMatters", "$");
    List<String> whereYouSeeIt = texts(o, "whereYouSeeIt", "$");
    List<String> whenRelevant = texts(o, "whenRelevant", "$");
    List<CaseStudy> caseStudies = list(o, "caseStudies", "$", in -> caseStudy(in.node(), in.path()));
    Cli cli = cli(o);
    String architecture = text(o, "architecture", "$");
    String security = text(o, "security", "$");
    String cost = text(o, "cost", "$");
    String reliability = text(o, "reliability", "$");
    String performance = text(o, "performance", "$");
    String operations = text(o, "operations", "$");
    List<String> commonMistakes = texts(o, "commonMistakes", "$");
    // every field is read before giving up, so that all of the file's problems are reported at once
    if (problems.stream().anyMatch(CorpusProblem::isError)) {
      return null;
    }
    return Term.builder().id(id).name(name).aliases(aliases).service(service).category(category).tags(tags)
        .difficulty(difficulty).lastVerified(lastVerified).source(source).definition(definition)
        .technicalContext(technicalContext).whyItMatters(whyItMatters).whereYouSeeIt(whereYouSeeIt)
        .whenRelevant(whenRelevant).caseStudies(caseStudies).cli(cli).architecture(architecture).security(security)
        .cost(cost).reliability(reliability).performance(performance).operations(operations)
        .commonMistakes(commonMistakes).build();
  }

  private Source source(Obj root) {
    Node n = root.fields().get("source");
    if (n == null) {
      return null;
    }
    Obj o = object(n, "$.source", SOURCE_FIELDS, Set.of("title"));
    if (o == null) {
      return null;
    }
    String title = text(o, "title", "$.source");
    String url = text(o, "url", "$.source");
    if (url != null && !url.startsWith("https://")) {
      error(o.fields().get("url"), "$.source.url", "url '" + url + "' must start with https://");
    }
    LocalDate date = date(o, "date", "$.source");
    return title == null ? null : new Source(title, url, date);
  }

  private CaseStudy caseStudy(Node n, String path) {
    Obj o = object(n, path, CASE_FIELDS, CASE_FIELDS);
    if (o == null) {
      return null;
    }
    String title = text(o, "title", path);
    String scenario = text(o, "scenario", path);
    List<String> objectives = texts(o, "objectives", path);
    String solution = text(o, "solution", path);
    List<String> results = texts(o, "results", path);
    String takeaway = text(o, "takeaway", path);
    if (title == null || scenario == null || solution == null || takeaway == null) {
      return null;
    }
    return new CaseStudy(title, scenario, objectives, solution, results, takeaway);
  }

  private Cli cli(Obj root) {
    Node n = root.fields().get("cli");
    if (n == null) {
      return Cli.NONE;
    }
    Obj o = object(n, "$.cli", CLI_FIELDS, Set.of("commands"));
    if (o == null) {
      return Cli.NONE;
    }
    List<String> useCases = texts(o, "useCases", "$.cli");
    List<CliCommand> commands = list(o, "commands", "$.cli", in -> command(in.node(), in.path()));
    return new Cli(useCases, commands);
  }

  private CliCommand command(Node n, String path) {
    Obj o = object(n, path, COMMAND_FIELDS, COMMAND_FIELDS);
    if (o == null) {
      return null;
    }
    String command = text(o, "command", path);
    if (command != null && !COMMAND.matcher(command).lookingAt()) {
      error(o.fields().get("command"), path + ".command", "command '" + command
          + "' must start with 'az ' and a lowercase command group");
      command = null;
    }
    String k = text(o, "kind", path);
    CliCommand.Kind kind = null;
    if (k != null) {
      kind = CliCommand.Kind.fromLabel(k);
      if (kind == null) {
        error(o.fields().get("kind"), path + ".kind", "bad value '" + k + "' (expected one of "
            + Arrays.stream(CliCommand.Kind.values()).map(CliCommand.Kind::label).collect(Collectors.joining(", ")) + ")");
      }
    }
    return command == null || kind == null ? null : new CliCommand(command, kind);
  }
}
