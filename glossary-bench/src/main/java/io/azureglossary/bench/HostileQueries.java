package io.azureglossary.bench;

import io.azureglossary.corpus.Corpus;
import io.azureglossary.model.Term;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * A generated mix of hostile queries, the inputs an adversarial probe found to blow up query work:
 * long tokens, repeated aliases in quotes, hyphen chains, CJK runs, emoji, Lucene syntax, section
 * scopes, characters Lucene reserves. Drawn with a fixed seed from the aliases of a corpus, so a
 * run replays the same queries.
 *
 * <p>Every query is at most 1,000 characters, the length a query may have; longer ones are
 * refused by length alone and measure nothing.
 */
public final class HostileQueries {
  /** The length a query may have ({@code io.azureglossary.search.internal.UserQuery.MAX_LENGTH}). */
  static final int MAX_LENGTH = 1000;

  /** What a hostile query is made of. */
  public enum Kind {
    /** One word of up to 1,000 letters. */
    LONG_WORD,
    /** A run of up to 999 CJK ideographs, with no space. */
    CJK,
    /** Two to twelve repeated aliases in quotes: {@code "IR IR IR"}. */
    QUOTED_ALIASES,
    /** Up to 40 aliases and name words, unquoted. */
    MANY_ALIASES,
    /** Two-letter parts joined by hyphens, up to 999 characters. */
    HYPHEN_CHAIN,
    /** Random printable ASCII, up to 1,000 characters. */
    RANDOM_ASCII,
    /** Words mixed with Lucene query syntax: {@code +-&|!(){}[]^"~*?:\/}. */
    LUCENE_SYNTAX,
    /** {@code az} followed by punctuation and command words. */
    AZ_COMMAND,
    /** {@code section:KEY} followed by repeated aliases, quoted or not. */
    SECTION_SCOPE,
    /** Emoji, joiners and variation selectors among words. */
    EMOJI,
    /** Lucene's reserved U+001F and U+001E, NUL, lone surrogates among words. */
    RESERVED_CHARS
  }

  /** One hostile query: its kind and text. */
  public record Query(Kind kind, String text) {}

  private static final String SYNTAX = "+-&|!(){}[]^\"~*?:\\/";
  private static final String[] SECTIONS = {"definition", "technical", "why", "signals", "mistakes", "nope"};
  private static final String[] EMOJI = {"\uD83D\uDE00", "\uD83D\uDD25", "\uD83D\uDC68\u200D\uD83D\uDCBB", "\u2764\uFE0F",
      "\uD83C\uDDFA\uD83C\uDDF8", "\u200D", "\uFE0F", "\u00A0", "\u200B"};
  private static final String[] RESERVED = {"\u001F", "\u001E", "\u0000", "\uD800", "\uDC00", "\u2028", "\u0007"};

  private final List<String> aliases;
  private final List<String> words;

  private HostileQueries(List<String> aliases, List<String> words) {
    this.aliases = aliases;
    this.words = words;
  }

  /** A generator over the aliases and name words of {@code corpus}. */
  public static HostileQueries of(Corpus corpus) {
    List<String> aliases = corpus.terms().stream().flatMap(t -> t.aliases().stream()).distinct().sorted().toList();
    List<String> words = corpus.terms().stream().map(Term::name)
        .flatMap(n -> List.of(n.split(" ")).stream()).distinct().sorted().collect(Collectors.toList());
    return new HostileQueries(aliases, words);
  }

  /** {@code perKind} queries of each kind, drawn with {@code Random(seed)}. */
  public Map<Kind, List<Query>> generate(int perKind, long seed) {
    Random r = new Random(seed);
    Map<Kind, List<Query>> m = new EnumMap<>(Kind.class);
    for (Kind k : Kind.values()) {
      List<Query> qs = new ArrayList<>(perKind);
      for (int i = 0; i < perKind; i++) {
        String text = query(k, r);
        qs.add(new Query(k, text.length() > MAX_LENGTH ? cut(text) : text));
      }
      m.put(k, List.copyOf(qs));
    }
    return m;
  }

