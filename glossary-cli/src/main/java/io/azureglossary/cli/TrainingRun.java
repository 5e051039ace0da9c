package io.azureglossary.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;

/**
 * The workload the build records into the JDK archive beside the CLI jar (an AOT cache on JDK 25+,
 * AppCDS on 21 to 24): the commands a user runs most, one after another in one JVM, output
 * discarded. The classes they load, and on JDK 25 the methods they run hot, are what
 * {@code ./glossary} then finds ready at start. Not part of the tool's interface; run by the build
 * (see {@code JdkArchive} in the tests) as {@code java -cp glossary-cli.jar io.azureglossary.cli.TrainingRun}.
 */
public final class TrainingRun {
  /** What is run, in order; the first search opens the bundled glossary, the rest reuse it. */
  static final List<List<String>> COMMANDS = List.of(
      List.of("--help"),
      List.of("search", "key vault soft delete"),
      List.of("search", "--json", "--limit", "3", "self-hosted IR offline"),
      List.of("search", "virtal netwrok"),
      List.of("suggest", "integ"),
      List.of("suggest", "--json", "shi"),
      List.of("show", "integration-runtime"));

  private TrainingRun() {}

  /**
   * Runs each command with its output discarded; on the first that fails, names it on standard
   * error and exits with its code.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    PrintWriter none = new PrintWriter(Writer.nullWriter());
    for (List<String> command : COMMANDS) {
      int code = GlossaryCli.run(none, none, command.toArray(String[]::new));
      if (code != GlossaryCli.OK) {
        System.err.println("training run: glossary " + String.join(" ", command) + " exited " + code);
        System.exit(code);
      }
    }
  }
}
