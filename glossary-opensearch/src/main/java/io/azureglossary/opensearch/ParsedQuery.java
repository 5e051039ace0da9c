package io.azureglossary.opensearch;

import io.azureglossary.search.InvalidQueryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A user's query read by the engine's rules (the core's {@code UserQuery}, which is not public):
 * control characters become spaces, at most {@value #MAX_LENGTH} characters and {@value #MAX_WORDS}
 * words and exclusions, unbalanced quotes dropped; {@code "phrases"}, {@code -exclusions},
 * {@code section:}, {@code service:}, {@code category:} and {@code difficulty:} scopes; an
 * {@code az} command read as a command path; the last word open when the query does not end in a
 * space or a closing quote. {@code ParsedQueryTest} holds it to the engine's answers.
 */
record ParsedQuery(String raw, String text, List<String> phrases, List<String> excluded, String section,
    String service, String category, String difficulty, List<String> cliWords, String openWord, boolean truncated) {
  static final int MAX_LENGTH = 1000;
  static final int MAX_WORDS = 32;

  boolean isCli() {
    return !cliWords.isEmpty();
  }

  static ParsedQuery parse(String input) {
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
    char lastTyped = clean.charAt(clean.length() - 1);
    boolean endsOpen = !Character.isWhitespace(lastTyped) && lastTyped != '"';
    if (q.toLowerCase(Locale.ROOT).startsWith("az ")) {
      List<String> cli = new ArrayList<>();
      for (String w : q.substring(3).trim().split(" ")) {
        if (w.startsWith("-") || w.startsWith("<") || w.startsWith("\"") || w.startsWith("'") || !w.matches("[A-Za-z0-9-]+")) {
          break;
        }
        cli.add(w.toLowerCase(Locale.ROOT));
      }
      if (!cli.isEmpty()) {
        List<String> limited = List.copyOf(cli.subList(0, Math.min(cli.size(), MAX_WORDS)));
        String open = endsOpen && limited.size() == cli.size()
            && q.toLowerCase(Locale.ROOT).endsWith(limited.get(limited.size() - 1)) ? limited.get(limited.size() - 1) : null;
        return new ParsedQuery(q, String.join(" ", limited), List.of(), List.of(), null, null, null, null, limited, open,
            limited.size() < cli.size());
      }
      ParsedQuery rest = parse(q.substring(3));
      return new ParsedQuery(q, rest.text, rest.phrases, rest.excluded, rest.section, rest.service, rest.category,
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
        if (close < 0) {
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
          if (value.startsWith("\"")) {
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
    return new ParsedQuery(q, String.join(" ", words), List.copyOf(phrases), List.copyOf(excluded), section, service,
        category, difficulty, List.of(), open, truncated);
  }
}
