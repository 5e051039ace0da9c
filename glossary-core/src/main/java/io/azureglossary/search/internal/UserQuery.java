package io.azureglossary.search.internal;

import io.azureglossary.search.InvalidQueryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A user's query, parsed safely. Untrusted input: control characters become spaces, length and
 * word count are bounded, unbalanced quotes are dropped, and no wildcard, regex or fuzzy syntax is
 * interpreted, so every query is a literal search in bounded time. Internal: the engine's reading of
 * a query, shared with the OpenSearch export so that a cluster reads a query as the engine does.
 *
 * @param raw the query as given, cleaned of control characters and runs of spaces
 * @param text the words to score, phrases included, without operators and scopes
 * @param phrases quoted phrases, each of which must match
 * @param excluded words or phrases after {@code -}, which must not match
 * @param cliWords the command path when the query is an {@code az} command ({@code az} dropped)
 * @param openWord the last word when the user may still be typing it: the query ends in it, not in
 *     a space or a closing quote, and it is a plain word (not a phrase, exclusion or scope); else null
 * @param section the {@code section:} scope, or null
 * @param service the {@code service:} scope, or null
 * @param category the {@code category:} scope, or null
 * @param difficulty the {@code difficulty:} scope, or null
 * @param truncated true when words or exclusions beyond {@value #MAX_WORDS} were left out
 */
public record UserQuery(
    String raw,
    String text,
    List<String> phrases,
    List<String> excluded,
    String section,
    String service,
    String category,
    String difficulty,
    List<String> cliWords,
    String openWord,
    boolean truncated) {

  /** Longest query accepted, in characters. */
  public static final int MAX_LENGTH = 1000;
  /** Words and exclusions beyond this many are ignored; no real question needs more. */
  public static final int MAX_WORDS = 32;

  /**
   * This query with only the leading part {@code cut} of its text searched: the words after it
   * are left out, and the last word kept is read as finished.
   *
   * @param cut the leading part of {@link #text()} to keep
   * @return the cut query, marked truncated
   */
  public UserQuery truncatedTo(String cut) {
    return new UserQuery(raw, cut, phrases, excluded, section, service, category, difficulty, cliWords, null, true);
  }

  /** {@return whether the query is an {@code az} command, searched as a command path} */
  public boolean isCli() {
    return !cliWords.isEmpty();
  }

  /**
   * Reads a user's query.
   *
   * @param input the query as typed
   * @return the parsed query
   * @throws InvalidQueryException if it is null, blank or longer than {@value #MAX_LENGTH} characters
   */
  public static UserQuery parse(String input) {
    if (input == null) {
      throw new InvalidQueryException("query is empty");
    }
    if (input.length() > MAX_LENGTH) {
      throw new InvalidQueryException("query is too long: " + input.length() + " characters (the limit is " + MAX_LENGTH + ")");
    }
    StringBuilder clean = new StringBuilder(input.length());
    input.codePoints().forEach(cp -> {
      int type = Character.getType(cp);
      boolean control = type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
          || type == Character.PRIVATE_USE || type == Character.SURROGATE;
      clean.appendCodePoint(control ? ' ' : cp);
    });
    String q = clean.toString().strip().replaceAll("\\s+", " ");
    if (q.isEmpty()) {
      throw new InvalidQueryException("query is empty");
    }
    // typed up to a space or a closing quote: the last word is finished
    char lastTyped = clean.charAt(clean.length() - 1);
    boolean endsOpen = !Character.isWhitespace(lastTyped) && lastTyped != '"';

    List<String> cliWords = new ArrayList<>();
    if (q.toLowerCase(Locale.ROOT).startsWith("az ")) {
      for (String w : q.substring(3).trim().split(" ")) {
        if (w.startsWith("-") || w.startsWith("<") || w.startsWith("\"") || w.startsWith("'") || !w.matches("[A-Za-z0-9-]+")) {
          break;
        }
        cliWords.add(w.toLowerCase(Locale.ROOT));
      }
      if (!cliWords.isEmpty()) { // an az command is a command, not query syntax: search its path words only
        List<String> limited = limit(cliWords);
        String open = endsOpen && limited.size() == cliWords.size()
            && q.toLowerCase(Locale.ROOT).endsWith(limited.get(limited.size() - 1)) ? limited.get(limited.size() - 1) : null;
        return new UserQuery(q, String.join(" ", limited), List.of(), List.of(),
            null, null, null, null, limited, open, limited.size() < cliWords.size());
      }
      // "az !x": no command path; what follows is an ordinary query, with its bounds
      UserQuery rest = parse(q.substring(3));
      return new UserQuery(q, rest.text, rest.phrases, rest.excluded, rest.section, rest.service, rest.category,
          rest.difficulty, List.of(), rest.openWord, rest.truncated);
    }

    List<String> words = new ArrayList<>();
    List<String> phrases = new ArrayList<>();
    List<String> excluded = new ArrayList<>();
    String section = null;
    String service = null;
    String category = null;
    String difficulty = null;
    String open = null;
    int i = 0;
    int n = q.length();
    boolean truncated = false;
    while (i < n) {
      if (words.size() + excluded.size() >= MAX_WORDS) {
        truncated = !q.substring(i).isBlank();
        break;
      }
      char c = q.charAt(i);
      if (c == ' ') {
        i++;
        continue;
      }
      boolean exclude = c == '-' && i + 1 < n && q.charAt(i + 1) != ' ' && q.charAt(i + 1) != '-';
      int start = exclude ? i + 1 : i;
      String token;
      boolean quoted = false;
      if (start < n && q.charAt(start) == '"') {
        int close = q.indexOf('"', start + 1);
        if (close < 0) { // unbalanced quote: drop it, read the rest as words
          token = null;
          q = q.substring(0, start) + " " + q.substring(start + 1);
          n = q.length();
          continue;
        }
        token = q.substring(start + 1, close).strip();
        quoted = true;
        i = close + 1;
      } else {
        int end = q.indexOf(' ', start);
        end = end < 0 ? n : end;
        token = q.substring(start, end);
        i = end;
        int colon = token.indexOf(':');
        if (!exclude && colon > 0) {
          String key = token.substring(0, colon).toLowerCase(Locale.ROOT);
          String value = token.substring(colon + 1);
          if (value.startsWith("\"")) { // key:"quoted value"
            int close = q.indexOf('"', start + colon + 2);
            if (close > 0) {
              value = q.substring(start + colon + 2, close);
              i = close + 1;
            } else {
              value = value.substring(1);
            }
          }
          if (!value.isBlank()) {
            switch (key) {
              case "section" -> { section = value; continue; }
              case "service" -> { service = value; continue; }
              case "category" -> { category = value; continue; }
              case "difficulty" -> { difficulty = value.toLowerCase(Locale.ROOT); continue; }
              default -> { }
            }
          }
        }
      }
      open = null;
      if (token.isBlank()) {
        continue;
      }
      if (exclude) {
        excluded.add(token);
      } else {
        if (quoted) {
          phrases.add(token);
        }
        for (String w : token.split(" ")) {
          if (words.size() + excluded.size() < MAX_WORDS) {
            words.add(w);
            open = !quoted && i >= n && endsOpen ? w : null;
          } else {
            truncated = true;
          }
        }
      }
    }
    return new UserQuery(q, String.join(" ", words), List.copyOf(phrases), List.copyOf(excluded),
        section, service, category, difficulty, List.of(), open, truncated);
  }

  private static List<String> limit(List<String> words) {
    return List.copyOf(words.subList(0, Math.min(words.size(), MAX_WORDS)));
  }
}