  /** Cuts to the length limit without splitting a surrogate pair. */
  private static String cut(String text) {
    int end = Character.isHighSurrogate(text.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH;
    return text.substring(0, end);
  }

  private String query(Kind k, Random r) {
    return switch (k) {
      case LONG_WORD -> letters(r, 31 + r.nextInt(MAX_LENGTH - 30));
      case CJK -> {
        StringBuilder b = new StringBuilder();
        int n = 50 + r.nextInt(950);
        for (int i = 0; i < n; i++) {
          b.append((char) (0x4E00 + r.nextInt(0x9FFF - 0x4E00)));
        }
        yield b.toString();
      }
      case QUOTED_ALIASES -> "\"" + repeat(shortAlias(r), 2 + r.nextInt(11)) + "\"";
      case MANY_ALIASES -> {
        StringBuilder b = new StringBuilder();
        int n = 10 + r.nextInt(31);
        for (int i = 0; i < n; i++) {
          b.append(i == 0 ? "" : " ").append(r.nextBoolean() ? pick(r, aliases) : pick(r, words));
        }
        yield b.toString();
      }
      case HYPHEN_CHAIN -> {
        StringBuilder b = new StringBuilder(letters(r, 2));
        int n = 100 + r.nextInt(900);
        while (b.length() + 3 <= n) {
          b.append('-').append(r.nextInt(4) == 0 ? shortAlias(r).replace(' ', '-') : letters(r, 2));
        }
        yield b.toString();
      }
      case RANDOM_ASCII -> {
        StringBuilder b = new StringBuilder();
        int n = 1 + r.nextInt(MAX_LENGTH);
        for (int i = 0; i < n; i++) {
          b.append((char) (32 + r.nextInt(95)));
        }
        yield b.toString();
      }
      case LUCENE_SYNTAX -> {
        StringBuilder b = new StringBuilder();
        int n = 1 + r.nextInt(30);
        for (int i = 0; i < n; i++) {
          int c = 1 + r.nextInt(3);
          for (int j = 0; j < c; j++) {
            b.append(SYNTAX.charAt(r.nextInt(SYNTAX.length())));
          }
          b.append(r.nextBoolean() ? pick(r, words) : shortAlias(r));
          if (r.nextInt(3) == 0) {
            b.append(SYNTAX.charAt(r.nextInt(SYNTAX.length())));
          }
          b.append(r.nextInt(4) == 0 ? "" : " ");
        }
        yield b.toString();
      }
      case AZ_COMMAND -> {
        StringBuilder b = new StringBuilder("az");
        int n = 1 + r.nextInt(40);
        for (int i = 0; i < n; i++) {
          b.append(' ').append(r.nextBoolean() ? String.valueOf(SYNTAX.charAt(r.nextInt(SYNTAX.length()))) : "")
              .append(r.nextBoolean() ? pick(r, words).toLowerCase(java.util.Locale.ROOT) : letters(r, 1 + r.nextInt(8)));
        }
        yield b.toString();
      }
      case SECTION_SCOPE -> {
        String body = repeat(shortAlias(r), 2 + r.nextInt(20));
        yield "section:" + SECTIONS[r.nextInt(SECTIONS.length)] + " " + (r.nextBoolean() ? "\"" + body + "\"" : body);
      }
      case EMOJI -> {
        StringBuilder b = new StringBuilder();
        int n = 1 + r.nextInt(60);
        for (int i = 0; i < n; i++) {
          b.append(EMOJI[r.nextInt(EMOJI.length)]);
          if (r.nextInt(3) == 0) {
            b.append(pick(r, words));
          }
          if (r.nextBoolean()) {
            b.append(' ');
          }
        }
        yield b.toString();
      }
      case RESERVED_CHARS -> {
        StringBuilder b = new StringBuilder();
        int n = 1 + r.nextInt(20);
        for (int i = 0; i < n; i++) {
          b.append(r.nextBoolean() ? shortAlias(r) : pick(r, words)).append(RESERVED[r.nextInt(RESERVED.length)]);
          if (r.nextBoolean()) {
            b.append(' ');
          }
        }
        yield b.toString();
      }
    };
  }

  /** An alias of at most two words: the ones a probe repeats. */
  private String shortAlias(Random r) {
    for (int tries = 0; ; tries++) {
      String a = pick(r, aliases);
      if (a.split(" ").length <= 2 || tries > 20) {
        return a;
      }
    }
  }

  private static String repeat(String s, int n) {
    return String.join(" ", java.util.Collections.nCopies(n, s));
  }

  private static String letters(Random r, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append((char) ('a' + r.nextInt(26)));
    }
    return b.toString();
  }

  private static String pick(Random r, List<String> from) {
    return from.get(r.nextInt(from.size()));
  }
}
