package io.azureglossary.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.azureglossary.corpus.Corpus;
import io.azureglossary.eval.JudgedQuery;
import io.azureglossary.index.BundledIndex;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The index the build packages for {@link Glossary#bundled()} against the JSON it was built from:
 * the JSON stays the source of truth, so the packaged index must be of the corpus on the class
 * path and must answer exactly as a fresh in-memory index of it does.
 */
class BundledIndexTest {
  private static Glossary fresh;

  @BeforeAll
  static void indexInMemory() {
    fresh = Glossary.of(Corpus.bundled());
  }

  @AfterAll
  static void close() throws IOException {
    fresh.close();
  }

  private static List<JudgedQuery> judged() throws IOException {
    try (InputStream in = BundledIndexTest.class.getClassLoader().getResourceAsStream("glossary/eval/queries.tsv")) {
      return JudgedQuery.parse("queries.tsv", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** The response without its timing, which is all that may differ. */
  private static SearchResponse untimed(SearchResponse r) {
    return new SearchResponse(r.query(), r.total(), 0, r.results(), r.facets(), r.didYouMean(), r.matching(), r.relaxed(), r.truncated());
  }

  @Test
  void packagedIndex_answersEveryJudgedQueryLikeAFreshIndexOfTheCorpus() throws IOException {
    List<JudgedQuery> queries = judged();
    assertTrue(queries.size() > 100, "judged queries: " + queries.size());
    for (JudgedQuery q : queries) {
      SearchRequest request = SearchRequest.of(q.query()).limit(10);
      assertEquals(untimed(fresh.search(request)), untimed(Glossary.bundled().search(request)), q.query());
    }
  }

  @Test
  void packagedIndex_suggestsLikeAFreshIndexOfTheCorpus() {
    for (String prefix : List.of("integ", "sh", "SHIR", "vnet", "key v", "intgr", "pls", "sas", "a")) {
      assertEquals(fresh.suggest(prefix, 10), Glossary.bundled().suggest(prefix, 10), prefix);
    }
  }

  @Test
  void packagedIndex_wasBuiltFromTheCorpusOnTheClassPath() throws IOException {
    try (Directory dir = BundledIndex.open()) {
      String packaged = SegmentInfos.readLatestCommit(dir).getUserData().get(BundledIndex.CORPUS_HASH_KEY);
      assertEquals(BundledIndex.corpusHash(Corpus.bundled().terms()), packaged);
    }
  }

  @Test
  void bundled_holdsEveryTermOfTheCorpus() {
    assertEquals(Corpus.bundled().size(), Glossary.bundled().size());
  }
}
