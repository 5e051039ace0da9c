package io.azureglossary.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.azureglossary.corpus.Corpus;
import io.azureglossary.eval.JudgedQuery;
import io.azureglossary.eval.Metrics;
import io.azureglossary.eval.PlainBaseline;
import io.azureglossary.eval.RelevanceReport;
import io.azureglossary.search.Glossary;
import io.azureglossary.search.Hit;
import io.azureglossary.search.SearchRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Relevance report: this engine beside a plain-Lucene baseline on a judged query file.")
final class EvalCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--queries", required = true, paramLabel = "FILE",
      description = "Judged queries: query<TAB>expected ids[<TAB>kind]; # comments.")
  Path queries;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Option(names = "--failures", description = "List every query not answered first (text mode).")
  boolean failures;

  @Option(names = "--corpus", paramLabel = "DIR", description = "Evaluate on this corpus folder instead of the bundled glossary.")
  Path corpus;

  @Option(names = "--index", paramLabel = "DIR", description = "Evaluate this persistent index (built by reindex); the"
      + " baseline is built from --corpus, or the bundled glossary, which should be what the index was built from.")
  Path index;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<JudgedQuery> judged = JudgedQuery.read(queries);
    Corpus c = corpus == null ? Corpus.bundled() : Corpus.load(corpus);
    try (Glossaries.Opened opened = index != null ? Glossaries.open(null, index)
            : corpus == null ? new Glossaries.Opened(Glossary.bundled(), Glossary.bundled()) : Glossaries.open(corpus, null);
        PlainBaseline baseline = PlainBaseline.of(c)) {
      Glossary engine = opened.glossary();
      RelevanceReport r = RelevanceReport.run(judged,
          q -> engine.search(SearchRequest.of(q).limit(10).highlight(false)).results().stream().map(Hit::id).toList(),
          q -> baseline.ids(q, 10));
      if (json) {
        out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(r)));
      } else {
        printTable(out, r);
      }
    }
    return GlossaryCli.OK;
  }

  static ObjectNode toJson(RelevanceReport r) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    metrics(root.putObject("engine"), r.engine());
    metrics(root.putObject("baseline"), r.baseline());
    ObjectNode kinds = root.putObject("kinds");
    r.engineByKind().forEach((k, m) -> {
      ObjectNode o = kinds.putObject(k);
      metrics(o.putObject("engine"), m);
      metrics(o.putObject("baseline"), r.baselineByKind().get(k));
    });
    ArrayNode f = root.putArray("failures");
    for (var x : r.failures()) {
      ObjectNode o = f.addObject();
      o.put("query", x.query());
      o.put("kind", x.kind());
      x.expected().forEach(o.putArray("expected")::add);
      if (x.rank() == null) {
        o.putNull("rank");
      } else {
        o.put("rank", x.rank());
      }
      x.top().forEach(o.putArray("top")::add);
    }
    return root;
  }

  private static void metrics(ObjectNode o, Metrics m) {
    o.put("queries", m.queries());
    o.put("mrr10", round(m.mrr10()));
    o.put("success1", round(m.success1()));
    o.put("success3", round(m.success3()));
  }

  private static double round(double d) {
    return Math.round(d * 1000) / 1000.0;
  }

  /** The Markdown table the README shows. */
  static String table(RelevanceReport r) {
    StringBuilder sb = new StringBuilder();
    sb.append("| kind | queries | engine MRR@10 | engine s@1 | engine s@3 | baseline MRR@10 | baseline s@1 | baseline s@3 |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    r.engineByKind().forEach((k, m) -> row(sb, k, m, r.baselineByKind().get(k)));
    row(sb, "**all**", r.engine(), r.baseline());
    return sb.toString();
  }

  private static void row(StringBuilder sb, String kind, Metrics e, Metrics b) {
    sb.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n", kind, e.queries(),
        e.mrr10(), e.success1(), e.success3(), b.mrr10(), b.success1(), b.success3()));
  }

  private void printTable(PrintWriter out, RelevanceReport r) {
    out.print(table(r));
    if (failures) {
      out.println();
      for (var f : r.failures()) {
        out.printf(Locale.ROOT, "%-10s rank %-4s %-45s expected %s, got %s%n", f.kind(),
            f.rank() == null ? "-" : f.rank(), f.query(), f.expected(), f.top());
      }
    } else {
      out.printf("%n%d queries not answered first (--failures lists them)%n", r.failures().size());
    }
  }
}
