package io.azureglossary.corpus;

import static io.azureglossary.fuzz.Hostile.describe;
import static io.azureglossary.fuzz.Hostile.timed;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.InRange;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import com.code_intelligence.jazzer.mutation.annotation.WithSize;
import io.azureglossary.fuzz.Hostile;
import io.azureglossary.model.Term;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz tests of the page importer (issue "hostile input", point 5c): whatever the text of a page,
 * {@link PageImporter#importPage} ends in a {@link PageFormatException} whose errors each name the
 * file on one line, or in a valid term: one that the corpus loader reads back from
 * {@code terms/<id>.json} and the index can hold (as {@code glossary import} saves it). Never in
 * another exception or an {@link Error}.
 *
 * <p>{@link #pageText} takes the page's bytes as text (seeds: the files under
 * {@code PageFuzzTestInputs/pageText/}); {@link #mutatedPage} edits the lines of the test pages in
 * {@code src/test/resources/pages/} with hostile content (name lines of thousands of words, control
 * characters, half surrogate pairs, headings out of place; seeds: {@link #hostileEdits}).
 */
final class PageFuzzTest {
  private static final String FILE = "page.txt";
  private static final List<String> PAGES = List.of("resource-tag.txt", "storage-queue.txt", "bad-date.txt",
      "bad-difficulty.txt", "missing-section.txt", "unknown-heading.txt");
  private static final List<String> PAGE_TEXTS = PAGES.stream().map(p -> CorpusFolder.resource("/pages/" + p)).toList();
  private static final Pattern LINE_BREAK = Pattern.compile("\\R");

  @TempDir
  static Path folder;

  static {
    TermFuzzTest.warmUp();
  }

  // ---- the contract ----

  static void checkPage(String text) throws Exception {
    String what = "importing " + describe(text);
    PageImporter.Imported imported;
    try {
      imported = timed(what, () -> PageImporter.importPage(FILE, text));
    } catch (PageFormatException e) {
      if (e.errors().isEmpty()) {
        throw new AssertionError(what + ": PageFormatException without errors");
      }
      for (String error : e.errors()) {
        if (!error.startsWith(FILE + ":") || LINE_BREAK.matcher(error).find()) {
          throw new AssertionError(what + ": an error must be one line starting with the file name, got: "
              + Hostile.escape(error));
        }
      }
      return;
    } catch (AssertionError e) {
      throw e;
    } catch (Throwable e) { // StackOverflowError included
      throw Hostile.unexpected(what + ": importPage threw (only PageFormatException may escape)", e);
    }
    Term term = imported.term();
    if (term == null) {
      throw new AssertionError(what + ": imported no term");
    }
    for (String w : imported.warnings()) {
      if (!w.startsWith(FILE + ":") || LINE_BREAK.matcher(w).find()) {
        throw new AssertionError(what + ": a warning must be one line starting with the file name, got: "
            + Hostile.escape(w));
      }
    }
    checkSaved(what, term);
  }

  /** The term saved as {@code terms/<id>.json} loads back equal through the corpus loader, and the index holds it. */
  private static void checkSaved(String what, Term term) throws Exception {
    Path terms = Hostile.emptyTermsFolder(folder);
    String file = "terms/" + term.id() + ".json";
    try {
      Files.writeString(folder.resolve(file), TermJson.write(term), StandardCharsets.UTF_8);
      Corpus loaded = timed(what + " loading " + describe(file), () -> Corpus.load(folder));
      if (!loaded.terms().equals(List.of(term))) {
        throw new AssertionError(what + ": " + describe(file) + " loads back as " + loaded.terms());
      }
    } catch (AssertionError e) {
      throw e;
    } catch (CorpusException e) {
      throw new AssertionError(what + ": the imported term, saved, fails to load: " + e.problems(), e);
    } catch (Throwable e) {
      throw Hostile.unexpected(what + ": the imported term cannot be saved as " + describe(file) + " and loaded back:", e);
    }
    TermFuzzTest.checkUsable(what, file, term);
  }

  // ---- the fuzz tests ----

  /** Any bytes as a page, read as UTF-8 that may also encode half surrogate pairs ({@link Hostile#wtf8}). */
  @FuzzTest
  void pageText(byte[] bytes) throws Exception {
    checkPage(Hostile.wtf8(bytes));
  }

  /** A test page with hostile line edits, optionally with Windows line ends. */
  @MethodSource("hostileEdits")
  @FuzzTest
  void mutatedPage(@InRange(min = 0, max = 5) int page, @NotNull @WithSize(max = 6) List<@NotNull LineEdit> edits,
      boolean crlf) throws Exception {
    String text = edit(PAGE_TEXTS.get(Math.floorMod(page, PAGE_TEXTS.size())), edits);
    checkPage(crlf ? text.replace("\n", "\r\n") : text);
  }

  // ---- the generator ----

  enum LineOp { REPLACE, INSERT, DELETE, DUPLICATE, APPEND, PREPEND, SWAP_WITH_NEXT }

  /** What an edited line holds; {@code n} sizes it, {@code which} picks among variants. */
  enum Content {
    /** {@code n} words: a name line of 1,000 to 3,000 words. */
    WORDS,
    /** One word of {@code n} letters. */
    LONG_TOKEN,
    CJK, EMOJI,
    /** Control characters: NUL, U+001F, U+001E, escape, U+2028... among words. */
    CONTROL,
    /** Half of a surrogate pair among words. */
    LONE_SURROGATE,
    /** A heading of the layout. */
    HEADING,
    /** A field label of the layout. */
    FIELD,
    /** A bullet line. */
    BULLET,
    /** {@code Signal NN}, {@code Case study NN}, a case-study part. */
    MARKER,
    /** An az command line, or the kind line after one. */
    COMMAND,
    /** A date, with or without such a day. */
    DATE,
    /** {@code n} digits. */
    NUMBER,
    /** A header line: a category, a service, {@code n} slug tags. */
    HEADER,
    /** A {@code Microsoft Learn:} source line, or a URL. */
    SOURCE,
    /** A line of spaces, or nothing. */
    BLANK,
    /** The fuzzer's own text. */
    TEXT
  }

  record LineEdit(@NotNull LineOp op, int line, @NotNull Content content, @InRange(min = 0, max = 5000) int n,
      int which, String text) {}

  private static final List<String> HEADINGS = List.of("Microsoft Learn", "Technical context", "Why it matters",
      "Where you see it", "When this becomes relevant", "Real-world case studies", "Why use Azure CLI for this?",
      "CLI use cases", "Before you run CLI", "What output tells you", "Mapped Azure CLI commands",
      "Architecture context", "Security", "Cost", "Reliability", "Performance", "Operations", "Common mistakes",
      "Unknown heading");
  private static final List<String> FIELDS = List.of("Aliases", "Difficulty", "CLI mappings", "Last verified");
  private static final List<String> MARKERS = List.of("Signal 01", "Signal 999999999999", "Case study 01",
      "Case study 02", "Scenario", "Business/Technical Objectives", "Solution Using", "Solution Using Storage queue",
      "Results & Business Impact", "Key Takeaway for Glossary Readers",
      "Scenario, objectives, solution, measured impact, and takeaway.");
  private static final List<String> COMMANDS = List.of("az storage queue list", "az vm listdiscoverCompute",
      "az storage message putoperateStorage", "az ", "az !", "az vm list" + "discover".repeat(3), "az");
  private static final List<String> DATES = List.of("2026-04-20", "2026-02-30", "2026-13-01", "0000-00-00",
      "9999-12-31", "2026-4-20", "20260420");
  private static final List<String> WORDS = List.of("Resource", "tag", "storage", "queue", "the", "Azure", "a", "of");

  static String edit(String page, List<LineEdit> edits) {
    List<String> lines = new ArrayList<>(List.of(page.split("\n", -1)));
    for (LineEdit e : edits) {
      if (e == null || e.op() == null || e.content() == null) {
        continue;
      }
      int at = Math.floorMod(e.line(), lines.size() + 1);
      String content = content(e.content(), Math.max(0, e.n()), e.which(), e.text());
      switch (e.op()) {
        case REPLACE -> {
          if (at < lines.size()) {
            lines.set(at, content);
          } else {
            lines.add(content);
          }
        }
        case INSERT -> lines.add(at, content);
        case DELETE -> {
          if (at < lines.size() && lines.size() > 1) {
            lines.remove(at);
          }
        }
        case DUPLICATE -> {
          if (at < lines.size()) {
            lines.add(at, lines.get(at));
          }
        }
        case APPEND -> {
          if (at < lines.size()) {
            lines.set(at, lines.get(at) + content);
          }
        }
        case PREPEND -> {
          if (at < lines.size()) {
            lines.set(at, content + lines.get(at));
          }
        }
        case SWAP_WITH_NEXT -> {
          if (at + 1 < lines.size()) {
            String a = lines.get(at);
            lines.set(at, lines.get(at + 1));
            lines.set(at + 1, a);
          }
        }
      }
    }
    return String.join("\n", lines);
  }

  static String content(Content c, int n, int which, String text) {
    return switch (c) {
      case WORDS -> words(n, which);
      case LONG_TOKEN -> Hostile.letters(n, which);
      case CJK -> Hostile.cjk(n);
      case EMOJI -> Hostile.emoji(Math.min(n, 2000), which) + " tag";
      case CONTROL -> "Resource " + Hostile.controls(Math.max(1, n % 64), which) + " tag";
      case LONE_SURROGATE -> "Resource " + Hostile.loneSurrogate(which) + " tag";
      case HEADING -> pick(HEADINGS, which);
      case FIELD -> pick(FIELDS, which);
      case BULLET -> "  • " + words(n % 200, which);
      case MARKER -> pick(MARKERS, which);
      case COMMAND -> pick(COMMANDS, which) + (n > 0 ? " " + Hostile.hyphenChain(n % 1000, 2) : "");
      case DATE -> pick(DATES, which);
      case NUMBER -> "9".repeat(Math.max(1, n));
      case HEADER -> "Storage Azure Storage " + Hostile.hyphenChain(Math.max(1, n % 3000), 2).replace('-', ' ');
      case SOURCE -> which % 2 == 0 ? "Microsoft Learn: " + words(n % 500, which) + "2026-02-30"
          : "https://" + Hostile.letters(n, which);
      case BLANK -> " ".repeat(n % 8) + (which % 2 == 0 ? "" : "\u00a0\u200b\u3000");
      case TEXT -> text == null ? "" : text;
    };
  }

  private static String words(int n, int which) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : " ").append(WORDS.get(Math.floorMod(which + i, WORDS.size())));
    }
    return sb.toString();
  }

  private static String pick(List<String> from, int which) {
    return from.get(Math.floorMod(which, from.size()));
  }

  // ---- seeds ----

  static LineEdit replace(int line, Content c, int n, int which) {
    return new LineEdit(LineOp.REPLACE, line, c, n, which, null);
  }

  /** The hostile shapes of the issue on the test pages, each replayed by ./mvnw verify. Line 2 is the name. */
  static Stream<Arguments> hostileEdits() {
    return Stream.of(
        arguments(0, List.of(), false),                                              // as it is: imported
        arguments(1, List.of(), true),
        arguments(0, List.of(replace(2, Content.WORDS, 1000, 0)), false),            // name line of 1,000 words
        arguments(0, List.of(replace(2, Content.WORDS, 3000, 0)), false),            // ... of 3,000 words
        arguments(0, List.of(replace(2, Content.WORDS, 40, 0)), false),              // an id longer than a file name
        arguments(0, List.of(replace(2, Content.LONG_TOKEN, 300, 0)), false),
        arguments(0, List.of(replace(2, Content.CJK, 5000, 0)), false),
        arguments(0, List.of(replace(2, Content.CONTROL, 6, 0)), false),             // control characters
        arguments(0, List.of(replace(0, Content.CONTROL, 3, 5)), false),
        arguments(0, List.of(replace(4, Content.CONTROL, 12, 2)), false),
        arguments(0, List.of(replace(7, Content.CONTROL, 2, 6)), false),            // in the aliases
        arguments(0, List.of(replace(2, Content.LONE_SURROGATE, 0, 0)), false),
        arguments(0, List.of(replace(2, Content.EMOJI, 3, 0)), false),
        arguments(0, List.of(replace(0, Content.HEADER, 2500, 0)), false),           // 2,500 tags in the header
        arguments(0, List.of(replace(11, Content.NUMBER, 5000, 0)), false),          // a date of 5,000 digits
        arguments(1, List.of(replace(11, Content.NUMBER, 7, 0)), false),             // CLI mappings 9999999
        arguments(1, List.of(replace(2, Content.HEADING, 0, 1)), false),
        arguments(1, List.of(new LineEdit(LineOp.INSERT, 40, Content.MARKER, 0, 2, null)), false),
        arguments(1, List.of(new LineEdit(LineOp.INSERT, 60, Content.COMMAND, 900, 1, null)), false),
        arguments(0, List.of(replace(2, Content.BLANK, 3, 1)), false),
        arguments(2, List.of(new LineEdit(LineOp.DELETE, 0, Content.BLANK, 0, 0, null)), false));
  }
}
