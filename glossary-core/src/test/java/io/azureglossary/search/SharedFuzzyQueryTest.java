package io.azureglossary.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.AttributeSource;
import org.junit.jupiter.api.Test;

/** The fuzzy queries of one word in several fields build its automata once and match what FuzzyQuery matches. */
class SharedFuzzyQueryTest {
  private static final List<String> WORDS = List.of("integration", "integrity", "migration", "runtime", "routing",
      "integral", "interaction", "irrigation", "integrations", "vnet");

  @Test
  void sameWordInThreeFields_buildsItsAutomataOnce_andRewritesAsFuzzyQueryDoes() throws Exception {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
        for (int i = 0; i < WORDS.size(); i++) { // two segments: automata are shared across them too
          Document d = new Document();
          for (String field : List.of("a", "b", "c")) {
            d.add(new TextField(field, WORDS.get(i) + " " + WORDS.get((i + 3) % WORDS.size()), Field.Store.NO));
          }
          w.addDocument(d);
          if (i == 4) {
            w.commit();
          }
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        AttributeSource shared = new AttributeSource();
        assertNull(SharedFuzzyQuery.automata(shared));
        for (String field : List.of("a", "b", "c")) {
          SharedFuzzyQuery q = new SharedFuzzyQuery(new Term(field, "integartion"), 2, shared);
          assertEquals(searcher.rewrite(new FuzzyQuery(new Term(field, "integartion"), 2, 1, 50, true)),
              searcher.rewrite(q), field);
        }
        var built = SharedFuzzyQuery.automata(shared);
        assertNotNull(built, "the first field's automata are kept (Lucene's FuzzyTermsEnum attribute was found)");

        AttributeSource another = new AttributeSource();
        new SharedFuzzyQuery(new Term("b", "integartion"), 2, shared).getTermsEnum(MultiTerms.getTerms(reader, "b"), another);
        assertSame(built, SharedFuzzyQuery.automata(another), "a later field reuses the same automata");
      }
    }
  }
}
