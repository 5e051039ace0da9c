package io.azureglossary.search;

import static io.azureglossary.fuzz.Hostile.describe;
import static io.azureglossary.fuzz.Hostile.timed;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.InRange;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import com.code_intelligence.jazzer.mutation.annotation.WithSize;
import io.azureglossary.fuzz.Hostile;
import io.azureglossary.model.Difficulty;
import io.azureglossary.model.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz tests of the query side (issue "hostile input", point 5a): whatever the query text and the
 * request options, {@link Glossary#search} answers or throws {@link InvalidQueryException} with a
 * one-line message, never another exception (no Lucene {@code TooManyClauses}, no
 * {@code IllegalArgumentException} of an analyzer, no {@code StackOverflowError}), and
 * {@link Glossary#suggest} answers; each call within {@link Hostile#TIME_BOUND}.
 *
 * <p>In {@code ./mvnw verify} (Jazzer's regression mode) each test replays its seeds: the
 * {@code @MethodSource} lists below and the files under {@code QueryFuzzTestInputs/<test>/}, where
 * a fuzzing run also saves the inputs that fail. README, "Fuzz tests", has the command for a fuzzing run.
 */
class QueryFuzzTest {
  private static final Glossary GLOSSARY = Glossary.bundled();

  static {
    // the first search of a JVM loads Lucene; it is not what the time bound is about
    GLOSSARY.search("self-hosted IR offline");
    GLOSSARY.suggest("integ", 10);
  }

  /** Aliases with many synonym readings, long names, and words that occur everywhere. */
  static final List<String> ALIASES = List.of("IR", "VNet", "SHIR", "self-hosted IR", "ADH", "SAS", "VM", "AKS",
      "RBAC", "PE", "KV", "RU/s", "PTU-M", "az", "Azure virtual network", "integration runtime", "Key Vault", "vault",
      "storage", "Azure", "the", "ASEv3", "F SKU", "2FA");

  /** Everyday glossary words, for queries that reach ranking, correction and highlighting. */
  static final List<String> WORDS = List.of("virtual", "network", "integration", "runtime", "offline", "storage",
      "account", "key", "vault", "soft", "delete", "private", "endpoint", "integartion", "netwrok", "who", "deleted",
      "yesterday", "how", "do", "I", "connect", "cost", "security", "self-hosted", "peering", "create", "list");

  /** Scopes as a user types them: section, service, category, difficulty, known and unknown. */
  static final List<String> SCOPES = List.of("section:definition", "section:security", "section:cli", "section:",
      "section:nosuch", "service:\"Data Factory\"", "service:\"Data", "category:Networking", "category:nosuch",
      "difficulty:advanced", "difficulty:", "section:\"definition\"", "SECTION:Definition", "title:x");

  /** What one piece of a generated query is made of; {@code n} sizes it, {@code which} picks among choices. */
  enum Block {
    /** One of {@link #WORDS}. */
    WORD,
    /** One of {@link #ALIASES}. */
    ALIAS,
    /** {@code n} times one alias inside quotes: nine IR, ten VNet. */
    QUOTED_ALIASES,
    /** {@code n} times one alias without quotes. */
    REPEATED_ALIASES,
    /** One token of {@code n} ASCII letters (1,000 letters). */
    LONG_LETTERS,
    /** One token of {@code n} CJK ideographs (999 of them). */
    LONG_CJK,
    /** {@code n} two-letter parts joined by hyphens (150 parts: 449 characters). */
    HYPHEN_CHAIN,
    /** {@code n} characters of Lucene query syntax and printable ASCII. */
    PRINTABLE,
    /** {@code az} and then {@code n} words: an az command. */
    AZ,
    /** {@code az !} and then the rest. */
    AZ_BANG,
    /** One of {@link #SCOPES}. */
    SCOPE,
    /** {@code -} before a word, or before a quoted alias. */
    EXCLUDE,
    /** {@code n} emoji. */
    EMOJI,
    /** {@code n} control characters: NUL, U+001F, U+001E, line separators, zero-width space. */
    CONTROL,
    /** {@code n} halves of surrogate pairs. */
    LONE_SURROGATE,
    /** A lone double quote. */
    QUOTE,
    /** The fuzzer's own text. */
    TEXT,
    /** The fuzzer's own text, {@code n} times. */
    REPEATED_TEXT
  }

  /** One piece of a generated query; pieces are joined by single spaces unless {@code glued}. */
  record Piece(@NotNull Block block, @InRange(min = 0, max = 1200) int n, int which, String text, boolean glued) {
    String render() {
      String alias = ALIASES.get(Math.floorMod(which, ALIASES.size()));
      String word = WORDS.get(Math.floorMod(which, WORDS.size()));
      return switch (block) {
        case WORD -> word;
        case ALIAS -> alias;
        case QUOTED_ALIASES -> "\"" + String.join(" ", java.util.Collections.nCopies(Math.min(n, 64), alias)) + "\"";
        case REPEATED_ALIASES -> String.join(" ", java.util.Collections.nCopies(Math.min(n, 64), alias));
        case LONG_LETTERS -> Hostile.letters(n, which);
        case LONG_CJK -> Hostile.cjk(n);
        case HYPHEN_CHAIN -> Hostile.hyphenChain(n, 2);
        case PRINTABLE -> Hostile.printable(n, which);
        case AZ -> "az " + String.join(" ", words(n, which));
        case AZ_BANG -> "az !" + (text == null ? "" : text);
        case SCOPE -> SCOPES.get(Math.floorMod(which, SCOPES.size()));
        case EXCLUDE -> which % 2 == 0 ? "-" + word : "-\"" + alias + "\"";
        case EMOJI -> Hostile.emoji(n % 100, which);
        case CONTROL -> Hostile.controls(n % 100, which);
        case LONE_SURROGATE -> Hostile.repeat(Hostile.loneSurrogate(which), Math.max(1, n % 10));
        case QUOTE -> "\"";
        case TEXT -> text == null ? "" : text;
        case REPEATED_TEXT -> text == null ? "" : Hostile.repeat(text, n % 400);
      };
    }

    private static List<String> words(int n, int which) {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < Math.min(n, 40); i++) {
        out.add(WORDS.get(Math.floorMod(which + i, WORDS.size())));
      }
      return out;
    }
  }

  static String render(List<Piece> pieces) {
    StringBuilder sb = new StringBuilder();
    for (Piece p : pieces) {
      if (p == null) {
        continue;
      }
      if (!sb.isEmpty() && !p.glued()) {
        sb.append(' ');
      }
      sb.append(p.render());
    }
    return sb.toString();
  }

  /** Services, categories and difficulties a request may filter on: real ones, and ones no term has. */
  static final List<String> FILTER_VALUES = List.of("Data Factory", "Azure Virtual Network", "Networking", "Storage",
      "nosuch", "", " ", "\u0000", "\ud83d", Hostile.letters(40_000, 0), "Data\u001fFactory");

  /**
   * The options of a request: a section (0 none, else one of {@link Section}), a service and a
   * category (0 none, else one of {@link #FILTER_VALUES}), a difficulty (0 none), the switches, the limit.
   */
  record Options(@InRange(min = 0, max = 15) int section, @InRange(min = 0, max = 11) int service,
      @InRange(min = 0, max = 11) int category, @InRange(min = 0, max = 3) int difficulty, boolean explain,
      boolean noHighlight, boolean wholeWords, boolean noFacets, @InRange(min = 1, max = SearchRequest.MAX_LIMIT) int limit) {
    static final Options DEFAULT = new Options(0, 0, 0, 0, false, false, false, false, 10);

    SearchRequest request(String query) {
      Section[] sections = Section.values();
      SearchRequest r = SearchRequest.of(query).limit(Math.max(1, Math.min(limit, SearchRequest.MAX_LIMIT)))
          .explain(explain).highlight(!noHighlight).prefixLast(!wholeWords).facets(!noFacets);
      int s = Math.floorMod(section, sections.length + 1);
      if (s > 0) {
        r = r.section(sections[s - 1].key());
      }
      int sv = Math.floorMod(service, FILTER_VALUES.size() + 1);
      if (sv > 0) {
        r = r.service(FILTER_VALUES.get(sv - 1));
      }
      int c = Math.floorMod(category, FILTER_VALUES.size() + 1);
      if (c > 0) {
        r = r.category(FILTER_VALUES.get(c - 1));
      }
      int d = Math.floorMod(difficulty, Difficulty.values().length + 1);
      if (d > 0) {
        r = r.difficulty(Difficulty.values()[d - 1]);
      }
      return r;
    }
  }

  /** The contract of one search: a sane response, or a one-line InvalidQueryException; nothing else. */
  static void checkSearch(SearchRequest request) throws Exception {
    String what = "search(" + describe(request.query()) + ", " + options(request) + ")";
    SearchResponse r = answerOrRefusal(what, () -> GLOSSARY.search(request));
    if (r == null) {
      return; // refused, on one line
    }
    if (r.total() < 0 || r.results().size() > request.limit() || r.results().size() > r.total()) {
      throw new AssertionError(what + " returned " + r.results().size() + " hits of " + r.total()
          + " with limit " + request.limit());
    }
    for (Hit h : r.results()) {
      if (h.id() == null || h.id().isEmpty() || h.name() == null) {
        throw new AssertionError(what + " returned a hit without id or name: " + h);
      }
    }
  }

  /**
   * The call's answer, within the time bound; null when it refused with a one-line
   * InvalidQueryException. A null answer, or any other exception, fails.
   */
  private static <T> T answerOrRefusal(String what, java.util.concurrent.Callable<T> call) throws Exception {
    T answer;
    try {
      answer = timed(what, call);
    } catch (InvalidQueryException e) {
      assertOneLine(what, e.getMessage());
      return null;
    } catch (AssertionError e) {
      throw e;
    } catch (Throwable e) {
      throw Hostile.unexpected(what + " threw (only InvalidQueryException may escape)", e);
    }
    if (answer == null) {
      throw new AssertionError(what + " returned null");
    }
    return answer;
  }

  /** The contract of one suggest call: a list of at most {@code limit} suggestions; InvalidQueryException at worst. */
  static void checkSuggest(String prefix, int limit) throws Exception {
    String what = "suggest(" + describe(prefix) + ", " + limit + ")";
    List<Suggestion> s = answerOrRefusal(what, () -> GLOSSARY.suggest(prefix, limit));
    if (s == null) {
      return; // refused, on one line
    }
    if (s.size() > limit || s.stream().anyMatch(x -> x == null || x.id() == null || x.text() == null)) {
      throw new AssertionError(what + " returned " + s);
    }
  }

  private static void assertOneLine(String what, String message) {
    if (message == null || message.isBlank() || message.contains("\n") || message.contains("\r")) {
      throw new AssertionError(what + ": InvalidQueryException must say why in one line, said: " + message);
    }
  }

  private static String options(SearchRequest r) {
    return "limit " + r.limit() + (r.section() != null ? ", section " + r.section() : "")
        + (r.service() != null ? ", service " + describe(r.service()) : "")
        + (r.category() != null ? ", category " + describe(r.category()) : "")
        + (r.difficulty() != null ? ", difficulty " + r.difficulty().label() : "")
        + (r.explain() ? ", explain" : "") + (r.highlight() ? "" : ", no highlight")
        + (r.prefixLast() ? "" : ", whole words") + (r.facets() ? "" : ", no facets");
  }

  // ---- the fuzz tests ----

  /**
   * Any text as a query, read from the input's bytes as UTF-8 that may encode lone surrogates
   * ({@link Hostile#wtf8}): searched as typed, searched whole within the definition with
   * explanations, and completed. Seeds: the text files in {@code QueryFuzzTestInputs/queryText/}.
   */
  @FuzzTest
  void queryText(byte[] bytes) throws Exception {
    String text = Hostile.wtf8(bytes);
    checkSearch(SearchRequest.of(text));
    checkSearch(SearchRequest.of(text).section("definition").prefixLast(false).explain(true).limit(50));
    checkSuggest(text, 10);
  }

  /** Generated hostile queries (see {@link Block}) with any request options. */
  @MethodSource("hostileQueries")
  @FuzzTest
  void search(@NotNull @WithSize(max = 12) List<@NotNull Piece> pieces, @NotNull Options options) throws Exception {
    checkSearch(options.request(render(pieces)));
  }

  /** Generated hostile prefixes, completed with any limit from 1 to 100. */
  @MethodSource("hostilePrefixes")
  @FuzzTest
  void suggest(@NotNull @WithSize(max = 12) List<@NotNull Piece> pieces, @InRange(min = 1, max = 100) int limit)
      throws Exception {
    checkSuggest(render(pieces), Math.max(1, Math.min(limit, 100)));
  }

  // ---- seeds: the hostile shapes of the issue, each replayed by ./mvnw verify ----

  static Piece p(Block block, int n, int which) {
    return new Piece(block, n, which, null, false);
  }

  static Piece text(String text) {
    return new Piece(Block.TEXT, 0, 0, text, false);
  }

  static Piece quoted(String alias, int times) {
    return new Piece(Block.QUOTED_ALIASES, times, ALIASES.indexOf(alias), null, false);
  }

  static Piece aliases(String alias, int times) {
    return new Piece(Block.REPEATED_ALIASES, times, ALIASES.indexOf(alias), null, false);
  }

  static List<List<Piece>> hostileShapes() {
    return List.of(
        List.of(p(Block.LONG_LETTERS, 1000, 0)),                        // 1,000 letters
        List.of(p(Block.LONG_LETTERS, 999, 25)),
        List.of(p(Block.LONG_CJK, 999, 0)),                             // 999 CJK characters
        List.of(p(Block.LONG_CJK, 400, 0)),
        List.of(quoted("IR", 9)),                                       // nine IR inside quotes
        List.of(quoted("IR", 8)),
        List.of(quoted("VNet", 10)),                                    // ten VNet inside quotes
        List.of(quoted("SHIR", 12)),
        List.of(quoted("self-hosted IR", 9)),
        List.of(aliases("IR", 32)),
        List.of(p(Block.HYPHEN_CHAIN, 150, 0)),                         // 449 characters of two-letter parts
        List.of(p(Block.HYPHEN_CHAIN, 333, 0)),
        List.of(p(Block.PRINTABLE, 200, 1)),                            // Lucene syntax and printable ASCII
        List.of(text(Hostile.LUCENE_SYNTAX + Hostile.LUCENE_SYNTAX)),
        List.of(text("/.*.*.*.*.*.*.*(a|b)*/ a~2 b^10 c:d title:SHIR AND NOT *?*?*?")),
        List.of(new Piece(Block.AZ_BANG, 0, 0, "", false)),            // az ! prefixes
        List.of(new Piece(Block.AZ_BANG, 0, 0, "vm list", false)),
        List.of(p(Block.AZ, 40, 3)),
        List.of(p(Block.SCOPE, 0, 0), aliases("IR", 9)),                // section:definition, then repeated aliases
        List.of(p(Block.SCOPE, 0, 0), quoted("IR", 9)),
        List.of(p(Block.SCOPE, 0, 0), aliases("VNet", 20)),
        List.of(p(Block.SCOPE, 0, 5), p(Block.SCOPE, 0, 7), p(Block.EXCLUDE, 0, 1), p(Block.WORD, 0, 0)),
        List.of(p(Block.EMOJI, 60, 0), p(Block.ALIAS, 0, 2)),           // emoji
        List.of(p(Block.CONTROL, 40, 7), p(Block.ALIAS, 0, 2)),         // U+001F, U+001E, NUL, ...
        List.of(text("SHIR\u0000\u001f\u001e"), text("\u001fIR\u001e")),
        List.of(p(Block.LONE_SURROGATE, 1, 0), p(Block.ALIAS, 0, 1)),   // lone surrogates
        List.of(new Piece(Block.LONE_SURROGATE, 3, 1, null, true), new Piece(Block.WORD, 0, 2, null, true)),
        List.of(p(Block.QUOTE, 0, 0), p(Block.ALIAS, 0, 3)),
        List.of(new Piece(Block.REPEATED_TEXT, 400, 0, "x ", false)),
        List.of(new Piece(Block.REPEATED_TEXT, 250, 0, "IR ", false)),
        List.of(new Piece(Block.REPEATED_TEXT, 100, 0, "\"IR\" ", false)),
        List.of(p(Block.WORD, 0, 13), p(Block.WORD, 0, 14)),            // typos: corrected
        List.of(p(Block.LONG_LETTERS, 1001, 0)));                       // one over the length limit
  }

  /** Options that make every hit cost: explained, up to 1,000 hits, whole words. */
  static final Options EXPLAIN_ALL = new Options(0, 0, 0, 0, true, true, true, false, SearchRequest.MAX_LIMIT);

  static Stream<Arguments> hostileQueries() {
    List<Options> options = List.of(Options.DEFAULT,
        new Options(1, 0, 0, 0, true, false, true, false, 50),          // section definition, explained, whole words
        new Options(0, 1, 3, 3, false, true, false, true, 1000),        // filters, no highlight, no facets, limit 1000
        new Options(7, 10, 11, 1, true, false, false, false, 1));       // hostile filter values
    List<Arguments> out = new ArrayList<>();
    List<List<Piece>> shapes = hostileShapes();
    for (int i = 0; i < shapes.size(); i++) {
      out.add(arguments(shapes.get(i), Options.DEFAULT));
      out.add(arguments(shapes.get(i), options.get(1 + i % (options.size() - 1))));
    }
    // found by fuzzing: a word no term has and none corrects (a digit in it) falls back to matching
    // within typing distance, one clause per word of the token (the 32-word limit counts the tokens
    // between spaces), and every explained hit evaluates them all again: 3 to 4.5 s of CPU
    Piece typos = new Piece(Block.REPEATED_TEXT, 110, 0, "stor4ge/", false);
    out.add(arguments(List.of(typos), EXPLAIN_ALL));
    out.add(arguments(List.of(typos), new Options(2, 0, 0, 0, true, true, true, false, SearchRequest.MAX_LIMIT)));
    return out.stream();
  }

  static Stream<Arguments> hostilePrefixes() {
    return hostileShapes().stream().map(pieces -> arguments(pieces, 10));
  }
}
