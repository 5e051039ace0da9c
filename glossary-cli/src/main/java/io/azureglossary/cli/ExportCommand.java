package io.azureglossary.cli;

import io.azureglossary.corpus.Corpus;
import io.azureglossary.opensearch.IndexDefinition;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Write what a search cluster needs as files, for loading with your own tooling: index settings"
        + " and mappings, the search template, and the documents as bulk NDJSON.")
final class ExportCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TARGET", description = "The kind of cluster: opensearch.")
  String target;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write into (created if missing).")
  Path out;

  @Option(names = "--corpus", paramLabel = "DIR", description = "Export this corpus folder instead of the bundled glossary.")
  Path corpus;

  static void checkTarget(String target) {
    if (!"opensearch".equals(target)) {
      throw new IllegalArgumentException("unknown target '" + target + "' (expected opensearch)");
    }
  }

  @Override
  public Integer call() throws Exception {
    checkTarget(target);
    PrintWriter o = spec.commandLine().getOut();
    Corpus c = corpus == null ? Corpus.bundled() : Corpus.load(corpus);
    List<Path> files = IndexDefinition.of(c).export(out);
    o.println("wrote " + files.size() + " files for " + c.size() + " terms into " + out);
    return GlossaryCli.OK;
  }
}
