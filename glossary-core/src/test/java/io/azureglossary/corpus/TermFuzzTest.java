package io.azureglossary.corpus;

import static io.azureglossary.fuzz.Hostile.describe;
import static io.azureglossary.fuzz.Hostile.timed;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.InRange;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import com.code_intelligence.jazzer.mutation.annotation.WithSize;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.azureglossary.fuzz.Hostile;
import io.azureglossary.index.FreshIndex;
import io.azureglossary.model.Term;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz tests of the corpus reader (issue "hostile input", point 5b): whatever the bytes of a term
 * file, {@link TermReader} and {@link Corpus#load} end in a term or in problems located at a line
 * and column of the file ({@link CorpusException} from {@code load}), never in another exception
 * or an {@link Error}. A term they accept survives a write and read, and the index can hold it.
 *
 * <p>{@link #termBytes} takes the file's bytes as they come (seeds: the files under
 * {@code TermFuzzTestInputs/termBytes/}); {@link #mutatedTerm} starts from a real term of the bundled
 * corpus and applies hostile edits (truncations, deep nesting, huge numbers, control characters,
 * 5,000-part hyphen ids, names over Lucene's 32,766-byte term limit; seeds: {@link #hostileEdits}).
 */
final class TermFuzzTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** The bundled corpus's term files, by file name: the starting points of {@link #mutatedTerm}. */
  private static final Map<String, byte[]> BUNDLED = bundledFiles();
  private static final List<String> BUNDLED_IDS = List.copyOf(BUNDLED.keySet());
  private static final Pattern DECLARED_ID = Pattern.compile("\"id\"\\s*:\\s*\"([a-z0-9-]{1,100})\"");

  @TempDir
  static Path folder;

  static {
    warmUp();
  }

  /**
   * Reads and indexes one real term before any input is timed: the first indexing of a JVM loads
   * and interprets Lucene, which is not what the time bound is about.
   */
  static void warmUp() {
    try {
      byte[] bytes = BUNDLED.values().iterator().next();
      String id = BUNDLED_IDS.get(0);
      Term t = TermReader.read("terms/" + id + ".json", id, bytes).term();
      FreshIndex.inMemory(List.of(t)).close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- the contract ----

  /**
   * Reads one file's bytes as {@code terms/<id>.json}, through {@link TermReader} and through
   * {@link Corpus#load} of a folder holding only it, and checks the outcome.
   */
  static void checkTermFile(String id, byte[] bytes) throws Exception {
    String file = "terms/" + id + ".json";
    String what = "reading " + file + " (" + bytes.length + " bytes: "
        + describe(new String(bytes, StandardCharsets.UTF_8)) + ")";
    TermReader.Result r;
    try {
      r = timed(what, () -> TermReader.read(file, id, bytes));
    } catch (AssertionError e) {
      throw e;
    } catch (Throwable e) { // StackOverflowError included: bad input must end in problems
      throw Hostile.unexpected(what + ": TermReader.read threw", e);
    }
    boolean failed = false;
    for (CorpusProblem p : r.problems()) {
      checkLocated(what, file, p);
      failed |= p.isError();
    }
    if (failed == (r.term() != null)) {
      throw new AssertionError(what + ": a term must come back exactly when there is no error, got term "
          + (r.term() != null) + " and " + r.problems());
    }

    Path terms = Hostile.emptyTermsFolder(folder);
    Files.write(terms.resolve(id + ".json"), bytes);
    try {
      Corpus c = timed(what + " with Corpus.load", () -> Corpus.load(folder));
      if (failed || !c.terms().equals(List.of(r.term()))) {
        throw new AssertionError(what + ": Corpus.load loaded " + c.terms().size() + " terms where the reader found "
            + r.problems());
      }
    } catch (CorpusException e) {
      if (!failed) {
        throw new AssertionError(what + ": Corpus.load refused a file the reader accepts: " + e.problems());
      }
      for (CorpusProblem p : e.problems()) {
        checkLocated(what + " with Corpus.load", file, p);
      }
    } catch (AssertionError e) {
      throw e;
    } catch (Throwable e) {
      throw Hostile.unexpected(what + ": Corpus.load threw (only CorpusException may escape)", e);
    }

    if (r.term() != null) {
      checkUsable(what, file, r.term());
    }
  }

  /** A problem names the file and points at a line and column of it, with a JSON path and a one-line message. */
  private static void checkLocated(String what, String file, CorpusProblem p) {
    if (!p.file().equals(file) || p.line() < 1 || p.column() < 1 || !p.path().startsWith("$")
        || p.message().isBlank() || p.message().contains("\n") || p.message().contains("\r")) {
      throw new AssertionError(what + ": problem not located in the file: " + p);
    }
  }

  /** An accepted term is written back to an equal file, and the index can hold it. */
  static void checkUsable(String what, String file, Term term) throws Exception {
    String id = term.id();
    try {
      TermReader.Result back = TermReader.read(file, id, TermJson.write(term).getBytes(StandardCharsets.UTF_8));
      if (!term.equals(back.term())) {
        throw new AssertionError(what + ": the accepted term does not survive TermJson.write and a read: "
            + back.problems());
      }
      try (Directory d = timed(what + " indexing the accepted term", () -> FreshIndex.inMemory(List.of(term)))) {
        if (d.listAll().length == 0) {
          throw new AssertionError(what + ": empty index");
        }
      }
    } catch (AssertionError e) {
      throw e;
    } catch (Throwable e) {
      throw Hostile.unexpected(what + ": the corpus accepts a term that cannot be written or indexed:", e);
    }
  }

  // ---- the fuzz tests ----

  /** Any bytes as a term file; the file name is the id the bytes declare, or {@code fuzz-term}. */
  @FuzzTest
  void termBytes(byte[] bytes) throws Exception {
    Matcher m = DECLARED_ID.matcher(new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1));
    checkTermFile(m.find() ? m.group(1) : "fuzz-term", bytes);
  }

  /** A real term file with hostile edits to its tree, then to its bytes. */
  @MethodSource("hostileEdits")
  @FuzzTest
  void mutatedTerm(@InRange(min = 0, max = 1000) int file, @NotNull @WithSize(max = 4) List<@NotNull Edit> edits,
      @NotNull @WithSize(max = 3) List<@NotNull ByteEdit> byteEdits) throws Exception {
    String id = BUNDLED_IDS.get(Math.floorMod(file, BUNDLED_IDS.size()));
    checkTermFile(id, mutate(BUNDLED.get(id), edits, byteEdits));
  }

  // ---- the generator ----

  /** Where an edit puts its value. */
  enum Target {
    ID, NAME, SERVICE, CATEGORY, DIFFICULTY, LAST_VERIFIED, DEFINITION,
    /** One of the other prose fields, {@code which} choosing. */
    PROSE,
    /** A whole array field: aliases, tags, whereYouSeeIt, whenRelevant, commonMistakes. */
    ARRAY,
    /** One item of an array field (added when the array is empty). */
    ITEM,
    /** The source object, or one of its fields. */
    SOURCE, SOURCE_FIELD,
    /** A field of a case study (one is made when the term has none). */
    CASE_FIELD,
    /** The cli object, a command line, a command kind. */
    CLI, CLI_COMMAND, CLI_KIND,
    /** A field that the schema does not know. */
    UNKNOWN_KEY,
    /** The name of an existing field, replaced by the value (a string or anything else). */
    KEY_NAME,
    /** The whole document. */
    ROOT
  }

  /** What an edit puts there; {@code n} sizes it, {@code which} picks among variants. */
  enum Value {
    LETTERS, MULTIBYTE, CJK, EMOJI,
    /** {@code n} one-letter parts joined by hyphens: a valid id of 5,000 parts. */
    HYPHEN_ID,
    /** {@code n} two-letter parts joined by hyphens. */
    HYPHEN_PARTS,
    /** Control characters, escaped as JSON allows: NUL, U+001F, U+001E, U+2028... */
    CONTROL,
    /** A control character written raw inside a string, which JSON forbids. */
    RAW_CONTROL,
    /** A {@code \\uD800}-style escape of half a surrogate pair. */
    LONE_SURROGATE,
    BLANK, EMPTY, NULL, TRUE, NUMBER,
    /** {@code n} digits. */
    HUGE_NUMBER,
    /** A fraction of {@code n} digits. */
    LONG_FRACTION,
    HUGE_EXPONENT,
    /** {@code n} nested arrays, closed. */
    DEEP_ARRAY,
    /** {@code n} nested objects, closed. */
    DEEP_OBJECT,
    /** {@code n} opened arrays, never closed. */
    UNCLOSED,
    EMPTY_ARRAY, EMPTY_OBJECT,
    /** An array of {@code n} different strings. */
    LONG_ARRAY,
    /** An array holding one string twice. */
    DUPLICATE_ITEMS,
    /** Dates with and without such a day. */
    DATE,
    URL,
    /** An az command line, or a line that is almost one. */
    COMMAND,
    /** The fuzzer's text as a JSON string. */
    TEXT,
    /** The fuzzer's text as it is, not quoted. */
    RAW_TEXT
  }

  record Edit(@NotNull Target target, @NotNull Value value, @InRange(min = 0, max = 40_000) int n, int which,
      String text) {}

  enum ByteOp { TRUNCATE, DELETE, INSERT, OVERWRITE, DUPLICATE, BOM, CRLF, NUL }

  record ByteEdit(@NotNull ByteOp op, int at, @InRange(min = 0, max = 4096) int length, byte[] bytes) {}

  private static final List<String> PROSE = List.of("technicalContext", "whyItMatters", "architecture", "security",
      "cost", "reliability", "performance", "operations");
  private static final List<String> ARRAYS = List.of("aliases", "tags", "whereYouSeeIt", "whenRelevant",
      "commonMistakes");
  private static final List<String> SOURCE_FIELDS = List.of("title", "url", "date");
  private static final List<String> CASE_FIELDS = List.of("title", "scenario", "objectives", "solution", "results",
      "takeaway");
  private static final List<String> DATES = List.of("2026-02-30", "2026-13-01", "0000-00-00", "9999-12-31",
      "2024-02-29", "2026-1-1", "+999999999-12-31", "2026-04-20T00:00:00Z", "٢٠٢٦-٠٤-٢٠");

  /** A real term file's bytes with the edits applied to its JSON tree and then the byte edits. */
  static byte[] mutate(byte[] base, List<Edit> edits, List<ByteEdit> byteEdits) throws IOException {
    JsonNode tree = MAPPER.readTree(base);
    Map<String, String> raw = new LinkedHashMap<>();
    for (int k = 0; k < edits.size(); k++) {
      Edit e = edits.get(k);
      if (e == null || e.target() == null || e.value() == null) {
        continue;
      }
      String marker = "@@fuzz-" + k + "@@";
      tree = place(tree, e, marker);
      raw.put("\"" + marker + "\"", fragment(e.value(), e.n(), e.which(), e.text()));
    }
    String json = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    for (var r : raw.entrySet()) {
      json = json.replace(r.getKey(), r.getValue());
    }
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    for (ByteEdit b : byteEdits) {
      if (b != null && b.op() != null) {
        bytes = apply(bytes, b);
      }
    }
    return bytes;
  }

  /** Puts the marker where the edit says; returns the (possibly new) root. */
  private static JsonNode place(JsonNode root, Edit e, String marker) {
    if (e.target() == Target.ROOT || !(root instanceof ObjectNode o)) {
      return MAPPER.getNodeFactory().textNode(marker);
    }
    int which = e.which();
    switch (e.target()) {
      case ID -> o.put("id", marker);
      case NAME -> o.put("name", marker);
      case SERVICE -> o.put("service", marker);
      case CATEGORY -> o.put("category", marker);
      case DIFFICULTY -> o.put("difficulty", marker);
      case LAST_VERIFIED -> o.put("lastVerified", marker);
      case DEFINITION -> o.put("definition", marker);
      case PROSE -> o.put(pick(PROSE, which), marker);
      case ARRAY -> o.put(pick(ARRAYS, which), marker);
      case ITEM -> item(array(o, pick(ARRAYS, which)), which >>> 8, marker);
      case SOURCE -> o.put("source", marker);
      case SOURCE_FIELD -> object(o, "source").put(pick(SOURCE_FIELDS, which), marker);
      case CASE_FIELD -> {
        ArrayNode cases = array(o, "caseStudies");
        if (cases.isEmpty()) {
          cases.addObject().put("title", "A case");
        }
        JsonNode c = cases.get(Math.floorMod(which >>> 8, cases.size()));
        if (c instanceof ObjectNode co) {
          co.put(pick(CASE_FIELDS, which), marker);
        }
      }
      case CLI -> o.put("cli", marker);
      case CLI_COMMAND, CLI_KIND -> {
        ArrayNode commands = array(object(o, "cli"), "commands");
        if (commands.isEmpty()) {
          commands.addObject().put("command", "az vm list").put("kind", "discover");
        }
        JsonNode c = commands.get(Math.floorMod(which, commands.size()));
        if (c instanceof ObjectNode co) {
          co.put(e.target() == Target.CLI_COMMAND ? "command" : "kind", marker);
        }
      }
      case UNKNOWN_KEY -> o.put("x-fuzz-" + Math.floorMod(which, 4), marker);
      case KEY_NAME -> {
        List<String> keys = new ArrayList<>();
        o.fieldNames().forEachRemaining(keys::add);
        if (keys.isEmpty()) {
          return root;
        }
        String renamed = pick(keys, which);
        ObjectNode copy = MAPPER.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
          var f = it.next();
          copy.set(f.getKey().equals(renamed) ? marker : f.getKey(), f.getValue());
        }
        return copy;
      }
      case ROOT -> throw new AssertionError("handled above");
    }
    return root;
  }

  private static String pick(List<String> from, int which) {
    return from.get(Math.floorMod(which, from.size()));
  }

  private static ArrayNode array(ObjectNode o, String key) {
    return o.get(key) instanceof ArrayNode a ? a : o.putArray(key);
  }

  private static ObjectNode object(ObjectNode o, String key) {
    return o.get(key) instanceof ObjectNode x ? x : o.putObject(key);
  }

  private static void item(ArrayNode a, int which, String marker) {
    if (a.isEmpty()) {
      a.add(marker);
    } else {
      a.set(Math.floorMod(which, a.size()), MAPPER.getNodeFactory().textNode(marker));
    }
  }

  /** The JSON text of a value. */
  static String fragment(Value v, int n, int which, String text) {
    n = Math.max(0, n);
    return switch (v) {
      case LETTERS -> quote(Hostile.letters(n, which));
      case MULTIBYTE -> quote("é".repeat(n)); // two bytes each: 16,384 of them pass Lucene's 32,766-byte limit
      case CJK -> quote(Hostile.cjk(n));
      case EMOJI -> quote(Hostile.emoji(Math.min(n, 10_000), which));
      case HYPHEN_ID -> quote(Hostile.hyphenChain(Math.max(1, n), 1));
      case HYPHEN_PARTS -> quote(Hostile.hyphenChain(Math.max(1, n), 2));
      case CONTROL -> quote("Storage " + Hostile.controls(Math.max(1, n % 64), which) + " queue");
      case RAW_CONTROL -> "\"Storage" + (char) Math.floorMod(which, 0x20) + "queue\"";
      case LONE_SURROGATE -> switch (Math.floorMod(which, 4)) {
        case 0 -> "\"Storage \\ud800 queue\"";
        case 1 -> "\"Storage \\udc00\"";
        case 2 -> "\"\\ud83d\"";
        default -> "\"queue\\ude42\\ud83d\"";
      };
      case BLANK -> "\" \\u00a0\\u200b\\t\\u3000\"";
      case EMPTY -> "\"\"";
      case NULL -> "null";
      case TRUE -> "true";
      case NUMBER -> Integer.toString(which);
      case HUGE_NUMBER -> "9".repeat(Math.max(1, n));
      case LONG_FRACTION -> "0." + "3".repeat(Math.max(1, n));
      case HUGE_EXPONENT -> "1e" + "9".repeat(1 + Math.floorMod(which, 30));
      case DEEP_ARRAY -> "[".repeat(n) + "]".repeat(n);
      case DEEP_OBJECT -> "{\"a\":".repeat(n) + "1" + "}".repeat(n);
      case UNCLOSED -> "[".repeat(n);
      case EMPTY_ARRAY -> "[]";
      case EMPTY_OBJECT -> "{}";
      case LONG_ARRAY -> {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < Math.min(n, 10_000); i++) {
          sb.append(i == 0 ? "" : ",").append("\"x").append(i).append('"');
        }
        yield sb.append(']').toString();
      }
      case DUPLICATE_ITEMS -> "[\"a\",\"a\"]";
      case DATE -> quote(pick(DATES, which));
      case URL -> quote((which % 2 == 0 ? "https://" : "http://") + Hostile.letters(n, which));
      case COMMAND -> quote(switch (Math.floorMod(which, 4)) {
        case 0 -> "az vm list " + Hostile.letters(n, 1);
        case 1 -> "az " + Hostile.hyphenChain(Math.max(1, n), 2);
        case 2 -> "az !";
        default -> "AZ VM";
      });
      case TEXT -> quote(text == null ? "" : text);
      case RAW_TEXT -> text == null ? "" : text;
    };
  }

  /** A JSON string literal: quotes, backslashes, control characters and lone surrogates escaped; the rest as is. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
      if (paired) {
        sb.append(c).append(s.charAt(++i));
      } else if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20 || Character.isSurrogate(c)) {
        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  static byte[] apply(byte[] b, ByteEdit e) {
    int at = Math.floorMod(e.at(), b.length + 1);
    int len = Math.min(Math.max(0, e.length()), b.length - at);
    byte[] extra = e.bytes() == null ? new byte[0] : e.bytes();
    ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + extra.length + 3);
    switch (e.op()) {
      case TRUNCATE -> out.write(b, 0, at);
      case DELETE -> {
        out.write(b, 0, at);
        out.write(b, at + len, b.length - at - len);
      }
      case INSERT -> {
        out.write(b, 0, at);
        out.writeBytes(extra);
        out.write(b, at, b.length - at);
      }
      case OVERWRITE -> {
        byte[] copy = b.clone();
        System.arraycopy(extra, 0, copy, at, Math.min(extra.length, b.length - at));
        out.writeBytes(copy);
      }
      case DUPLICATE -> {
        out.write(b, 0, at + len);
        out.write(b, at, b.length - at);
      }
      case BOM -> {
        out.write(b, 0, at);
        out.writeBytes(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
        out.write(b, at, b.length - at);
      }
      case CRLF -> out.writeBytes(new String(b, StandardCharsets.ISO_8859_1).replace("\n", "\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      case NUL -> {
        out.write(b, 0, at);
        out.write(0);
        out.write(b, at, b.length - at);
      }
    }
    return out.toByteArray();
  }

  // ---- seeds ----

  static Edit edit(Target target, Value value, int n) {
    return new Edit(target, value, n, 0, null);
  }

  static Edit edit(Target target, Value value, int n, int which) {
    return new Edit(target, value, n, which, null);
  }

  static ByteEdit cut(int at) {
    return new ByteEdit(ByteOp.TRUNCATE, at, 0, null);
  }

  /** The hostile shapes of the issue on real terms, each replayed by ./mvnw verify. */
  static Stream<Arguments> hostileEdits() {
    int base = Math.max(0, BUNDLED_IDS.indexOf("virtual-network"));
    int withCases = Math.max(0, BUNDLED_IDS.indexOf("aks-cluster"));
    List<ByteEdit> none = List.of();
    return Stream.of(
        arguments(base, List.of(), none),                                          // as it is: accepted
        arguments(withCases, List.of(), none),
        arguments(base, List.of(edit(Target.ID, Value.HYPHEN_ID, 5000)), none),    // 5,000-part hyphen id
        arguments(base, List.of(edit(Target.ITEM, Value.HYPHEN_ID, 5000, 1)), none), // ... as a tag
        arguments(base, List.of(edit(Target.NAME, Value.MULTIBYTE, 16_384)), none), // name of 32,768 bytes
        arguments(base, List.of(edit(Target.NAME, Value.LETTERS, 32_767)), none),
        arguments(base, List.of(edit(Target.ITEM, Value.LETTERS, 40_000, 0)), none), // alias of 40,000 bytes
        arguments(base, List.of(edit(Target.SERVICE, Value.CJK, 11_000)), none),     // service of 33,000 bytes
        arguments(base, List.of(edit(Target.DEFINITION, Value.DEEP_ARRAY, 5000)), none), // deep nesting
        arguments(base, List.of(edit(Target.SOURCE, Value.DEEP_OBJECT, 1500)), none),
        arguments(base, List.of(edit(Target.DEFINITION, Value.UNCLOSED, 3000)), none),
        arguments(base, List.of(edit(Target.DIFFICULTY, Value.HUGE_NUMBER, 5000)), none), // huge numbers
        arguments(base, List.of(edit(Target.DIFFICULTY, Value.LONG_FRACTION, 5000)), none),
        arguments(base, List.of(edit(Target.LAST_VERIFIED, Value.HUGE_EXPONENT, 0, 29)), none),
        arguments(base, List.of(edit(Target.NAME, Value.CONTROL, 8, 3)), none),       // control chars in names
        arguments(base, List.of(edit(Target.NAME, Value.RAW_CONTROL, 0, 0x1f)), none),
        arguments(base, List.of(edit(Target.KEY_NAME, Value.CONTROL, 3, 1)), none),
        arguments(base, List.of(edit(Target.NAME, Value.LONE_SURROGATE, 0, 0)), none),
        arguments(base, List.of(edit(Target.ITEM, Value.LONG_ARRAY, 10_000, 0)), none),
        arguments(base, List.of(edit(Target.ARRAY, Value.LONG_ARRAY, 1000, 0)), none), // 1,000 aliases
        arguments(base, List.of(edit(Target.LAST_VERIFIED, Value.DATE, 0, 0)), none),
        arguments(withCases, List.of(edit(Target.CASE_FIELD, Value.NULL, 0, 1)), none),
        arguments(withCases, List.of(edit(Target.CLI_COMMAND, Value.COMMAND, 5000, 1)), none),
        arguments(base, List.of(edit(Target.ROOT, Value.DEEP_ARRAY, 100_000 % 40_001)), none),
        arguments(base, List.of(), List.of(cut(1500))),                               // truncations
        arguments(base, List.of(edit(Target.NAME, Value.CONTROL, 1, 1)), List.of(cut(24))),
        arguments(base, List.of(edit(Target.NAME, Value.CJK, 3)), List.of(cut(43))), // inside a character
        arguments(base, List.of(), List.of(new ByteEdit(ByteOp.BOM, 0, 0, null),
            new ByteEdit(ByteOp.CRLF, 0, 0, null), new ByteEdit(ByteOp.NUL, 40, 0, null))));
  }

  /** The bundled corpus's term files, read from the classpath as the loader reads them. */
  private static Map<String, byte[]> bundledFiles() {
    try {
      URL schema = Corpus.class.getClassLoader().getResource(Corpus.BUNDLED_ROOT + "/term.schema.json");
      URI uri = schema.toURI();
      Path terms;
      if ("jar".equals(uri.getScheme())) {
        FileSystem fs;
        try {
          fs = FileSystems.getFileSystem(uri);
        } catch (FileSystemNotFoundException e) {
          fs = FileSystems.newFileSystem(uri, Map.of());
        }
        terms = fs.getPath(Corpus.BUNDLED_ROOT, "terms");
      } else {
        terms = Path.of(uri).resolveSibling("terms");
      }
      Map<String, byte[]> out = new LinkedHashMap<>();
      try (Stream<Path> files = Files.list(terms)) {
        for (Path p : files.sorted(Comparator.comparing(Path::toString)).toList()) {
          String name = p.getFileName().toString();
          out.put(name.substring(0, name.length() - ".json".length()), Files.readAllBytes(p));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
