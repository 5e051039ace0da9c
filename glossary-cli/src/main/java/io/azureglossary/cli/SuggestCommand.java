package io.azureglossary.cli;

import io.azureglossary.search.Glossary;
import io.azureglossary.search.Suggestion;
import io.azureglossary.server.ApiJson;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code glossary suggest PREFIX}: the completions of a prefix, one line (or JSON object) per term,
 * {@code text  → name} when the label completed is an alias. A blank prefix is a usage error.
 */
@Command(name = "suggest", mixinStandardHelpOptions = true,
    description = "Complete a prefix to term names and aliases, one per term (typo-tolerant).")
final class SuggestCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PREFIX")
  List<String> prefix;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Option(names = "--limit", defaultValue = "10", description = "Most completions (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--corpus", paramLabel = "DIR", description = "Use this corpus folder instead of the bundled glossary.")
  Path corpus;

  @Option(names = "--index", paramLabel = "DIR", description = "Use this persistent index (built by reindex) instead.")
  Path index;

  @Override
  public Integer call() throws Exception {
    if (isBlank(prefix)) { // picocli's handler prints it as it does a missing PREFIX, with the help hint
      throw new ParameterException(spec.commandLine(),
          "Invalid value for parameter 'PREFIX': '" + String.join(" ", prefix) + "' is blank");
    }
    return run(spec.commandLine().getOut());
  }

  /** Whether the prefix has something to complete; a blank one is left to picocli to report. */
  static boolean isBlank(List<String> prefix) {
    return String.join(" ", prefix).isBlank();
  }

  /** Runs the lookup with the options as set, printing to {@code out}. */
  int run(PrintWriter out) throws Exception {
    String p = String.join(" ", prefix);
    try (Glossaries.Opened opened = Glossaries.open(corpus, index)) {
      Glossary glossary = opened.glossary();
      List<Suggestion> s = glossary.suggest(p, limit);
      if (json) {
        out.println(new String(ApiJson.suggestions(p, s, true), StandardCharsets.UTF_8));
      } else {
        s.forEach(x -> out.println(x.text().equals(x.name()) ? x.text() : x.text() + "  → " + x.name()));
      }
    }
    return GlossaryCli.OK;
  }
}
