package io.azureglossary.search;

import io.azureglossary.analysis.GlossaryAnalysis;
import io.azureglossary.index.Fields;
import io.azureglossary.model.Section;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Builds the Lucene query of a parsed user query. The ranking, as boosts:
 *
 * <ol>
 *   <li>the whole query is exactly a term's name (x{@value #EXACT_NAME}) or alias (x{@value #EXACT_ALIAS});
 *   <li>words in the name (x{@value #NAME}) and aliases (x{@value #ALIAS}), synonyms expanded;
 *   <li>an {@code az} command path found in a term's mapped commands (x{@value #CLI});
 *   <li>words in the sections, weighted by section (definition highest), stemmed, synonyms expanded;
 *   <li>the words close together (phrase with slop) in the name or the definition.
 * </ol>
 *
 * Multi-word synonyms become graph queries: {@code VNet} searches the phrase "virtual network".
 */
final class QueryFactory {
  static final float EXACT_NAME = 40f;
  static final float EXACT_ALIAS = 25f;
  static final float NAME = 5f;
  static final float ALIAS = 3.5f;
  static final float CLI = 12f;
  static final float SERVICE = 0.8f;
  static final float PROXIMITY = 1.5f;
  static final int PROXIMITY_SLOP = 3;

  /** Section weights: where a word appears says how central it is to the term. */
  static final Map<Section, Float> SECTION_WEIGHTS = new EnumMap<>(Section.class);

  static {
    SECTION_WEIGHTS.put(Section.DEFINITION, 2.5f);
    SECTION_WEIGHTS.put(Section.TECHNICAL_CONTEXT, 1.0f);
    SECTION_WEIGHTS.put(Section.WHY_IT_MATTERS, 0.8f);
    SECTION_WEIGHTS.put(Section.WHERE_YOU_SEE_IT, 0.9f);
    SECTION_WEIGHTS.put(Section.WHEN_RELEVANT, 1.2f);
    SECTION_WEIGHTS.put(Section.ARCHITECTURE, 0.7f);
    SECTION_WEIGHTS.put(Section.SECURITY, 0.8f);
    SECTION_WEIGHTS.put(Section.COST, 0.8f);
    SECTION_WEIGHTS.put(Section.RELIABILITY, 0.8f);
    SECTION_WEIGHTS.put(Section.PERFORMANCE, 0.8f);
    SECTION_WEIGHTS.put(Section.OPERATIONS, 0.8f);
    SECTION_WEIGHTS.put(Section.COMMON_MISTAKES, 1.2f);
    SECTION_WEIGHTS.put(Section.CASE_STUDIES, 0.3f);
    SECTION_WEIGHTS.put(Section.CLI, 1.0f);
  }

  private final GlossaryAnalysis analysis;
  private final QueryBuilder prose;
  private final QueryBuilder exact;
  private final QueryBuilder plain;
  private final QueryBuilder cli;

  QueryFactory(GlossaryAnalysis analysis) {
    this.analysis = analysis;
    this.prose = builder(analysis.proseQuery());
    this.exact = builder(analysis.exactQuery());
    this.plain = builder(analysis.proseQueryNoSynonyms());
    this.cli = builder(analysis.cliIndex());
  }

  private static QueryBuilder builder(Analyzer a) {
    QueryBuilder b = new QueryBuilder(a);
    b.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    b.setEnableGraphQueries(true);
    return b;
  }

  /**
   * The scoring query for {@code text}: every clause optional, so more evidence scores higher.
   *
   * @param section when not null, match only this section's field
   */
  Query scoring(String text, UserQuery uq, Section section) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    if (section != null) {
      add(b, prose.createBooleanQuery(Fields.section(section), text), 1f);
      add(b, prose.createPhraseQuery(Fields.section(section), text, PROXIMITY_SLOP), PROXIMITY);
      return b.build();
    }
    String normalized = GlossaryAnalysis.normalizeExact(uq.isCli() ? uq.raw() : text);
    if (!normalized.isEmpty()) {
      b.add(new BoostQuery(new TermQuery(new Term(Fields.EXACT_NAME, normalized)), EXACT_NAME), Occur.SHOULD);
      b.add(new BoostQuery(new TermQuery(new Term(Fields.EXACT_ALIAS, normalized)), EXACT_ALIAS), Occur.SHOULD);
    }
    add(b, exact.createBooleanQuery(Fields.NAME_TEXT, text), NAME);
    add(b, exact.createBooleanQuery(Fields.ALIAS_TEXT, text), ALIAS);
    add(b, exact.createBooleanQuery(Fields.SERVICE_TEXT, text), SERVICE);
    for (var e : SECTION_WEIGHTS.entrySet()) {
      add(b, prose.createBooleanQuery(Fields.section(e.getKey()), text), e.getValue());
    }
    add(b, exact.createPhraseQuery(Fields.NAME_TEXT, text, PROXIMITY_SLOP), PROXIMITY);
    add(b, prose.createPhraseQuery(Fields.section(Section.DEFINITION), text, PROXIMITY_SLOP), PROXIMITY);
    Query cliQuery = cliPath(uq, text);
    if (cliQuery != null) {
      b.add(cliQuery, Occur.SHOULD);
    }
    return b.build();
  }

  /**
   * The command-path part: for {@code az network vnet peering create}, the phrase
   * "network vnet peering create" in a mapped command, then shorter prefixes at lower weight.
   * Without {@code az}, a hyphenated word such as {@code private-endpoint} is looked up whole.
   */
  private Query cliPath(UserQuery uq, String text) {
    if (uq.isCli()) {
      List<String> words = uq.cliWords();
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      for (int k = words.size(); k >= 1; k--) {
        PhraseQuery.Builder p = new PhraseQuery.Builder();
        for (String w : words.subList(0, k)) {
          p.add(new Term(Fields.CLI_PATH, w));
        }
        b.add(new BoostQuery(p.build(), CLI * k / words.size()), Occur.SHOULD);
      }
      return words.isEmpty() ? null : b.build();
    }
    Query q = cli.createPhraseQuery(Fields.CLI_PATH, text);
    return q == null ? null : new BoostQuery(q, CLI * 0.5f);
  }

  /** A quoted phrase, which must match somewhere: name, aliases, or the body (or the one section). */
  Query phrase(String phrase, Section section) {
    if (section != null) {
      Query q = prose.createPhraseQuery(Fields.section(section), phrase);
      return q == null ? new MatchNoDocsQuery() : q;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    add(b, exact.createPhraseQuery(Fields.NAME_TEXT, phrase), 1f);
    add(b, exact.createPhraseQuery(Fields.ALIAS_TEXT, phrase), 1f);
    add(b, prose.createPhraseQuery(Fields.BODY, phrase), 1f);
    BooleanQuery q = b.build();
    return q.clauses().isEmpty() ? new MatchNoDocsQuery() : q;
  }

  /** An excluded word or phrase, matched literally (no synonyms) anywhere in the term. */
  Query excluded(String words) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    add(b, plain.createPhraseQuery(Fields.BODY, words), 1f);
    add(b, plain.createPhraseQuery(Fields.NAME_TEXT, words), 1f);
    add(b, plain.createPhraseQuery(Fields.ALIAS_TEXT, words), 1f);
    BooleanQuery q = b.build();
    return q.clauses().isEmpty() ? null : q;
  }

  /** What the highlighter looks for in the body: the same words and synonyms, on the body field. */
  Query highlight(String text, List<String> phrases) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    add(b, prose.createBooleanQuery(Fields.BODY, text), 1f);
    for (String p : phrases) {
      add(b, prose.createPhraseQuery(Fields.BODY, p), 1f);
    }
    return b.build();
  }

  /**
   * The typo fallback: each word of four or more characters may be one edit away (two from eight
   * characters), like the peers; shorter words must match exactly.
   */
  Query fuzzy(List<String> words) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String w : words) {
      int edits = w.length() <= 3 ? 0 : w.length() <= 7 ? 1 : 2;
      for (String field : new String[] {Fields.NAME_TEXT, Fields.ALIAS_TEXT, Fields.SPELL}) {
        float boost = field.equals(Fields.SPELL) ? 1f : NAME;
        Query q = edits == 0 ? new TermQuery(new Term(field, w)) : new FuzzyQuery(new Term(field, w), edits, 1, 50, true);
        b.add(new BoostQuery(q, boost), Occur.SHOULD);
      }
    }
    return b.build();
  }

  private static void add(BooleanQuery.Builder b, Query q, float boost) {
    if (q != null) {
      b.add(boost == 1f ? q : new BoostQuery(q, boost), Occur.SHOULD);
    }
  }

  /** The words of {@code text} as the spelling field holds them. */
  List<String> spellWords(String text) {
    List<String> out = new ArrayList<>();
    try (var ts = analysis.spellIndex().tokenStream(Fields.SPELL, text)) {
      var term = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }
}
