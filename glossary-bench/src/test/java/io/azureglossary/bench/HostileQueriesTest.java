package io.azureglossary.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.azureglossary.corpus.Corpus;
import io.azureglossary.search.Glossary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hostile mix is reproducible, within the query length, and every query is answered or refused cleanly. */
class HostileQueriesTest {
  private static final HostileQueries QUERIES = HostileQueries.of(Corpus.bundled());

  @Test
  void sameSeed_sameQueries_everyKind_withinTheLengthLimit() {
    Map<HostileQueries.Kind, List<HostileQueries.Query>> a = QUERIES.generate(30, 42);
    assertEquals(a, QUERIES.generate(30, 42));
    assertEquals(HostileQueries.Kind.values().length, a.size());
    for (List<HostileQueries.Query> qs : a.values()) {
      assertEquals(30, qs.size());
      for (HostileQueries.Query q : qs) {
        assertFalse(q.text().isEmpty(), q.kind().name());
        assertTrue(q.text().length() <= HostileQueries.MAX_LENGTH, q.kind() + ": " + q.text().length());
        assertFalse(Character.isHighSurrogate(q.text().charAt(q.text().length() - 1)) && q.kind() != HostileQueries.Kind.RESERVED_CHARS,
            "no pair is cut in half at the limit: " + q.kind());
      }
    }
    assertTrue(a.get(HostileQueries.Kind.QUOTED_ALIASES).stream().allMatch(q -> q.text().startsWith("\"")));
    assertTrue(a.get(HostileQueries.Kind.SECTION_SCOPE).stream().allMatch(q -> q.text().startsWith("section:")));
  }

  @Test
  void everyHostileQuery_isAnsweredOrRefusedAsInvalid() {
    try (Glossary g = Glossary.bundled()) {
      for (List<HostileQueries.Query> qs : QUERIES.generate(20, 7).values()) {
        for (HostileQueries.Query q : qs) {
          HostileBenchmark.search(g, q.text()); // any exception but InvalidQueryException fails, naming the query
          HostileBenchmark.suggest(g, q.text());
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
