package io.azureglossary.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.azureglossary.index.Fields;
import io.azureglossary.search.internal.UserQuery;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * Queries as a search box sends them, keystroke by keystroke: the last word may be unfinished, and
 * {@code total} and the facets count the terms that really match.
 */
class AsYouTypeSearchTest {
  private final Glossary glossary = Glossary.bundled();

  private SearchResponse search(String query) {
    return glossary.search(SearchRequest.of(query).highlight(false));
  }

  private String first(String query) {
    List<Hit> hits = search(query).results();
    assertFalse(hits.isEmpty(), "no results for " + query);
    return hits.get(0).id();
  }

  @Test
  void unfinishedLastWord_completesAMultiWordName() {
    assertEquals("vnet-integration", first("vnet integ"));
    assertEquals("recovery-services-vault", first("recovery services va"));
    assertEquals("integration-runtime", first("self-hosted integration ru"));
  }

  @Test
  void unfinishedWordThatIsAlsoAWholeWord_ranksTheTermItCompletesFirst() {
    // "key" and "event" are whole words in many terms' text; typed on, they lead to one term
    assertEquals("key-vault", first("key va"));
    assertEquals("front-door", first("front do"));
  }

  @Test
  void unfinishedLastWord_isNotCorrectedIntoAnotherWord() {
    SearchResponse typing = search("vnet integ");
    assertNull(typing.didYouMean(), "an unfinished word is not a typo");
    SearchResponse whole = glossary.search(SearchRequest.of("vnet integ").highlight(false).prefixLast(false));
    assertNotEquals(null, whole.didYouMean(), "read as a whole word, 'integ' is a typo to correct");
  }

  @Test
  void misspeltLastWord_withNoCompletions_isStillCorrected() {
    SearchResponse r = search("expressroute circut");
    assertEquals("expressroute circuit", r.didYouMean());
    assertEquals("expressroute-circuit", r.results().get(0).id());
  }

  @Test
  void trailingSpaceOrClosingQuote_finishesTheLastWord() {
    assertEquals("integ", UserQuery.parse("vnet integ").openWord());
    assertNull(UserQuery.parse("vnet integ ").openWord());
    assertNull(UserQuery.parse("\"vnet integ\"").openWord());
    assertNull(UserQuery.parse("vnet -integ").openWord());
    assertNull(UserQuery.parse("vnet section:security").openWord());
    assertEquals("pee", UserQuery.parse("az network vnet pee").openWord());
    // a finished word is a word: "integ " is corrected like any unknown word
    assertNotEquals(null, search("vnet integ ").didYouMean());
  }

  @Test
  void unfinishedCommandWord_completesTheAzPath() {
    SearchResponse r = search("az network vnet peer");
    assertEquals("vnet-peering", r.results().get(0).id());
    assertEquals("the command path", r.matching());
  }

  @Test
  void oneLetterWord_expandsToABoundedNumberOfCompletions() throws IOException {
    try (var dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new KeywordAnalyzer()))) {
        for (int i = 0; i < 10_000; i++) {
          Document d = new Document();
          d.add(new StringField(Fields.SPELL, "a" + i, Field.Store.NO));
          if (i % 100 == 7) { // a few words are frequent
            for (int k = 0; k < 5; k++) {
              w.addDocument(d);
            }
          }
          w.addDocument(d);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        Completions c = Completions.of(reader, Fields.SPELL, "a");
        assertEquals(Completions.MAX, c.words().size());
        // the frequent words among those read come first, then the rest in order
        assertEquals("a1007", c.words().get(0));
        assertFalse(c.whole());
      }
    }
  }

  @Test
  void total_countsTheMatches_notEveryTermSharingAWord() {
    SearchResponse question = search("how do I keep secrets out of app settings");
    assertTrue(question.total() < glossary.size() / 2, "a question matched " + question.total() + " terms");
    SearchResponse name = search("key vault");
    assertTrue(name.total() <= 10, "a name matched " + name.total() + " terms");
    assertEquals("every word in a name or alias", name.matching());
    assertFalse(name.relaxed());
  }

  @Test
  void totalAndFacets_countTheSameTerms() {
    for (String q : List.of("key vault", "how do I keep secrets out of app settings", "vnet integ",
        "az network vnet peering create", "cosmos 429 errors on one tenant", "virtal netwrok")) {
      SearchResponse r = search(q);
      int byCategory = r.facets().category().values().stream().mapToInt(Integer::intValue).sum();
      int byService = r.facets().service().values().stream().mapToInt(Integer::intValue).sum();
      assertEquals(r.total(), byCategory, q);
      assertEquals(r.total(), byService, q);
      // and a limit as large as the total returns exactly the counted terms
      SearchResponse all = glossary.search(SearchRequest.of(q).highlight(false).limit(Math.max(1, r.total())));
      assertEquals(r.total(), all.results().size(), q);
    }
  }

  @Test
  void wordsNoTermHoldsTogether_relaxStepByStep_andSaySo() {
    // every word is in some term, but no term holds all three
    SearchResponse r = search("hdinsight firmware parquet");
    assertTrue(r.total() > 0);
    assertTrue(r.relaxed(), r.toString());
    assertEquals("1 of 3 words", r.matching());
  }

  @Test
  void filters_applyBeforeTheRuleIsRelaxed() {
    SearchResponse all = search("key vault");
    SearchResponse networking = glossary.search(SearchRequest.of("key vault").category("Networking").highlight(false));
    assertTrue(networking.total() > 0, "the rule relaxes within the filter rather than finding nothing");
    assertTrue(networking.results().stream().noneMatch(h -> h.id().equals("key-vault")));
    assertTrue(all.total() > 0);
  }
}
