package io.azureglossary.opensearch;

import io.azureglossary.analysis.GlossaryAnalysis;
import io.azureglossary.model.Term;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.CharacterUtils;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The engine's analysis chains rebuilt in Lucene from the two things the cluster's settings carry
 * ({@link GlossaryAnalysis#stopWords()} and the case-aware acronyms), so that this side can do what
 * the engine does before it queries: count content words, cut word pairs, write synonym rules.
 * The index settings ({@link IndexDefinition}) declare the same chains for OpenSearch, filter for
 * filter. Immutable and thread-safe.
 */
final class LocalAnalysis {
  /**
   * What a case-aware acronym typed in capitals becomes in the cluster's query chains until the
   * synonym rules have run ("PIP" becomes {@code xacronymxpip}): a word no text holds.
   */
  static final String ACRONYM_MARKER = "xacronymx";

  private final Set<String> acronyms;
  private final CharArraySet stop;
  /** Standard tokens, acronym-aware lower case, folding, possessives, stop words: the synonym rules' side. */
  private final Analyzer rule;
  /** The rule chain, then lower case: a name or alias field's words as a query reads them, without synonyms. */
  private final Analyzer exactPlain;
  /** The same with KStem: the prose fields' words as a query reads them, without synonyms. */
  private final Analyzer prosePlain;
  /** Standard tokens, lower case, folding: every word as written (the spelling field). */
  private final Analyzer spell;

  LocalAnalysis(Set<String> acronyms) {
    this.acronyms = Set.copyOf(acronyms);
    this.stop = CharArraySet.unmodifiableSet(new CharArraySet(GlossaryAnalysis.stopWords(), false));
    this.rule = chain(false, false);
    this.exactPlain = chain(true, false);
    this.prosePlain = chain(true, true);
    this.spell = new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer src = new StandardTokenizer();
        return new TokenStreamComponents(src, new ASCIIFoldingFilter(new LowerCaseFilter(src)));
      }
    };
  }

  private Analyzer chain(boolean lower, boolean stem) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer src = new StandardTokenizer();
        TokenStream ts = new AcronymCase(src, acronyms);
        ts = new StopFilter(new EnglishPossessiveFilter(new ASCIIFoldingFilter(ts)), stop);
        if (lower) {
          ts = new LowerCaseFilter(ts);
        }
        if (stem) {
          ts = new KStemFilter(ts);
        }
        return new TokenStreamComponents(src, ts);
      }
    };
  }

  Set<String> acronyms() {
    return acronyms;
  }

  /** The content words of a text as the name fields read them: no stop words. */
  List<String> contentWords(String text) {
    return tokens(exactPlain, text);
  }

  /** The words of a text as the prose fields read them: stemmed, no stop words. */
  List<String> proseWords(String text) {
    return tokens(prosePlain, text);
  }

  /** The words of a text as the spelling field holds them. */
  List<String> spellWords(String text) {
    return tokens(spell, text);
  }

  /**
   * The synonym rules of a corpus, as the engine builds its synonym map: every alias maps to its
   * term's name, and the name to every alias unless the alias is a case-aware acronym; each side
   * analyzed by the rule chain (so an acronym in capitals stays in capitals), the original kept.
   * One rule per input, in the Solr format OpenSearch's {@code synonym_graph} reads:
   * {@code input => input, output, ...}.
   */
  List<String> synonymRules(List<Term> terms) {
    Map<String, Set<String>> outputs = new LinkedHashMap<>();
    for (Term t : terms) {
      String name = ruleSide(t.name());
      if (name == null) {
        continue;
      }
      Set<String> seen = new LinkedHashSet<>();
      seen.add(name);
      for (String alias : t.aliases()) {
        String a = ruleSide(alias);
        if (a == null || !seen.add(a)) {
          continue;
        }
        outputs.computeIfAbsent(a, k -> new LinkedHashSet<>()).add(name);
        if (!acronyms.contains(alias)) {
          outputs.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(a);
        }
      }
    }
    List<String> rules = new ArrayList<>(outputs.size());
    outputs.forEach((in, outs) -> {
      StringBuilder sb = new StringBuilder(in).append(" => ").append(in);
      for (String o : outs) {
        if (!o.equals(in)) {
          sb.append(", ").append(o);
        }
      }
      rules.add(sb.toString());
    });
    return rules;
  }

  /** A name or alias as a rule side: its tokens joined by spaces, escaped for the Solr format; null when none is left. */
  private String ruleSide(String text) {
    List<String> words = tokens(rule, text);
    if (words.isEmpty()) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (String w : words) {
      if (!sb.isEmpty()) {
        sb.append(' ');
      }
      if (acronyms.contains(w)) {
        w = ACRONYM_MARKER + w.toLowerCase(java.util.Locale.ROOT);
      }
      for (int i = 0; i < w.length(); i++) {
        char c = w.charAt(i);
        if (c == ',' || c == '\\' || c == '=' || c == '>' || c == '#') {
          sb.append('\\');
        }
        sb.append(c);
      }
    }
    return sb.toString();
  }

  static List<String> tokens(Analyzer analyzer, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("f", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Lower-cases every token but the case-aware acronyms written in capitals (the engine's AcronymCaseFilter). */
  private static final class AcronymCase extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final Set<String> keep;

    AcronymCase(TokenStream in, Set<String> keep) {
      super(in);
      this.keep = keep;
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      if (!keep.contains(term.toString())) {
        CharacterUtils.toLowerCase(term.buffer(), 0, term.length());
      }
      return true;
    }
  }
}
