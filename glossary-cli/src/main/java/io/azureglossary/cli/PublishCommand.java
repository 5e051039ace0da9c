package io.azureglossary.cli;

import io.azureglossary.corpus.Corpus;
import io.azureglossary.opensearch.ClusterConnection;
import io.azureglossary.opensearch.IndexDefinition;
import io.azureglossary.opensearch.PublishResult;
import io.azureglossary.opensearch.Publisher;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "publish", mixinStandardHelpOptions = true,
    description = {"Publish the glossary to a search cluster with no downtime: a new versioned index, bulk-loaded and"
        + " counted, then the alias moved to it in one step and the previous index deleted.",
        "Credentials come from the environment: OPENSEARCH_API_KEY, or OPENSEARCH_USERNAME and OPENSEARCH_PASSWORD."})
final class PublishCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TARGET", description = "Where to publish: opensearch.")
  String target;

  @Option(names = "--url", required = true, paramLabel = "URL", description = "The cluster, such as https://search.example.com:9200.")
  String url;

  @Option(names = "--index-prefix", defaultValue = "glossary", paramLabel = "PREFIX",
      description = "Versioned indexes are named PREFIX-yyyyMMdd-HHmmss-SSS (default: ${DEFAULT-VALUE}).")
  String prefix;

  @Option(names = "--alias", defaultValue = "glossary", paramLabel = "NAME",
      description = "The alias searches go through (default: ${DEFAULT-VALUE}).")
  String alias;

  @Option(names = "--corpus", paramLabel = "DIR", description = "Publish this corpus folder instead of the bundled glossary.")
  Path corpus;

  @Override
  public Integer call() throws Exception {
    ExportCommand.checkTarget(target);
    PrintWriter out = spec.commandLine().getOut();
    Corpus c = corpus == null ? Corpus.bundled() : Corpus.load(corpus);
    PublishResult r = new Publisher(ClusterConnection.of(url, System.getenv()), prefix, alias).publish(IndexDefinition.of(c));
    out.printf(Locale.ROOT, "published %d terms to %s as %s, alias %s (%.1f s)%n", r.documents(), url, r.index(), r.alias(),
        r.millis() / 1000.0);
    if (!r.replaced().isEmpty()) {
      out.println("deleted the previous index: " + String.join(", ", r.replaced()));
    }
    if (!r.staleDeleted().isEmpty()) {
      out.println("deleted indexes left by an interrupted publish: " + String.join(", ", r.staleDeleted()));
    }
    return GlossaryCli.OK;
  }
}
