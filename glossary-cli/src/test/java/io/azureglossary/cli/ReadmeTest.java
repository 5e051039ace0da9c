package io.azureglossary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.azureglossary.corpus.Corpus;
import io.azureglossary.eval.JudgedQuery;
import io.azureglossary.eval.PlainBaseline;
import io.azureglossary.eval.PlainPrefixBaseline;
import io.azureglossary.model.Term;
import io.azureglossary.search.Glossary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the README true: its example compiles and runs, and its tables are what the tools print
 * today. Run with {@code -Dreadme.update=true} to rewrite the generated tables.
 */
class ReadmeTest {
  private static final Path README = Path.of("../README.md");

  @Test
  void readme_opensWithTheTwoCommands() throws Exception {
    String[] lines = Files.readString(README).split("\n");
    assertEquals("```sh", lines[2]);
    assertTrue(lines[3].startsWith("./glossary search \"self-hosted IR offline\""), lines[3]);
    assertTrue(lines[4].startsWith("./mvnw verify"), lines[4]);
  }

  @Test
  void ciRunsTheReadmeTestCommand() throws Exception {
    assertTrue(Files.readString(Path.of("../.ci/run")).lines().anyMatch(l -> l.strip().startsWith("./mvnw") && l.contains(" verify")));
  }

  @Test
  void embeddingExample_compilesAndRuns(@TempDir Path dir) throws Exception {
    String readme = Files.readString(README);
    Matcher m = Pattern.compile("<!-- example:begin -->\\s*```java\\n(.*?)```\\s*<!-- example:end -->", Pattern.DOTALL).matcher(readme);
    assertTrue(m.find(), "no example block");
    Path src = dir.resolve("Example.java");
    Files.writeString(src, m.group(1));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertNotNull(javac, "tests need a JDK");
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int rc = javac.run(null, null, errors, "-cp", cp, "-d", dir.toString(), src.toString());
    assertEquals(0, rc, errors.toString());
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      loader.loadClass("Example").getMethod("main", String[].class).invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(old);
    }
    String printed = out.toString(StandardCharsets.UTF_8);
    assertTrue(printed.startsWith("integration-runtime | "), printed);
    // one line per hit: the three best, or fewer when fewer terms match
    int matches = io.azureglossary.search.Glossary.bundled().search("SHIR offline").total();
    assertEquals(Math.min(3, matches), printed.lines().count(), printed);
  }

  @Test
  void relevanceTable_matchesTheTool() throws Exception {
    checkGenerated("eval", evalTable());
  }

  @Test
  void suggestionTable_matchesTheTool() throws Exception {
    checkGenerated("suggest-eval", suggestionTable());
  }

  @Test
  void corpusTable_matchesTheCorpus() throws Exception {
    checkGenerated("corpus", corpusTable());
  }

  /**
   * Fails when the README's block differs from {@code content}; with {@code -Dreadme.update=true}
   * rewrites the block instead. One block per test, so that one stale table does not hide another.
   */
  private static void checkGenerated(String block, String content) throws Exception {
    String readme = Files.readString(README);
    String updated = replace(readme, block, content);
    if (Boolean.getBoolean("readme.update")) {
      Files.writeString(README, updated);
      return;
    }
    assertEquals(updated, readme, "README " + block + " table is out of date: run ./mvnw -pl glossary-cli -am test "
        + "-Dtest=ReadmeTest -Dsurefire.failIfNoSpecifiedTests=false -Dreadme.update=true");
  }

  static String evalTable() {
    try (PlainBaseline baseline = PlainBaseline.of(Corpus.bundled())) {
      return EvalCommand.table(EvalCommand.relevance(Glossary.bundled(), baseline,
          JudgedQuery.read(Path.of("../corpus/eval/queries.tsv"))));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static String suggestionTable() {
    try (PlainPrefixBaseline baseline = PlainPrefixBaseline.of(Corpus.bundled())) {
      return EvalCommand.table(EvalCommand.suggestions(Glossary.bundled(), baseline,
          JudgedQuery.read(Path.of("../corpus/eval/suggestions.tsv"))));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static String corpusTable() {
    Corpus corpus = Corpus.bundled();
    Map<String, Long> counts = corpus.terms().stream()
        .collect(Collectors.groupingBy(Term::category, TreeMap::new, Collectors.counting()));
    StringBuilder sb = new StringBuilder("| category | terms |\n|---|---:|\n");
    counts.forEach((c, n) -> sb.append("| ").append(c).append(" | ").append(n).append(" |\n"));
    sb.append("| **all** | ").append(corpus.size()).append(" |\n");
    long withCases = corpus.terms().stream().filter(t -> !t.caseStudies().isEmpty()).count();
    long withCli = corpus.terms().stream().filter(t -> !t.cli().commands().isEmpty()).count();
    sb.append("\n").append(withCli).append(" terms map `az` commands; ").append(withCases)
        .append(" carry case studies.\n");
    return sb.toString();
  }

  private static String replace(String readme, String block, String content) {
    String begin = "<!-- " + block + ":begin -->";
    String end = "<!-- " + block + ":end -->";
    int b = readme.indexOf(begin);
    int e = readme.indexOf(end);
    assertTrue(b >= 0 && e > b, "README lacks the " + block + " markers");
    return readme.substring(0, b + begin.length()) + "\n" + content + readme.substring(e);
  }
}
