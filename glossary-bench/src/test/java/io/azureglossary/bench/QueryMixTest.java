package io.azureglossary.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.azureglossary.corpus.Corpus;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryMixTest {
  @Test
  void bundled_everyKindHasQueries() {
    QueryMix mix = QueryMix.bundled();
    int sum = 0;
    for (QueryKind k : QueryKind.values()) {
      assertFalse(mix.queries(k).isEmpty(), k.label());
      if (k != QueryKind.MIX) {
        sum += mix.queries(k).size();
      }
    }
    assertEquals(sum, mix.queries(QueryKind.MIX).size());
  }

  @Test
  void parse_splitsAliasesAndAddsCategoryFilter() {
    String tsv = """
        # comment
        Key Vault\tkey-vault\tname
        SHIR\tintegration-runtime\talias
        self-hosted integration runtime\tintegration-runtime\talias
        az keyvault secret set\tkey-vault-secret\tcli
        why is my vnet slow\tvirtual-network\tsymptom
        """;
    QueryMix mix = QueryMix.parse(tsv, Corpus.bundled());
    assertEquals(List.of(new QueryMix.Query("Key Vault", null)), mix.queries(QueryKind.NAME));
    assertEquals(List.of(new QueryMix.Query("SHIR", null)), mix.queries(QueryKind.ACRONYM));
    assertEquals(List.of(new QueryMix.Query("self-hosted integration runtime", null)), mix.queries(QueryKind.ALIAS));
    String category = Corpus.bundled().term("key-vault").orElseThrow().category();
    assertEquals(List.of(new QueryMix.Query("Key Vault", category)), mix.queries(QueryKind.CATEGORY));
    assertEquals(category, mix.queries(QueryKind.CATEGORY).get(0).request(true).category());
    assertTrue(mix.queries(QueryKind.TYPO).isEmpty());
    assertEquals(5, mix.queries(QueryKind.MIX).size());
  }

  @Test
  void parse_lineWithoutThreeColumns_namesTheLine() {
    var e = assertThrows(IllegalArgumentException.class, () -> QueryMix.parse("a\tb\tname\nbroken line\n", Corpus.bundled()));
    assertTrue(e.getMessage().startsWith(QueryMix.RESOURCE + ":2: "), e.getMessage());
  }
}
