package io.azureglossary.cli;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import io.azureglossary.cli.archfixture.analysis.Words;
import io.azureglossary.cli.archfixture.cli.Main;
import io.azureglossary.cli.archfixture.corpus.Reader;
import io.azureglossary.cli.archfixture.eval.Score;
import io.azureglossary.cli.archfixture.model.FindsBack;
import io.azureglossary.cli.archfixture.model.Word;
import io.azureglossary.cli.archfixture.search.Finder;
import io.azureglossary.cli.archfixture.search.Reports;
import io.azureglossary.cli.archfixture.store.CallsCli;
import io.azureglossary.cli.archfixture.store.Serves;
import io.azureglossary.cli.archfixture.synth.Copies;
import io.azureglossary.cli.archfixture.synth.Generates;
import io.azureglossary.cli.archfixture.util.Helper;
import org.junit.jupiter.api.Test;

/**
 * The packages' one-way data flow, checked on the compiled classes of every module but glossary-bench
 * (this module's tests see them all: glossary-core, glossary-index, glossary-synth and this one):
 *
 * <pre>
 * model ← corpus ← analysis ← index ← search ← store ← server ← cli
 *                                        ↖ eval ← cli        synth (model, corpus) ← cli
 *                        analysis, index, search ← opensearch ← cli
 * </pre>
 *
 * Each package may use those before it and never one after it; {@code eval} is a leaf of
 * glossary-core that may use search and what search uses, and only the CLI uses it; {@code synth}
 * uses only the model and the corpus. No package cycles. Every class is in one of these packages,
 * so a new package fails the rule until it is given its place. Each rule is also run on fixture
 * classes that break it ({@code archfixture}), so that a rule that could no longer fail would be
 * noticed.
 */
class ArchitectureTest {
  private static final String ROOT = "io.azureglossary";

  /** The main classes of glossary-core, glossary-index, glossary-synth and glossary-cli, not their tests. */
  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages(ROOT);

  /** The layers of the packages under {@code root}; every layer must hold classes unless {@code optional}. */
  static LayeredArchitecture layers(String root) {
    return layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("model").definedBy(root + ".model..")
        .layer("corpus").definedBy(root + ".corpus..")
        .layer("analysis").definedBy(root + ".analysis..")
        .layer("index").definedBy(root + ".index..")
        .layer("search").definedBy(root + ".search..")
        .layer("eval").definedBy(root + ".eval..")
        .layer("store").definedBy(root + ".store..")
        .layer("synth").definedBy(root + ".synth..")
        .layer("server").definedBy(root + ".server..")
        .layer("opensearch").definedBy(root + ".opensearch..")
        .layer("cli").definedBy(root + ".cli..")
        // each layer names who may use it: those after it in the flow
        .whereLayer("model").mayOnlyBeAccessedByLayers("corpus", "analysis", "index", "search", "eval", "store", "synth", "server", "opensearch", "cli")
        .whereLayer("corpus").mayOnlyBeAccessedByLayers("analysis", "index", "search", "eval", "store", "synth", "server", "opensearch", "cli")
        .whereLayer("analysis").mayOnlyBeAccessedByLayers("index", "search", "eval", "store", "opensearch", "cli")
        .whereLayer("index").mayOnlyBeAccessedByLayers("search", "eval", "store", "opensearch", "cli")
        .whereLayer("search").mayOnlyBeAccessedByLayers("eval", "store", "server", "opensearch", "cli")
        .whereLayer("eval").mayOnlyBeAccessedByLayers("cli")
        .whereLayer("store").mayOnlyBeAccessedByLayers("server", "cli")
        .whereLayer("synth").mayOnlyBeAccessedByLayers("cli")
        .whereLayer("server").mayOnlyBeAccessedByLayers("cli")
        .whereLayer("opensearch").mayOnlyBeAccessedByLayers("cli")
        .whereLayer("cli").mayNotBeAccessedByAnyLayer()
        .ensureAllClassesAreContainedInArchitecture();
  }

  /** No cycles between the packages right under {@code root} (a package and its subpackages are one). */
  static ArchRule noCycles(String root) {
    return slices().matching(root + ".(*)..").should().beFreeOfCycles();
  }

  @Test
  void dataFlowsOneWay() {
    layers(ROOT).check(MAIN);
  }

  @Test
  void noPackageCycles() {
    noCycles(ROOT).check(MAIN);
  }

  // The same rules on fixtures: each breaks them once, in the way named.

  private static final String FIXTURES = ROOT + ".cli.archfixture";

  private static EvaluationResult layersOn(Class<?>... classes) {
    return layers(FIXTURES).withOptionalLayers(true).evaluate(new ClassFileImporter().importClasses(classes));
  }

  @Test
  void layers_allowedDependencies_pass() {
    EvaluationResult r = layersOn(Word.class, Reader.class, Finder.class, Score.class, Serves.class, Copies.class, Main.class);
    assertFalse(r.hasViolation(), () -> r.getFailureReport().toString());
  }

  @Test
  void layers_modelUsingSearch_fails() {
    assertViolation(layersOn(Word.class, Finder.class, FindsBack.class), FindsBack.class, Finder.class);
  }

  @Test
  void layers_searchUsingEval_fails() {
    assertViolation(layersOn(Finder.class, Score.class, Reports.class), Reports.class, Score.class);
  }

  @Test
  void layers_synthUsingSearch_fails() {
    assertViolation(layersOn(Word.class, Finder.class, Generates.class), Generates.class, Finder.class);
  }

  @Test
  void layers_storeUsingCli_fails() {
    assertViolation(layersOn(CallsCli.class, Main.class), CallsCli.class, Main.class);
  }

  @Test
  void layers_emptyLayer_fails() {
    // the real rule wants every layer to hold classes: a renamed package must not pass unnoticed
    EvaluationResult r = layers(FIXTURES).evaluate(new ClassFileImporter().importClasses(Word.class));
    assertTrue(r.hasViolation());
    assertTrue(r.getFailureReport().toString().contains("Layer 'search' is empty"), () -> r.getFailureReport().toString());
  }

  @Test
  void layers_classInNoLayer_fails() {
    assertViolation(layersOn(Word.class, Helper.class), Helper.class, Helper.class);
  }

  @Test
  void cycles_packagesUsingEachOther_fail() {
    EvaluationResult r = noCycles(FIXTURES).evaluate(new ClassFileImporter().importClasses(Reader.class, Words.class));
    assertTrue(r.hasViolation());
    String report = r.getFailureReport().toString();
    assertTrue(report.contains("Cycle detected") && report.contains(Reader.class.getName())
        && report.contains(Words.class.getName()), report);
  }

  private static void assertViolation(EvaluationResult r, Class<?> from, Class<?> to) {
    assertTrue(r.hasViolation(), from.getSimpleName() + " -> " + to.getSimpleName() + " should break the rule");
    String report = r.getFailureReport().toString();
    assertTrue(report.contains(from.getName()) && report.contains(to.getName()), report);
  }
}
