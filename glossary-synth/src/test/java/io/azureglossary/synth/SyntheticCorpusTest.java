package io.azureglossary.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.azureglossary.corpus.Corpus;
import io.azureglossary.corpus.Validation;
import io.azureglossary.model.Term;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCorpusTest {
  @TempDir
  Path tmp;

  @Test
  void generate_2000Terms_loadWithoutErrorsOrWarnings() throws Exception {
    List<Term> terms = SyntheticCorpus.generate(Corpus.bundled(), 2000, 7);
    SyntheticCorpus.write(terms, tmp);

    Validation v = Corpus.validate(tmp);

    assertEquals(List.of(), v.problems());
    assertEquals(terms, v.terms());
  }

  @Test
  void generate_namesIdsAndAliasesUnique() {
    List<Term> terms = SyntheticCorpus.generate(Corpus.bundled(), 3000, 11);
    Set<String> ids = new HashSet<>();
    Set<String> labels = new HashSet<>();
    for (Term t : terms) {
      assertTrue(ids.add(t.id()), "duplicate id " + t.id());
      assertTrue(labels.add(t.name().toLowerCase(Locale.ROOT)), "duplicate name " + t.name());
      for (String a : t.aliases()) {
        assertTrue(labels.add(a.toLowerCase(Locale.ROOT)), "alias used twice: " + a);
      }
    }
    assertEquals(3000, ids.size());
  }

  @Test
  void generate_sameSeed_sameBytes() throws Exception {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    SyntheticCorpus.write(SyntheticCorpus.generate(Corpus.bundled(), 300, 5), a);
    SyntheticCorpus.write(SyntheticCorpus.generate(Corpus.bundled(), 300, 5), b);

    List<String> files = names(a.resolve("terms"));
    assertEquals(files, names(b.resolve("terms")));
    assertEquals(300, files.size());
    for (String f : files) {
      assertArrayEquals(Files.readAllBytes(a.resolve("terms").resolve(f)), Files.readAllBytes(b.resolve("terms").resolve(f)), f);
    }
  }

  @Test
  void generate_otherSeed_otherTerms() {
    List<Term> a = SyntheticCorpus.generate(Corpus.bundled(), 200, 1);
    List<Term> b = SyntheticCorpus.generate(Corpus.bundled(), 200, 2);

    assertNotEquals(a.stream().map(Term::id).toList(), b.stream().map(Term::id).toList());
  }

  @Test
  void generate_nameAppearsInDefinition() {
    for (Term t : SyntheticCorpus.generate(Corpus.bundled(), 100, 3)) {
      assertTrue(t.definition().startsWith(t.name() + " is a "), t.definition());
    }
  }

  @Test
  void generate_zeroTerms_rejected() {
    var e = assertThrows(IllegalArgumentException.class, () -> SyntheticCorpus.generate(Corpus.bundled(), 0, 1));
    assertEquals("n must be at least 1 (got 0)", e.getMessage());
  }

  @Test
  void write_realCorpus_readsBackEqual() throws Exception {
    SyntheticCorpus.write(Corpus.bundled().terms(), tmp);

    Corpus reread = Corpus.load(tmp);

    assertEquals(Corpus.bundled().terms(), reread.terms());
  }

  @Test
  void json_fieldsInSchemaOrder() {
    String json = new String(SyntheticCorpus.json(Corpus.bundled().term("subnet").orElseThrow()), java.nio.charset.StandardCharsets.UTF_8);
    List<String> order = List.of("\"id\"", "\"name\"", "\"aliases\"", "\"service\"", "\"category\"", "\"tags\"",
        "\"difficulty\"", "\"lastVerified\"", "\"source\"", "\"definition\"", "\"technicalContext\"",
        "\"whyItMatters\"", "\"whereYouSeeIt\"", "\"whenRelevant\"", "\"cli\"", "\"architecture\"",
        "\"security\"", "\"cost\"", "\"reliability\"", "\"performance\"", "\"operations\"", "\"commonMistakes\"");
    int last = -1;
    for (String key : order) {
      int at = json.indexOf("\n  " + key + ": ");
      assertTrue(at > last, key + " out of order or missing");
      last = at;
    }
    assertTrue(json.endsWith("}\n"));
  }

  @Test
  void slug_examples() {
    assertEquals("azure-arc-enabled-server", SyntheticCorpus.slug("Azure Arc-enabled server"));
    assertEquals("app-service-plan-2", SyntheticCorpus.slug(" App Service plan (2) "));
  }

  private static List<String> names(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
