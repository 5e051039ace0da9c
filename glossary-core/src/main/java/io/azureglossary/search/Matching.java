package io.azureglossary.search;

import io.azureglossary.model.Section;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import io.azureglossary.index.Fields;
import io.azureglossary.search.internal.UserQuery;
import java.io.IOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.FixedBitSet;

/**
 * Which terms a query matches, as opposed to how they rank. The rule, tried in order until a step
 * finds a term (with the request's filters, phrases and exclusions applied):
 *
 * <ol>
 *   <li>an {@code az} command: terms mapping a command that begins with its whole path, then with
 *       one word fewer, and so on;
 *   <li>terms holding every content word (stop words aside, and words found in more than half of
 *       the terms, such as "azure", when the query has others) in their name or aliases, synonyms
 *       expanded: "key vault" matches Key Vault and Key Vault references, not every term whose text
 *       mentions a key vault;
 *   <li>terms holding enough of the content words anywhere in their text: all of one or two words,
 *       all but one of three or four, 60% (rounded up) of five or more, where a word found in the
 *       name or an alias counts twice;
 *   <li>relaxed one word at a time, down to a single word (the response says it was relaxed).
 * </ol>
 *
 * An unfinished last word counts as found where a word it begins is found; the words of a name
 * with synonyms count as found where a synonym is ("virtual network" where VNet is).
 */
final class Matching {
  /** From this many content words the requirement is a share, and name words count twice. */
  static final int MANY_WORDS = 5;
  /** The share of five or more content words a term must hold. */
  static final double SHARE = 0.6;

