package io.azureglossary.search;

import io.azureglossary.analysis.GlossaryAnalysis;
import io.azureglossary.index.Fields;
import java.util.List;
import org.apache.lucene.index.IndexReader;

/**
 * What an unfinished last word may become, read from the index: the words it begins in the text
 * (the spelling field: names, aliases and prose as written), the names and aliases the whole query
 * begins ("vnet integ" → "vnet integration"), and, for an {@code az} command, the path words.
 * Each is bounded by {@link Completions#MAX}.
 *
 * @param words completions of the last word in the text (or, in an {@code az} command, the path)
 * @param nameWords completions of the last word among the words of names
 * @param aliasWords completions of the last word among the words of aliases
 * @param names whole names that the normalized query begins, exact name excluded
 * @param aliases whole aliases that the normalized query begins, exact alias excluded
 * @param normalized the whole query as names are normalized for exact matching
 */
record LastWord(Completions words, Completions nameWords, Completions aliasWords, Completions names,
    Completions aliases, String normalized) {
  /**
   * Reads the completions of {@code open}, the last word of {@code text}, or returns null when
   * it has none or is a stop word.
   */
  static LastWord of(IndexReader reader, QueryFactory qf, String text, String open, boolean cli) {
    List<String> parts = qf.spellWords(open);
    if (parts.isEmpty() || (!cli && qf.contentWords(open).isEmpty())) {
      return null; // a stop word is read as finished: "how to" is not the start of "token"
    }
    String word = parts.get(parts.size() - 1);
    Completions words = Completions.of(reader, cli ? Fields.CLI_PATH : Fields.SPELL, cli ? open : word);
    if (words.isEmpty()) {
      return null; // every word of names and aliases is in the text field too
    }
    String normalized = GlossaryAnalysis.normalizeExact(text);
    Completions nameWords = cli ? Completions.NONE : Completions.of(reader, Fields.NAME_TEXT, word);
    Completions aliasWords = cli ? Completions.NONE : Completions.of(reader, Fields.ALIAS_TEXT, word);
    Completions names = cli ? Completions.NONE : Completions.of(reader, Fields.EXACT_NAME, normalized);
    Completions aliases = cli ? Completions.NONE : Completions.of(reader, Fields.EXACT_ALIAS, normalized);
    return new LastWord(words, nameWords, aliasWords, names, aliases, normalized);
  }
}
