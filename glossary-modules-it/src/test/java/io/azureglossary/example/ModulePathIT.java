package io.azureglossary.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.azureglossary.model.Term;
import io.azureglossary.search.Glossary;
import io.azureglossary.search.Hit;
import io.azureglossary.search.SearchRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library on the module path, as an application ships it: {@link ModulePathApp}'s jar and the
 * jars Maven resolves for it (glossary-index, glossary-core, the bundled corpus, Lucene, Jackson),
 * started with {@code java --module-path … --module …} and no other flag. Before the library had
 * module descriptors this failed with {@code NoClassDefFoundError: org/apache/lucene/search/CollectorManager}
 * unless {@code --add-modules ALL-MODULE-PATH} was given.
 */
class ModulePathIT {
  private static final String MAIN = "io.azureglossary.example/io.azureglossary.example.ModulePathApp";

  @TempDir
  Path tmp;

  @Test
  void app_onTheModulePath_noFlags_searchesSuggestsFetchesAndBuildsAnIndex() throws Exception {
    Run r = java(List.of(), tmp.resolve("index"));

    assertEquals(0, r.code, r.err);
    // the same answers as the library gives on the class path, in this JVM
    Glossary g = Glossary.bundled();
    Hit hit = g.search(SearchRequest.of("SHIR offline").limit(3)).results().get(0);
    Term term = g.term("integration-runtime").orElseThrow();
    assertEquals(List.of(
        "search: integration-runtime | " + hit.highlights().get(0).section(),
        "suggest: " + g.suggest("integ", 1).get(0).name(),
        "term: Integration runtime, " + term.cli().commands().size() + " commands",
        "index: " + g.size() + " written, " + g.size() + " served, " + g.search("vnet peering").results().get(0).id()),
        r.out.lines().toList(), r.err);
    assertEquals("integration-runtime", hit.id());
    // only the JDK's notices and Lucene's (a java.util.logging record: a time line, then the message)
    List<String> other = r.err.lines().filter(l -> !l.isBlank() && !l.startsWith("WARNING: ") && !l.contains(" org.apache.lucene.")).toList();
    assertEquals(List.of(), other, r.err);
  }

  @Test
  void app_withTheReadmeFlags_printsNothingOnStderr() throws Exception {
    Path logging = tmp.resolve("logging.properties");
    // the JDK's defaults (a console handler at INFO) and one line for Lucene's vectorization notice
    Files.writeString(logging, """
        handlers = java.util.logging.ConsoleHandler
        .level = INFO
        org.apache.lucene.internal.vectorization.level = SEVERE
        """);

    Run r = java(List.of("--enable-native-access=org.apache.lucene.core",
        "-Djava.util.logging.config.file=" + logging), tmp.resolve("index"));

    assertEquals(0, r.code, r.err);
    assertEquals("", r.err);
  }

  @Test
  void app_withoutTheFlags_printsTheNoticesTheReadmeExplains() throws Exception {
    Run r = java(List.of(), tmp.resolve("index"));

    assertEquals(0, r.code, r.err);
    assertTrue(r.err.contains("--enable-native-access=org.apache.lucene.core"), r.err);
    assertTrue(r.err.contains("Java vector incubator module is not readable"), r.err);
  }

  @Test
  void internals_areNotVisibleToAnApplicationModule() throws IOException {
    Path src = tmp.resolve("src");
    Files.createDirectories(src.resolve("peek"));
    Files.writeString(src.resolve("module-info.java"), "module peek { requires io.azureglossary.store; }\n");
    Files.writeString(src.resolve("peek/Peek.java"), """
        package peek;
        public class Peek {
          Object fields = io.azureglossary.index.Fields.class;
        }
        """);
    ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = javac.run(new java.io.PrintStream(new ByteArrayOutputStream()), new java.io.PrintStream(err, true, StandardCharsets.UTF_8),
        "--module-path", modulePath(), "-d", tmp.resolve("out").toString(),
        src.resolve("module-info.java").toString(), src.resolve("peek/Peek.java").toString());

    assertNotEquals(0, code);
    String errors = err.toString(StandardCharsets.UTF_8);
    assertTrue(errors.contains("package io.azureglossary.index is not visible"), errors);
  }

  private record Run(int code, String out, String err) {}

  /** Starts the application on the module path, with the same JDK that runs this test. */
  private Run java(List<String> flags, Path indexDir) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElseThrow());
    cmd.addAll(flags);
    cmd.addAll(List.of("--module-path", modulePath(), "--module", MAIN, indexDir.toString()));
    Path out = tmp.resolve("out.txt");
    Path err = tmp.resolve("err.txt");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the application did not end in 120 s");
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  /** The application's jar and every runtime dependency's jar. */
  private static String modulePath() throws IOException {
    List<String> entries = new ArrayList<>();
    entries.add(System.getProperty("app.jar"));
    entries.addAll(dependencyJars());
    for (String e : entries) {
      assertTrue(e.endsWith(".jar") && Files.isRegularFile(Path.of(e)), "not a jar: " + e + " (run ./mvnw verify)");
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  /** The runtime dependencies' jars, as maven-dependency-plugin wrote them. */
  private static List<String> dependencyJars() throws IOException {
    String path = Files.readString(Path.of(System.getProperty("app.modulePath"))).strip();
    return List.of(path.split(java.util.regex.Pattern.quote(java.io.File.pathSeparator)));
  }

}
