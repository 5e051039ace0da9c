package io.azureglossary.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.azureglossary.corpus.Corpus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TermBuilderTest {
  private static Term.Builder required() {
    return Term.builder().id("cafe-queue").name("Café queue").service("Queue Storage").category("Storage")
        .difficulty(Difficulty.ADVANCED).lastVerified(LocalDate.of(2026, 1, 2)).definition("Definition.");
  }

  @Test
  void builder_onlyRequired_listsEmptyCliNoneRestNull() {
    Term t = required().build();
    assertEquals(List.of("cafe-queue", "Café queue", "Queue Storage", "Storage", "Definition."),
        List.of(t.id(), t.name(), t.service(), t.category(), t.definition()));
    assertEquals(Difficulty.ADVANCED, t.difficulty());
    assertEquals(LocalDate.of(2026, 1, 2), t.lastVerified());
    assertEquals(List.of(List.of(), List.of(), List.of(), List.of(), List.of(), List.of()),
        List.of(t.aliases(), t.tags(), t.whereYouSeeIt(), t.whenRelevant(), t.caseStudies(), t.commonMistakes()));
    assertEquals(Cli.NONE, t.cli());
    assertEquals(Collections.nCopies(9, null), Arrays.asList(t.source(), t.technicalContext(), t.whyItMatters(),
        t.architecture(), t.security(), t.cost(), t.reliability(), t.performance(), t.operations()));
  }

  @Test
  void build_requiredComponentUnset_throwsNullPointerNamingIt() {
    for (String missing : List.of("id", "name", "service", "category", "difficulty", "lastVerified", "definition")) {
      Term.Builder b = required();
      switch (missing) {
        case "id" -> b.id(null);
        case "name" -> b.name(null);
        case "service" -> b.service(null);
        case "category" -> b.category(null);
        case "difficulty" -> b.difficulty(null);
        case "lastVerified" -> b.lastVerified(null);
        default -> b.definition(null);
      }
      assertEquals(missing, assertThrows(NullPointerException.class, b::build).getMessage());
    }
  }

  @Test
  void build_listSetToNull_throwsNullPointer() {
    assertThrows(NullPointerException.class, () -> required().aliases(null).build());
    assertThrows(NullPointerException.class, () -> required().commonMistakes(null).build());
  }

  @Test
  void build_copiesTheLists_laterChangesDoNotReachTheTerm() {
    List<String> aliases = new ArrayList<>(List.of("CQ"));
    Term t = required().aliases(aliases).build();
    aliases.add("queue");
    assertEquals(List.of("CQ"), t.aliases());
  }

  @Test
  void toBuilder_unchanged_buildsAnEqualTerm_forEveryBundledTerm() {
    for (Term t : Corpus.bundled().terms()) {
      assertEquals(t, t.toBuilder().build(), t.id());
    }
  }

  @Test
  void toBuilder_changesOnlyWhatIsSet_andLeavesTheOriginalAlone() {
    Term original = Corpus.bundled().term("integration-runtime").orElseThrow();
    Term copy = original.toBuilder().id("integration-runtime-copy").aliases(List.of()).build();
    assertEquals("integration-runtime-copy", copy.id());
    assertEquals(List.of(), copy.aliases());
    assertEquals(original, copy.toBuilder().id(original.id()).aliases(original.aliases()).build());
    assertEquals("integration-runtime", original.id());
    assertNotEquals(List.of(), original.aliases());
  }
}
