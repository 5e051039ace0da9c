package io.azureglossary.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.azureglossary.corpus.Corpus;
import io.azureglossary.model.Difficulty;
import io.azureglossary.model.Term;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PlainPrefixBaselineTest {
  private static PlainPrefixBaseline baseline;

  private static Term term(String id, String name, String... aliases) {
    return Term.builder().id(id).name(name).aliases(List.of(aliases)).service("Service").category("Storage")
        .difficulty(Difficulty.ADVANCED).lastVerified(LocalDate.of(2026, 1, 2)).definition("Definition.")
        .technicalContext("Context.").whyItMatters("Matters.").whereYouSeeIt(List.of("Portal."))
        .whenRelevant(List.of("Bursts.")).security("Security.").cost("Cost.").reliability("Reliability.")
        .performance("Performance.").operations("Operations.").commonMistakes(List.of("Mistake.")).build();
  }

  @BeforeAll
  static void index() {
    baseline = PlainPrefixBaseline.of(Corpus.of("test", List.of(
        term("integration-runtime", "Integration runtime", "SHIR", "self-hosted integration runtime"),
        term("shared-access-signature", "Shared access signature", "SAS"),
        term("virtual-network", "Virtual network", "VNet"),
        // prose would match "network", but only names and aliases are indexed
        term("private-endpoint", "Private endpoint"))));
  }

  @AfterAll
  static void close() throws IOException {
    baseline.close();
  }

  @Test
  void twoLetterPrefixOfAlias_findsTheTerm() {
    assertEquals(List.of("virtual-network"), baseline.ids("vn", 10));
    assertEquals(List.of("integration-runtime", "shared-access-signature"),
        baseline.ids("sh", 10).stream().sorted().toList());
  }

  @Test
  void multiWordPrefix_findsTheTerm() {
    assertEquals(List.of("virtual-network"), baseline.ids("Virtual net", 10));
    assertEquals(List.of("integration-runtime"), baseline.ids("self-hosted integ", 10));
  }

  @Test
  void multiWordPrefix_everyWordButTheLastMustMatchWhole() {
    assertEquals(List.of(), baseline.ids("virt net", 10));
    assertEquals(List.of(), baseline.ids("virtual in", 10));
  }

  @Test
  void prefixWithoutWords_findsNothing() {
    assertEquals(List.of(), baseline.ids("  - ", 10));
  }

  @Test
  void limit_capsTheResults() {
    // "s" starts shir, self, shared, signature and sas: two terms
    assertEquals(List.of("integration-runtime", "shared-access-signature"),
        baseline.ids("s", 10).stream().sorted().toList());
    assertEquals(1, baseline.ids("s", 1).size());
  }
}