  private static final Analyzer WORDS = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String field) {
      Tokenizer src = new StandardTokenizer();
      return new TokenStreamComponents(src);
    }
  };

  /**
   * A word found in more than this share of the terms is common: it tells no term apart ("azure"
   * in an Azure glossary), so it is not required, like the high-frequency words of Lucene's
   * {@code CommonTermsQuery}. It still ranks.
   */
  static final double COMMON_SHARE = 0.5;

  /** One content word: where it counts as in a name (null inside one section), and where anywhere. */
  record Word(String text, Query inName, Query anywhere) {}

  /**
   * One step of the rule.
   *
   * @param filter the terms this step matches, for the {@code az} path steps; null for the word
   *     steps, which {@link #select} counts from each word's terms
   * @param relaxed whether an earlier, stricter step of the same kind found nothing
   * @param description what a term matched, for people: "every word in a name or alias", "3 of 4 words"
   */
  record Level(Query filter, boolean relaxed, String description) {}

  private final List<Word> words;
  private final List<Level> commandPaths;
  private final Section section;
  private final int required;

  private Matching(List<Word> words, List<Level> commandPaths, Section section) {
    this.words = List.copyOf(words);
    this.commandPaths = List.copyOf(commandPaths);
    this.section = section;
    this.required = required(words.size());
  }

  /** The step that requires {@code k} words: relaxed when {@code k} is below what {@link #required(int)} asks. */
  Level atLeast(int k) {
    int n = words.size();
    return new Level(null, k < required, k >= n ? (n == 1 ? "the word" : "every word") : k + " of " + n + " words");
  }

  private Level allInNames() {
    return new Level(null, false, words.size() == 1 ? "the word in a name or alias" : "every word in a name or alias");
  }

  /** The step of the rule that found terms, and the terms; the step is null when the query has no word to match. */
  record Selection(Level level, MatchSet terms) {}

  /**
   * Applies the rule: the first step that finds a term within {@code constraint} (the request's
   * filters, phrases and exclusions; null for none) wins. Each word's terms are read once, as a bit
   * set per segment, and every word step is counted from them: no step runs a query of its own.
   */
  Selection select(IndexSearcher searcher, Query constraint) throws IOException {
    WordSets sets = new WordSets(searcher);
    FixedBitSet[] allowed = constraint == null ? null : sets.of(constraint);
    for (Level l : commandPaths) {
      FixedBitSet[] found = WordSets.and(sets.of(l.filter()), allowed);
      if (WordSets.count(found) > 0) {
        return new Selection(l, MatchSet.of(found));
      }
    }
    if (words.isEmpty()) {
      return null;
    }
    if (section == null) {
      FixedBitSet[] all = allowed;
      for (Word w : words) {
        all = WordSets.and(sets.of(w.inName()), all);
        if (WordSets.count(all) == 0) {
          break;
        }
      }
      if (WordSets.count(all) > 0) {
        return new Selection(allInNames(), MatchSet.of(all));
      }
    }
    // how many words each term holds, a name word counting twice from five words
    boolean doubleNames = words.size() >= MANY_WORDS && section == null;
    List<FixedBitSet[]> counted = new ArrayList<>();
    for (Word w : words) {
      counted.add(sets.of(w.anywhere()));
      if (doubleNames) {
        counted.add(sets.of(w.inName()));
      }
    }
    byte[][] counts = sets.counts(counted, allowed);
    int most = WordSets.max(counts);
    int k = most > 0 && most < required ? most : required;
    return new Selection(atLeast(k), MatchSet.of(WordSets.atLeast(counts, k)));
  }

  /**
   * @param last the completions of an unfinished last word, or null
   * @param section when not null, words count only inside this section
   */
  static Matching of(QueryFactory qf, IndexReader reader, String text, UserQuery uq, LastWord last, Section section)
      throws IOException {
    List<Level> levels = new ArrayList<>();
    if (uq.isCli()) {
      List<String> path = uq.cliWords();
      Completions open = last == null ? Completions.NONE : last.words();
      for (int k = path.size(); k >= 1; k--) {
        levels.add(new Level(QueryFactory.cliPathPrefix(path, k, open, true), k < path.size(),
            k == path.size() ? "the command path" : "the first " + k + " of " + path.size() + " command words"));
      }
    }
    List<QueryFactory.SynonymRun> runs = uq.isCli() ? List.of() : qf.synonymRuns(text);
    List<int[]> raw = offsets(text);
    Set<String> seen = new LinkedHashSet<>();
    List<Word> words = new ArrayList<>();
    List<Word> common = new ArrayList<>();
    int commonDf = (int) (COMMON_SHARE * reader.numDocs());
    for (int i = 0; i < raw.size(); i++) {
      int[] at = raw.get(i);
      String w = text.substring(at[0], at[1]);
      if (qf.contentWords(w).isEmpty() || !seen.add(w.toLowerCase(Locale.ROOT))) {
        continue;
      }
      boolean open = i == raw.size() - 1 && last != null && !uq.isCli();
      LastWord c = open ? last : null;
      List<String> spelled = qf.spellWords(w);
      Query inName = section != null ? null : qf.wordInName(w, c);
      Query anywhere = section != null ? qf.wordInSection(w, section, c) : qf.wordAnywhere(w, spelled, c);
      for (QueryFactory.SynonymRun run : runs) { // "network" of "virtual network" is also found where VNet is
        if (run.from() <= at[0] && at[1] <= run.to()) {
          inName = inName == null ? null : or(inName, qf.runInName(run));
          anywhere = or(anywhere, qf.runAnywhere(run, section));
        }
      }
      Word word = new Word(w, inName, anywhere);
      boolean isCommon = !open && spelled.size() == 1 && reader.docFreq(new Term(Fields.SPELL, spelled.get(0))) > commonDf;
      (isCommon ? common : words).add(word);
    }
    if (words.isEmpty()) {
      words = common; // only common words: they are all there is to match
    }
    return new Matching(words, levels, section);
  }

  private static Query or(Query a, Query b) {
    return new BooleanQuery.Builder().add(a, Occur.SHOULD).add(b, Occur.SHOULD).build();
  }

  /** Start and end offsets of the words of {@code text}, as the standard tokenizer splits them. */
  private static List<int[]> offsets(String text) {
    List<int[]> out = new ArrayList<>();
    try (var ts = WORDS.tokenStream("words", text)) {
      var offsets = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(new int[] {offsets.startOffset(), offsets.endOffset()});
      }
      ts.end();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }

  /** How many of {@code n} content words a term must hold before relaxing. */
  static int required(int n) {
    return n <= 2 ? n : n < MANY_WORDS ? n - 1 : (int) Math.ceil(SHARE * n);
  }
}
