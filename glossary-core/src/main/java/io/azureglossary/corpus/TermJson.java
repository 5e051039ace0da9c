package io.azureglossary.corpus;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.azureglossary.model.CaseStudy;
import io.azureglossary.model.Cli;
import io.azureglossary.model.CliCommand;
import io.azureglossary.model.Difficulty;
import io.azureglossary.model.Source;
import io.azureglossary.model.Term;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.CopyOption;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A {@link Term} as a corpus file ({@code terms/<id>.json}), and back. {@link #write} puts the
 * fields in the order of {@code term.schema.json}, with two-space indentation, one array item per
 * line, non-ASCII text as is, and a final newline; save it as UTF-8, or let {@link #writeFile} save
 * it whole or not at all. Optional fields the term does not have ({@code tags}, {@code source} and
 * its {@code url} and {@code date}, {@code caseStudies}, {@code cli}, {@code architecture}) are
 * left out, so the corpus loader reads the output back as an equal term, and so does {@link #read}.
 */
public final class TermJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter WRITER;

  static {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withArrayEmptySeparator("")
        .withObjectEmptySeparator("");
    WRITER = MAPPER.writer(new DefaultPrettyPrinter(separators)
        .withObjectIndenter(indenter).withArrayIndenter(indenter));
  }

  private TermJson() {}

  /**
   * The term as the text of a corpus file, in the layout described above.
   *
   * @param term the term to write
   * @return the JSON text
   */
  public static String write(Term term) {
    ObjectNode o = MAPPER.createObjectNode();
    put(o, "id", term.id());
    put(o, "name", term.name());
    strings(o, "aliases", term.aliases());
    put(o, "service", term.service());
    put(o, "category", term.category());
    if (!term.tags().isEmpty()) {
      strings(o, "tags", term.tags());
    }
    put(o, "difficulty", term.difficulty().label());
    put(o, "lastVerified", term.lastVerified().toString());
    if (term.source() != null) {
      Source s = term.source();
      ObjectNode so = o.putObject("source");
      put(so, "title", s.title());
      put(so, "url", s.url());
      put(so, "date", s.date() == null ? null : s.date().toString());
    }
    put(o, "definition", term.definition());
    put(o, "technicalContext", term.technicalContext());
    put(o, "whyItMatters", term.whyItMatters());
    strings(o, "whereYouSeeIt", term.whereYouSeeIt());
    strings(o, "whenRelevant", term.whenRelevant());
    if (!term.caseStudies().isEmpty()) {
      ArrayNode cases = o.putArray("caseStudies");
      for (CaseStudy c : term.caseStudies()) {
        ObjectNode co = cases.addObject();
        put(co, "title", c.title());
        put(co, "scenario", c.scenario());
        strings(co, "objectives", c.objectives());
        put(co, "solution", c.solution());
        strings(co, "results", c.results());
        put(co, "takeaway", c.takeaway());
      }
    }
    if (!term.cli().equals(Cli.NONE)) {
      ObjectNode cli = o.putObject("cli");
      if (!term.cli().useCases().isEmpty()) {
        strings(cli, "useCases", term.cli().useCases());
      }
      ArrayNode commands = cli.putArray("commands");
      for (CliCommand c : term.cli().commands()) {
        commands.addObject().put("command", c.command()).put("kind", c.kind().label());
      }
    }
    put(o, "architecture", term.architecture());
    put(o, "security", term.security());
    put(o, "cost", term.cost());
    put(o, "reliability", term.reliability());
    put(o, "performance", term.performance());
    put(o, "operations", term.operations());
    strings(o, "commonMistakes", term.commonMistakes());
    try {
      return WRITER.writeValueAsString(o) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write term '" + term.id() + "' as JSON", e);
    }
  }

  /**
   * Reads a term back from the text {@link #write} makes: {@code read(write(t))} equals {@code t}
   * for every term. It checks the shape (no unknown field, each value of its JSON type, dates,
   * difficulty and command kinds as the corpus spells them) and what {@link Term}'s constructor
   * checks, not the corpus rules (slugs, required sections, lengths, duplicates), which
   * {@link Corpus#load} applies to files. The index stores every term this way and reads it back
   * with this method.
   *
   * @param json a term as {@link #write} writes it; a valid corpus file reads as its term
   * @return the term
   * @throws IllegalArgumentException if the text is not JSON or not a term; the message names the
   *     JSON path of the first problem, such as {@code $.cli.commands[2].kind}
   */
  public static Term read(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || root.isMissingNode()) {
      throw bad("$", "no JSON value");
    }
    ObjectNode o = object(root, "$", TermReader.TERM_FIELDS);
    return made("$", () -> Term.builder()
        .id(string(o, "id", "$"))
        .name(string(o, "name", "$"))
        .aliases(strings(o, "aliases", "$"))
        .service(string(o, "service", "$"))
        .category(string(o, "category", "$"))
        .tags(strings(o, "tags", "$"))
        .difficulty(label(o, "difficulty", "$", Difficulty::fromLabel))
        .lastVerified(date(o, "lastVerified", "$"))
        .source(o.get("source") == null ? null : source(o.get("source"), "$.source"))
        .definition(string(o, "definition", "$"))
        .technicalContext(string(o, "technicalContext", "$"))
        .whyItMatters(string(o, "whyItMatters", "$"))
        .whereYouSeeIt(strings(o, "whereYouSeeIt", "$"))
        .whenRelevant(strings(o, "whenRelevant", "$"))
        .caseStudies(array(o, "caseStudies", "$", TermJson::caseStudy))
        .cli(o.get("cli") == null ? Cli.NONE : cli(o.get("cli"), "$.cli"))
        .architecture(string(o, "architecture", "$"))
        .security(string(o, "security", "$"))
        .cost(string(o, "cost", "$"))
        .reliability(string(o, "reliability", "$"))
        .performance(string(o, "performance", "$"))
        .operations(string(o, "operations", "$"))
        .commonMistakes(strings(o, "commonMistakes", "$"))
        .build());
  }

  private static Source source(JsonNode n, String path) {
    ObjectNode o = object(n, path, TermReader.SOURCE_FIELDS);
    return made(path, () -> new Source(string(o, "title", path), string(o, "url", path), date(o, "date", path)));
  }

  private static CaseStudy caseStudy(JsonNode n, String path) {
    ObjectNode o = object(n, path, TermReader.CASE_FIELDS);
    return made(path, () -> new CaseStudy(string(o, "title", path), string(o, "scenario", path),
        strings(o, "objectives", path), string(o, "solution", path), strings(o, "results", path),
        string(o, "takeaway", path)));
  }

  private static Cli cli(JsonNode n, String path) {
    ObjectNode o = object(n, path, TermReader.CLI_FIELDS);
    return new Cli(strings(o, "useCases", path), array(o, "commands", path, (c, p) -> {
      ObjectNode co = object(c, p, TermReader.COMMAND_FIELDS);
      return made(p, () -> new CliCommand(string(co, "command", p), label(co, "kind", p, CliCommand.Kind::fromLabel)));
    }));
  }

  /** Makes a value; a component its constructor finds null is reported as missing at its path. */
  private static <T> T made(String path, Supplier<T> make) {
    try {
      return make.get();
    } catch (NullPointerException e) {
      if (e.getMessage() == null) {
        throw e;
      }
      throw bad(path + "." + e.getMessage(), "missing");
    }
  }

  private static ObjectNode object(JsonNode n, String path, Set<String> allowed) {
    if (!(n instanceof ObjectNode o)) {
      throw bad(path, "expected an object, found " + type(n));
    }
    for (Iterator<String> keys = o.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!allowed.contains(key)) {
        throw bad(path + "." + quoted(key), "unknown field");
      }
    }
    return o;
  }

  /** A string field; null when absent. */
  private static String string(ObjectNode o, String key, String path) {
    return text(o.get(key), path + "." + key);
  }

  private static String text(JsonNode v, String path) {
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      throw bad(path, "expected a string, found " + type(v));
    }
    return v.textValue();
  }

  /** A list of strings; empty when absent. */
  private static List<String> strings(ObjectNode o, String key, String path) {
    return array(o, key, path, TermJson::text);
  }

  /** An array field, each item read by {@code item} with its path; empty when absent. */
  private static <T> List<T> array(ObjectNode o, String key, String path, BiFunction<JsonNode, String, T> item) {
    JsonNode v = o.get(key);
    if (v == null) {
      return List.of();
    }
    if (!v.isArray()) {
      throw bad(path + "." + key, "expected an array, found " + type(v));
    }
    List<T> out = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      out.add(item.apply(v.get(i), path + "." + key + "[" + i + "]"));
    }
    return out;
  }

  private static LocalDate date(ObjectNode o, String key, String path) {
    String s = string(o, key, path);
    if (s == null) {
      return null;
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw bad(path + "." + key, "'" + quoted(s) + "' is not a date (yyyy-mm-dd)");
    }
  }

  /** A label such as a difficulty; null when absent. */
  private static <T> T label(ObjectNode o, String key, String path, Function<String, T> parse) {
    String s = string(o, key, path);
    if (s == null) {
      return null;
    }
    T value = parse.apply(s);
    if (value == null) {
      throw bad(path + "." + key, "unknown value '" + quoted(s) + "'");
    }
    return value;
  }

  private static String type(JsonNode n) {
    return n.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  /** Values in messages are cut: the text may come from anywhere. */
  private static String quoted(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "...";
  }

  private static IllegalArgumentException bad(String path, String message) {
    return new IllegalArgumentException(path + ": " + message);
  }

  /**
   * Writes the term's corpus file (UTF-8), whole or not at all: the text goes to a temporary file in
   * the same folder ({@code .<name>.<random>.tmp}), which is then renamed to {@code file} in one
   * step. On any failure the temporary file is deleted and {@code file} is left as it was. Nothing
   * is forced to disk (no fsync): that guards against a failed write, not against a power cut.
   *
   * @param term the term to write
   * @param file the corpus file to write, normally {@code <id>.json}
   * @param replace whether an existing {@code file} may be replaced
   * @throws IOException if the file cannot be written; {@code file} is then unchanged
   * @throws FileAlreadyExistsException if {@code file} exists and {@code replace} is false
   */
  public static void writeFile(Term term, Path file, boolean replace) throws IOException {
    writeFile(write(term).getBytes(StandardCharsets.UTF_8), file, replace, out -> out);
  }

  /** {@link #writeFile(Term, Path, boolean)}; {@code wrap} wraps the output stream, so tests can make it fail. */
  static void writeFile(byte[] bytes, Path file, boolean replace, UnaryOperator<OutputStream> wrap) throws IOException {
    if (!replace && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new FileAlreadyExistsException(file.toString());
    }
    String random = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
    Path tmp = file.resolveSibling("." + file.getFileName() + "." + random + ".tmp");
    // CREATE_NEW, not Files.createTempFile: that one makes the file private (rw-------)
    OutputStream raw = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    try {
      try (raw; OutputStream out = wrap.apply(raw)) {
        out.write(bytes);
      }
      // without REPLACE_EXISTING a file made since the check above may still be replaced: rename(2) does
      CopyOption[] options = replace ? new CopyOption[] {ATOMIC_MOVE, REPLACE_EXISTING} : new CopyOption[] {ATOMIC_MOVE};
      Files.move(tmp, file, options);
    } catch (Throwable e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** Puts a string field, leaving it out when the value is null. */
  private static void put(ObjectNode o, String key, String value) {
    if (value != null) {
      o.put(key, value);
    }
  }

  private static void strings(ObjectNode o, String key, List<String> values) {
    ArrayNode a = o.putArray(key);
    values.forEach(a::add);
  }
}
