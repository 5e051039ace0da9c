package io.azureglossary.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code glossary} command-line tool. */
@Command(
    name = "glossary",
    mixinStandardHelpOptions = true,
    version = "azure-glossary-search 0.1.0",
    description = "Search and maintain the Azure glossary.")
public final class GlossaryCli implements Runnable {
  /** Exit code: success. */
  static final int OK = 0;
  /** Exit code: the corpus has errors. */
  static final int CORPUS_ERRORS = 1;
  /** Exit code of {@code show}: no term has the id. */
  static final int NOT_FOUND = 1;
  /** Exit code: bad usage or an I/O error. */
  static final int USAGE = 2;

  /** Lucene logs a hint about the incubating Vector API at start-up; not the user's concern here. */
  private static final java.util.logging.Logger LUCENE_VECTOR_LOG =
      java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

  /**
   * The subcommands, in the order the help lists them. Registered in {@link #commandLine} rather
   * than in {@code @Command(subcommands = ...)}: picocli builds a subcommand's whole model by
   * reflection when it is registered, and doing that for all nine was half of every start.
   */
  private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

  static {
    SUBCOMMANDS.put("search", SearchCommand::new);
    SUBCOMMANDS.put("suggest", SuggestCommand::new);
    SUBCOMMANDS.put("show", ShowCommand::new);
    SUBCOMMANDS.put("validate", ValidateCommand::new);
    SUBCOMMANDS.put("import", ImportCommand::new);
    SUBCOMMANDS.put("eval", EvalCommand::new);
    SUBCOMMANDS.put("reindex", ReindexCommand::new);
    SUBCOMMANDS.put("synth", SynthCommand::new);
    SUBCOMMANDS.put("serve", ServeCommand::new);
    SUBCOMMANDS.put("publish", PublishCommand::new);
    SUBCOMMANDS.put("export", ExportCommand::new);
    // a lambda, not HelpCommand::new: on JDK 25.0.3 a constructor reference to one of picocli's
    // classes (compiled for Java 5) crashes the JVM while it writes the AOT cache (JdkArchive)
    SUBCOMMANDS.put("help", () -> new CommandLine.HelpCommand());
  }

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** The tool's top-level command; {@link #run(PrintWriter, PrintWriter, String...)} makes one per run. */
  public GlossaryCli() {}

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /**
   * Runs the tool and exits the JVM with its exit code: 0 on success, 1 when the corpus has errors,
   * 2 on bad usage or an I/O error.
   *
   * @param args the command line, such as {@code search "self-hosted IR offline"}
   */
  public static void main(String[] args) {
    LUCENE_VECTOR_LOG.setLevel(java.util.logging.Level.SEVERE);
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /**
   * Runs the tool with the given streams, for tests; returns the exit code.
   *
   * @param out where results and help go
   * @param err where errors and usage messages go
   * @param args the command line
   * @return the exit code, as {@link #main} would exit with
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    Integer plain = PlainArguments.run(out, err, args);
    if (plain != null) {
      return plain;
    }
    String unknown = unknownCommand(args);
    if (unknown != null) {
      err.println(unknown);
      err.flush();
      return USAGE;
    }
    CommandLine cl = commandLine(args);
    cl.setOut(out);
    cl.setErr(err);
    cl.setExitCodeExceptionMapper(e -> USAGE);
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println(errorLine(e));
      return USAGE;
    });
    cl.setParameterExceptionHandler((e, a) -> {
      String msg = e.getMessage().lines().findFirst().orElse("");
      e.getCommandLine().getErr().println("glossary: " + msg + " (try '"
          + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
      return USAGE;
    });
    for (String querying : List.of("search", "suggest")) { // "-firewall vnet" is a query, not an unknown option
      CommandLine sub = cl.getSubcommands().get(querying);
      if (sub != null) {
        sub.setUnmatchedOptionsArePositionalParams(true);
      }
    }
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /**
   * The error for a first argument that names no command, {@code glossary: unknown command 'serach'
   * (did you mean 'search'?)}, listing the commands when none is close; null when the first
   * argument is a command, an option of the tool or an {@code @file}, or there is none.
   */
  static String unknownCommand(String... args) {
    if (args.length == 0 || args[0].startsWith("-") || args[0].startsWith("@") || SUBCOMMANDS.containsKey(args[0])) {
      return null;
    }
    String closest = Closest.to(args[0], SUBCOMMANDS.keySet());
    return "glossary: unknown command '" + args[0] + "' (" + (closest != null ? "did you mean '" + closest + "'?"
        : "expected one of " + String.join(", ", SUBCOMMANDS.keySet())) + ")";
  }

  /** How a command's failure is reported: one line, the first of its message, in command-line terms. */
  static String errorLine(Exception e) {
    String msg = e.getMessage() == null ? e.toString() : LibraryMessages.inCliTerms(e.getMessage());
    return "glossary: " + msg.lines().findFirst().orElse(msg);
  }

  /**
   * The command line for these arguments. When the first one names a subcommand, only that one is
   * registered: it is all that can run, and its usage and errors read the same. {@code --version}
   * and other options of the tool itself need none. The tool's help ({@code --help}, no
   * arguments, {@code help CMD}) gets all of them; an unknown command never gets here
   * ({@link #unknownCommand}).
   */
  static CommandLine commandLine(String... args) {
    CommandLine cl = new CommandLine(new GlossaryCli());
    String first = args.length == 0 ? "" : args[0];
    if (SUBCOMMANDS.containsKey(first) && !first.equals("help")) {
      cl.addSubcommand(first, SUBCOMMANDS.get(first).get());
    } else if (!first.startsWith("-") || first.equals("-h") || first.equals("--help")) {
      SUBCOMMANDS.forEach((name, command) -> cl.addSubcommand(name, command.get()));
    }
    return cl;
  }
}
