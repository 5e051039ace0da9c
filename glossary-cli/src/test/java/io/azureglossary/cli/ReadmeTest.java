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
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * Keeps the README true: its examples compile and run, and its tables and the {@code show} output
 * are what the tools print today. Run with {@code -Dreadme.update=true} to rewrite the generated tables.
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
    String printed = runExample("Example", dir);
    assertTrue(printed.startsWith("integration-runtime | "), printed);
    // one line per hit: the three best, or fewer when fewer terms match
    int matches = io.azureglossary.search.Glossary.bundled().search("SHIR offline").total();
    assertEquals(Math.min(3, matches), printed.lines().count(), printed);
  }

  @Test
  void termExample_compilesAndRuns_printingTheFirstHitsWholeEntry(@TempDir Path dir) throws Exception {
    String printed = runExample("ShowFirstHit", dir);
    Term ir = Corpus.bundled().term("integration-runtime").orElseThrow();
    List<String> expected = new ArrayList<>(List.of(
        "Integration runtime (" + String.join(", ", ir.aliases()) + ")", ir.definition()));
    ir.cli().commands().forEach(c -> expected.add(c.kind().label() + ": " + c.command()));
    assertEquals(expected, printed.lines().toList());
  }

  @Test
  void reindexExample_compilesAndRuns_buildingAndSearchingAnIndexOfTheCorpusFolder(@TempDir Path dir) throws Exception {
    Path index = dir.resolve("index");

    String printed = runExample("ReindexAndServe", dir, Path.of("../corpus").toString(), index.toString());

    Glossary bundled = Glossary.bundled();
    List<String> expected = new ArrayList<>(List.of(bundled.size() + " terms, " + bundled.size() + " written"));
    bundled.search(io.azureglossary.search.SearchRequest.of("SHIR offline").limit(5)).results()
        .forEach(h -> expected.add(h.id() + "  " + h.name()));
    assertEquals(expected, printed.lines().toList());
    assertTrue(Files.isDirectory(index));
  }

  @Test
  void mavenCoordinates_nameTheVersionBeingBuilt() throws Exception {
    Matcher v = Pattern.compile("<artifactId>azure-glossary-search-parent</artifactId>\\s*<version>([^<]+)</version>")
        .matcher(Files.readString(Path.of("../pom.xml")));
    assertTrue(v.find(), "no version in the root pom");
    String readme = Files.readString(README);
    List<String> named = Pattern.compile("io\\.azureglossary:glossary-(?:core|index|server|corpus):([^`\\s|]+)").matcher(readme)
        .results().map(r -> r.group(1)).toList();
    assertEquals(4, named.size(), "one coordinate per published artifact");
    named.forEach(n -> assertEquals(v.group(1), n));
    assertTrue(readme.contains("<version>" + v.group(1) + "</version>"), "the dependency snippet names " + v.group(1));
  }

  @Test
  void serverExample_compilesAndRuns_answeringItsHealthCheck(@TempDir Path dir) throws Exception {
    String printed = runExample("ServeBundled", dir);

    assertTrue(printed.matches("serving http://127\\.0\\.0\\.1:\\d+/: 200\n"), printed);
  }

  @Test
  void everyJavaBlock_isAnExampleThatATestRuns() throws Exception {
    String readme = Files.readString(README);
    long javaBlocks = Pattern.compile("```java\n").matcher(readme).results().count();
    assertEquals(javaBlocks, exampleBlocks().size(), "every ```java block sits between example markers");
    assertEquals(List.of("Example", "ShowFirstHit", "ServeBundled", "ReindexAndServe"),
        exampleBlocks().stream().map(ReadmeTest::className).toList());
  }

  @Test
  void showExample_isWhatShowPrints_cutWhereItSaysSo() throws Exception {
    String readme = Files.readString(README);
    Matcher m = Pattern.compile("`\\./glossary show integration-runtime` prints \\(cut here\\):\\n\\n```\\n(.*?)```",
        Pattern.DOTALL).matcher(readme);
    assertTrue(m.find(), "no show example");
    List<String> shown = m.group(1).lines().toList();
    List<String> actual = CliTest.run("show", "integration-runtime").out().lines().toList();
    assertTrue(shown.size() > 10, "the example shows the header and a section: " + shown);
    for (int i = 0; i < shown.size(); i++) {
      String line = shown.get(i);
      if (line.endsWith("…")) {
        String start = line.substring(0, line.length() - 1).stripTrailing();
        assertTrue(actual.get(i).startsWith(start) && actual.get(i).length() > start.length(), line + " / " + actual.get(i));
      } else {
        assertEquals(line, actual.get(i));
      }
    }
  }

  /** The Java blocks between {@code <!-- example:begin -->} and {@code <!-- example:end -->}, in README order. */
  private static List<String> exampleBlocks() throws IOException {
    Matcher m = Pattern.compile("<!-- example:begin -->\\s*```java\\n(.*?)```\\s*<!-- example:end -->", Pattern.DOTALL)
        .matcher(Files.readString(README));
    List<String> blocks = new ArrayList<>();
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  private static String className(String source) {
    Matcher m = Pattern.compile("public class (\\w+)").matcher(source);
    assertTrue(m.find(), "no public class in\n" + source);
    return m.group(1);
  }

  /** Compiles the README example block declaring {@code className} and runs its main method; what it printed. */
  private String runExample(String className, Path dir, String... args) throws Exception {
    String source = exampleBlocks().stream().filter(b -> className(b).equals(className)).findFirst()
        .orElseThrow(() -> new AssertionError("no example block declares " + className));
    Path src = dir.resolve(className + ".java");
    Files.writeString(src, source);
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
      loader.loadClass(className).getMethod("main", String[].class).invoke(null, (Object) args);
    } finally {
      System.setOut(old);
    }
    return out.toString(StandardCharsets.UTF_8);
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
