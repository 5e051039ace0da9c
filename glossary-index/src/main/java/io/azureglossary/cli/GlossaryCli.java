package io.azureglossary.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code glossary} command-line tool. */
@Command(
    name = "glossary",
    mixinStandardHelpOptions = true,
    version = "azure-glossary-search 0.1.0",
    description = "Search and maintain the Azure glossary.",
    subcommands = {
        SearchCommand.class, SuggestCommand.class, ValidateCommand.class, ImportCommand.class,
        EvalCommand.class, ReindexCommand.class, SynthCommand.class, CommandLine.HelpCommand.class
    })
public final class GlossaryCli implements Runnable {
  /** Exit code: success. */
  static final int OK = 0;
  /** Exit code: the corpus has errors. */
  static final int CORPUS_ERRORS = 1;
  /** Exit code: bad usage or an I/O error. */
  static final int USAGE = 2;

  /** Lucene logs a hint about the incubating Vector API at start-up; not the user's concern here. */
  private static final java.util.logging.Logger LUCENE_VECTOR_LOG =
      java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  public static void main(String[] args) {
    LUCENE_VECTOR_LOG.setLevel(java.util.logging.Level.SEVERE);
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs the tool with the given streams, for tests; returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new GlossaryCli());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExitCodeExceptionMapper(e -> USAGE);
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
      String msg = e.getMessage() == null ? e.toString() : e.getMessage();
      cmd.getErr().println("glossary: " + msg.lines().findFirst().orElse(msg));
      return USAGE;
    });
    cl.setParameterExceptionHandler((e, a) -> {
      e.getCommandLine().getErr().println("glossary: " + e.getMessage());
      e.getCommandLine().getErr().println("Try 'glossary " + e.getCommandLine().getCommandName() + " --help'.");
      return USAGE;
    });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
