package io.azureglossary.cli;

import static io.azureglossary.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.azureglossary.cli.CliTest.Run;
import io.azureglossary.corpus.Corpus;
import io.azureglossary.corpus.TermJson;
import io.azureglossary.model.CaseStudy;
import io.azureglossary.model.CliCommand;
import io.azureglossary.model.Term;
import io.azureglossary.synth.SyntheticCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code glossary show ID}: a term's whole entry, as text in the published order or as its corpus JSON. */
class ShowCommandTest {
  private static final Term IR = Corpus.bundled().term("integration-runtime").orElseThrow();

  /** The headings of a published page (the integration runtime seed page), in its order. */
  private static final List<String> PUBLISHED_ORDER = List.of("Technical context", "Why it matters",
      "Where you see it", "When this becomes relevant", "Real-world case studies", "CLI use cases",
      "Mapped Azure CLI commands", "Architecture context", "Security", "Cost", "Reliability", "Performance",
      "Operations", "Common mistakes");

  @Test
  void show_text_headerThenEverySectionInThePublishedOrder() {
    Run r = run("show", "integration-runtime");
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(List.of("Integration runtime  [integration-runtime]", "Data Factory · Analytics · intermediate", "",
        IR.definition(), "", "Aliases: " + String.join(", ", IR.aliases()), "Last verified: 2026-06-03",
        "Source: " + IR.source().title() + ", 2026-06-03", "  " + IR.source().url()), lines.subList(0, 9));
    List<Integer> at = new ArrayList<>();
    for (String heading : PUBLISHED_ORDER) {
      int i = lines.indexOf(heading);
      assertTrue(i > 0, "no heading " + heading + " in\n" + r.out());
      assertEquals("", lines.get(i - 1), "a blank line before " + heading);
      at.add(i);
    }
    assertEquals(at.stream().sorted().toList(), at, "headings in the published order: " + PUBLISHED_ORDER);
    assertEquals(IR.technicalContext(), lines.get(lines.indexOf("Technical context") + 1));
    assertEquals(IR.commonMistakes().stream().map(m -> "  • " + m).toList(),
        lines.subList(lines.indexOf("Common mistakes") + 1, lines.size()));
  }

  @Test
  void show_text_listsEveryCommandWithItsKind_andEveryCaseStudyWithItsParts() {
    String out = run("show", "integration-runtime").out();
    List<String> lines = out.lines().toList();
    int commands = lines.indexOf("Mapped Azure CLI commands");
    List<String> expected = new ArrayList<>();
    for (CliCommand c : IR.cli().commands()) {
      expected.add("  • " + c.command() + "  (" + c.kind().label() + ")");
    }
    assertEquals(expected, lines.subList(commands + 1, commands + 1 + expected.size()));
    assertEquals(2, IR.caseStudies().size());
    int from = lines.indexOf("Real-world case studies");
    for (int n = 0; n < IR.caseStudies().size(); n++) {
      CaseStudy c = IR.caseStudies().get(n);
      List<String> study = new ArrayList<>(List.of("", "Case study " + (n + 1) + ": " + c.title(), "Scenario",
          c.scenario(), "Business/Technical Objectives"));
      c.objectives().forEach(o -> study.add("  • " + o));
      study.addAll(List.of("Solution Using Integration runtime", c.solution(), "Results & Business Impact"));
      c.results().forEach(o -> study.add("  • " + o));
      study.addAll(List.of("Key Takeaway for Glossary Readers", c.takeaway()));
      assertEquals(study, lines.subList(from + 1, from + 1 + study.size()));
      from += study.size();
    }
    assertEquals(List.of("", "CLI use cases"), lines.subList(from + 1, from + 3), "after the last case study");
  }

  @Test
  void show_text_termWithoutOptionalParts_leavesTheirHeadingsOut(@TempDir Path dir) throws Exception {
    Term bare = IR.toBuilder().id("bare-runtime").aliases(List.of()).source(null).caseStudies(List.of())
        .cli(null).architecture(null).build();
    SyntheticCorpus.write(List.of(bare), dir);
    Run r = run("show", "--corpus", dir.toString(), "bare-runtime");
    assertEquals(0, r.code(), r.err());
    for (String absent : List.of("Real-world case studies", "CLI use cases", "Mapped Azure CLI commands",
        "Architecture context")) {
      assertTrue(r.out().lines().noneMatch(absent::equals), absent + " in\n" + r.out());
    }
    assertTrue(r.out().lines().noneMatch(l -> l.startsWith("Aliases:") || l.startsWith("Source:")), r.out());
    assertTrue(r.out().lines().anyMatch("Security"::equals), r.out());
  }

  @Test
  void show_json_isTheCorpusFile_andReadsBackAsTheBundledTerm(@TempDir Path dir) throws Exception {
    Run r = run("show", "--json", "integration-runtime");
    assertEquals(0, r.code(), r.err());
    assertEquals(TermJson.write(IR), r.out());
    Files.createDirectories(dir.resolve("terms"));
    Files.writeString(dir.resolve("terms/integration-runtime.json"), r.out());
    assertEquals(List.of(IR), Corpus.load(dir).terms(), "a corpus file the loader takes as the same term");
  }

  @Test
  void show_unknownId_oneLineNamingTheClosestId_exit1() {
    Run r = run("show", "integration-runtim");
    assertEquals(1, r.code());
    assertEquals("", r.out());
    assertEquals("glossary: no term 'integration-runtim' (did you mean 'integration-runtime'?)\n", r.err());
  }

  @Test
  void show_unknownIdNothingIsClose_oneLine_exit1() {
    Run r = run("show", "--json", "qqqqqqqq");
    assertEquals(1, r.code());
    assertEquals("", r.out());
    assertEquals("glossary: no term 'qqqqqqqq'\n", r.err());
  }

  @Test
  void show_help_documentsTheExitCodes() {
    Run r = run("show", "--help");
    assertEquals(0, r.code());
    assertTrue(r.out().startsWith("Usage: glossary show "), r.out());
    assertTrue(r.out().contains("1   no term has this id"), r.out());
    assertTrue(r.out().contains("--index=DIR"), r.out());
  }

  @Test
  void show_indexAfterReindex_printsWhatTheBundledGlossaryPrints_andFollowsTheNextReindex(@TempDir Path dir)
      throws Exception {
    Path corpus = dir.resolve("corpus");
    Path index = dir.resolve("index");
    SyntheticCorpus.write(Corpus.bundled().terms(), corpus);
    Run reindex = run("reindex", "--quiet", "--corpus", corpus.toString(), "--index", index.toString());
    assertEquals(0, reindex.code(), reindex.err());

    Run fromIndex = run("show", "--index", index.toString(), "integration-runtime");
    assertEquals(0, fromIndex.code(), fromIndex.err());
    assertEquals(run("show", "integration-runtime").out(), fromIndex.out());
    assertEquals(TermJson.write(IR), run("show", "--json", "--index", index.toString(), "integration-runtime").out());

    Term verified = IR.toBuilder().lastVerified(IR.lastVerified().plusDays(30)).build();
    Files.writeString(corpus.resolve("terms/integration-runtime.json"), TermJson.write(verified));
    reindex = run("reindex", "--quiet", "--corpus", corpus.toString(), "--index", index.toString());
    assertTrue(reindex.out().contains("0 added, 1 updated, 0 deleted"), reindex.out());
    assertTrue(run("show", "--index", index.toString(), "integration-runtime").out().lines()
        .anyMatch(("Last verified: " + verified.lastVerified())::equals));
  }
}
