package io.azureglossary.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.azureglossary.analysis.GlossaryAnalysis;
import io.azureglossary.corpus.Corpus;
import io.azureglossary.index.Fields;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The query factory analyses a text once per search and copies the query to other fields exactly. */
class QueryFactoryTest {
  private static GlossaryAnalysis analysis;

  private static final List<String> TEXTS = List.of("SHIR", "key vault soft delete", "VNet peering",
      "how do I connect my on-premises network to azure", "azure ad connect", "ADH", "self-hosted IR offline",
      "virtual network service endpoint", "the", "AKS node pool autoscale", "private-endpoint dns");

  @BeforeAll
  static void analysis() {
    analysis = GlossaryAnalysis.forTerms(Corpus.bundled().terms());
  }

  @Test
  void queryMovedToAnotherFieldEqualsTheOneBuiltThere() {
    for (Analyzer a : List.of(analysis.proseQuery(), analysis.exactQuery(), analysis.exactQueryNoSynonyms(),
        analysis.proseQueryNoSynonyms())) {
      QueryBuilder b = new QueryBuilder(a);
      b.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
      for (String text : TEXTS) {
        for (int slop : new int[] {-1, 0, 3}) {
          Query there = build(b, Fields.NAME_TEXT, text, slop);
          Query here = build(b, Fields.BODY, text, slop);
          if (here == null) {
            continue; // a stop word: no query in any field
          }
          Query moved = QueryFactory.withField(here, Fields.NAME_TEXT);
          assertNotNull(moved, here.getClass() + " " + here);
          assertEquals(there, moved, text + " slop " + slop);
        }
      }
    }
  }

  @Test
  void oneSearchAnalysesEachTextOncePerAnalyzer() {
    QueryFactory qf = new QueryFactory(analysis);
    assertSame(qf.contentWords("key vault soft delete"), qf.contentWords("key vault soft delete"));
    assertSame(qf.spellWords("key vault"), qf.spellWords("key vault"));
  }

  @Test
  void typoFallback_eachWordOnce_atMostEightWords() {
    QueryFactory qf = new QueryFactory(analysis);
    List<String> repeated = java.util.Collections.nCopies(12, "vnet");
    assertEquals(3, ((org.apache.lucene.search.BooleanQuery) qf.fuzzy(repeated)).clauses().size(), "one word, three fields");
    List<String> many = java.util.stream.IntStream.range(0, 20).mapToObj(i -> "word" + (char) ('a' + i)).toList();
    assertEquals(QueryFactory.MAX_FUZZY_WORDS * 3,
        ((org.apache.lucene.search.BooleanQuery) qf.fuzzy(many)).clauses().size());
  }

  private static Query build(QueryBuilder b, String field, String text, int slop) {
    return slop < 0 ? b.createBooleanQuery(field, text) : b.createPhraseQuery(field, text, slop);
  }
}
