package io.azureglossary.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.azureglossary.corpus.Corpus;
import io.azureglossary.eval.JudgedQuery;
import io.azureglossary.eval.Metrics;
import io.azureglossary.eval.PlainBaseline;
import io.azureglossary.eval.PlainPrefixBaseline;
import io.azureglossary.eval.RelevanceReport;
import io.azureglossary.eval.SuggestionReport;
import io.azureglossary.search.Glossary;
import io.azureglossary.search.Hit;
import io.azureglossary.search.SearchRequest;
import io.azureglossary.search.SearchResponse;
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
    description = "Relevance report: this engine beside a plain-Lucene baseline on a judged query file,"
        + " and its suggestions beside a plain prefix query on a judged prefix file.")
final class EvalCommand implements Callable<Integer> {
  /** How many results or suggestions each query or prefix asks for. */
  private static final int TOP = 10;

  @Spec
  CommandSpec spec;

  @Option(names = "--queries", paramLabel = "FILE",
      description = "Judged queries: query<TAB>expected ids[<TAB>kind]; # comments.")
  Path queries;

  @Option(names = "--suggestions", paramLabel = "FILE",
      description = "Judged prefixes for the suggester, the same format: prefix<TAB>expected ids[<TAB>kind].")
  Path suggestions;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Option(names = "--failures", description = "List every query or prefix not answered first (text mode).")
  boolean failures;

  @Option(names = "--corpus", paramLabel = "DIR", description = "Evaluate on this corpus folder instead of the bundled glossary.")
  Path corpus;

  @Option(names = "--index", paramLabel = "DIR", description = "Evaluate this persistent index (built by reindex); the"
      + " baselines are built from --corpus, or the bundled glossary, which should be what the index was built from.")
  Path index;

  @Option(names = "--opensearch", paramLabel = "URL", description = "Run the judged queries through the glossary published"
      + " to this cluster too, and report it beside this engine (--queries only).")
  String opensearch;

  @Option(names = "--alias", defaultValue = "glossary", paramLabel = "NAME",
      description = "With --opensearch: the alias it was published to (default: ${DEFAULT-VALUE}).")
  String alias;

  @Override
  public Integer call() throws Exception {
    if (queries == null && suggestions == null) {
      throw new IllegalArgumentException("eval needs --queries FILE, --suggestions FILE, or both");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (opensearch != null) {
      if (queries == null || suggestions != null || index != null) {
        throw new IllegalArgumentException("eval --opensearch takes --queries FILE (and --corpus DIR for the engine), no --suggestions or --index");
      }
      return clusterReport(out);
    }
    List<JudgedQuery> judged = queries == null ? null : JudgedQuery.read(queries);
    List<JudgedQuery> prefixes = suggestions == null ? null : JudgedQuery.read(suggestions);
    Corpus c = corpus == null ? Corpus.bundled() : Corpus.load(corpus);
    try (Glossaries.Opened opened = index != null ? Glossaries.open(null, index)
            : corpus == null ? new Glossaries.Opened(Glossary.bundled(), Glossary.bundled()) : Glossaries.open(corpus, null)) {
      Glossary engine = opened.glossary();
      RelevanceReport relevance = null;
      SuggestionReport suggested = null;
      if (judged != null) {
        try (PlainBaseline baseline = PlainBaseline.of(c)) {
          relevance = relevance(engine, baseline, judged);
        }
      }
      if (prefixes != null) {
        try (PlainPrefixBaseline baseline = PlainPrefixBaseline.of(c)) {
          suggested = suggestions(engine, baseline, prefixes);
        }
      }
      if (json) {
        ObjectNode root;
        if (relevance != null && suggested != null) {
          root = Json.MAPPER.createObjectNode();
          root.set("relevance", toJson(relevance));
          root.set("suggestions", toJson(suggested));
        } else {
          root = relevance != null ? toJson(relevance) : toJson(suggested);
        }
        out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
      } else {
        if (relevance != null) {
          printTable(out, relevance);
        }
        if (relevance != null && suggested != null) {
          out.println();
        }
        if (suggested != null) {
          printTable(out, suggested);
        }
      }
    }
    return GlossaryCli.OK;
  }

  /** The cluster beside the engine on the judged queries: both columns, and the cluster's failures. */
  private int clusterReport(PrintWriter out) throws Exception {
    List<JudgedQuery> judged = JudgedQuery.read(queries);
    var cluster = io.azureglossary.opensearch.ClusterGlossary.open(
        io.azureglossary.opensearch.ClusterConnection.of(opensearch, System.getenv()), alias);
    try (Glossaries.Opened opened = corpus == null ? new Glossaries.Opened(Glossary.bundled(), Glossary.bundled())
        : Glossaries.open(corpus, null)) {
      Glossary engine = opened.glossary();
      // the cluster in the report's first column, with its match counts; the engine as the second
      RelevanceReport r = RelevanceReport.run(judged, q -> {
        SearchResponse s = cluster.search(SearchRequest.of(q).limit(TOP).highlight(false));
        return new RelevanceReport.Answer(s.results().stream().map(Hit::id).toList(), s.total());
      }, q -> engine.search(SearchRequest.of(q).limit(TOP).highlight(false)).results().stream().map(Hit::id).toList());
      if (json) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        metrics(root.putObject("engine"), r.baseline(), null);
        metrics(root.putObject("cluster"), r.engine(), r.medianTotal());
        ObjectNode kinds = root.putObject("kinds");
        r.engineByKind().forEach((k, m) -> {
          ObjectNode o = kinds.putObject(k);
          metrics(o.putObject("engine"), r.baselineByKind().get(k), null);
          metrics(o.putObject("cluster"), m, r.medianTotalByKind().get(k));
        });
        ArrayNode f = root.putArray("failures");
        for (var x : r.failures()) {
          failure(f.addObject(), "query", x.query(), x.kind(), x.expected(), x.rank(), x.top());
        }
        out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
      } else {
        out.print(clusterTable(r));
        printFailures(out, r, "queries the cluster did not answer first");
      }
    }
    return GlossaryCli.OK;
  }

  /** The Markdown table of the engine beside the cluster; the report holds the cluster as "engine", the engine as "baseline". */
  static String clusterTable(RelevanceReport r) {
    StringBuilder sb = new StringBuilder();
    sb.append("| kind | queries | engine MRR@10 | engine s@1 | engine s@3 | cluster matching | cluster MRR@10 | cluster s@1 | cluster s@3 |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    r.engineByKind().forEach((k, c) -> clusterRow(sb, k, r.baselineByKind().get(k), r.medianTotalByKind().get(k), c));
    clusterRow(sb, "**all**", r.baseline(), r.medianTotal(), r.engine());
    return sb.toString();
  }

  private static void clusterRow(StringBuilder sb, String kind, Metrics e, double matching, Metrics c) {
    sb.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %s | %.3f | %.3f | %.3f |%n", kind, e.queries(),
        e.mrr10(), e.success1(), e.success3(), median(matching), c.mrr10(), c.success1(), c.success3()));
  }

  /** Runs judged queries through the engine (top 10, no highlighting) and the plain baseline. */
  static RelevanceReport relevance(Glossary engine, PlainBaseline baseline, List<JudgedQuery> judged) {
    return RelevanceReport.run(judged, q -> {
      SearchResponse r = engine.search(SearchRequest.of(q).limit(TOP).highlight(false));
      return new RelevanceReport.Answer(r.results().stream().map(Hit::id).toList(), r.total());
    }, q -> baseline.ids(q, TOP));
  }

  /** Runs judged prefixes through the suggester (10 suggestions) and the plain prefix baseline. */
  static SuggestionReport suggestions(Glossary engine, PlainPrefixBaseline baseline, List<JudgedQuery> prefixes) {
    return SuggestionReport.run(prefixes, p -> engine.suggest(p, TOP), p -> baseline.ids(p, TOP));
  }

  static ObjectNode toJson(RelevanceReport r) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    metrics(root.putObject("engine"), r.engine(), r.medianTotal());
    metrics(root.putObject("baseline"), r.baseline(), null);
    ObjectNode kinds = root.putObject("kinds");
    r.engineByKind().forEach((k, m) -> {
      ObjectNode o = kinds.putObject(k);
      metrics(o.putObject("engine"), m, r.medianTotalByKind().get(k));
      metrics(o.putObject("baseline"), r.baselineByKind().get(k), null);
    });
    ArrayNode f = root.putArray("failures");
    for (var x : r.failures()) {
      failure(f.addObject(), "query", x.query(), x.kind(), x.expected(), x.rank(), x.top());
    }
    return root;
  }

  static ObjectNode toJson(SuggestionReport r) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    scores(root, r.all());
    ObjectNode kinds = root.putObject("kinds");
    r.byKind().forEach((k, s) -> scores(kinds.putObject(k), s));
    ArrayNode f = root.putArray("failures");
    for (var x : r.failures()) {
      failure(f.addObject(), "prefix", x.prefix(), x.kind(), x.expected(), x.rank(), x.top());
    }
    return root;
  }

  private static void failure(ObjectNode o, String name, String text, String kind, List<String> expected,
      Integer rank, List<String> top) {
    o.put(name, text);
    o.put("kind", kind);
    expected.forEach(o.putArray("expected")::add);
    if (rank == null) {
      o.putNull("rank");
    } else {
      o.put("rank", rank);
    }
    top.forEach(o.putArray("top")::add);
  }

  /** Metrics as JSON; {@code matching} (the median number of matching terms) only for the engine. */
  private static void metrics(ObjectNode o, Metrics m, Double matching) {
    o.put("queries", m.queries());
    if (matching != null) {
      if (matching == Math.rint(matching)) {
        o.put("matching", matching.longValue());
      } else {
        o.put("matching", matching);
      }
    }
    o.put("mrr10", round(m.mrr10()));
    o.put("success1", round(m.success1()));
    o.put("success3", round(m.success3()));
  }

  private static void scores(ObjectNode parent, SuggestionReport.Summary s) {
    ObjectNode e = parent.putObject("engine");
    e.put("prefixes", s.prefixes());
    scores(e, s.engine());
    e.put("repeats", s.repeats());
    ObjectNode b = parent.putObject("baseline");
    b.put("prefixes", s.prefixes());
    scores(b, s.baseline());
  }

  private static void scores(ObjectNode o, SuggestionReport.Scores s) {
    o.put("success1", round(s.success1()));
    o.put("success5", round(s.success5()));
    o.put("mrr5", round(s.mrr5()));
  }

  private static double round(double d) {
    return Math.round(d * 1000) / 1000.0;
  }

  /** A median as the table shows it: an integer as such, a half with one decimal. */
  static String median(double m) {
    return m == Math.rint(m) ? Long.toString((long) m) : String.format(Locale.ROOT, "%.1f", m);
  }

  /** The Markdown table of the relevance report, as the README shows it. */
  static String table(RelevanceReport r) {
    StringBuilder sb = new StringBuilder();
    sb.append("| kind | queries | matching | engine MRR@10 | engine s@1 | engine s@3 | baseline MRR@10 | baseline s@1 | baseline s@3 |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    r.engineByKind().forEach((k, m) -> row(sb, k, m, r.medianTotalByKind().get(k), r.baselineByKind().get(k)));
    row(sb, "**all**", r.engine(), r.medianTotal(), r.baseline());
    return sb.toString();
  }

  private static void row(StringBuilder sb, String kind, Metrics e, double matching, Metrics b) {
    sb.append(String.format(Locale.ROOT, "| %s | %d | %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n", kind, e.queries(),
        median(matching), e.mrr10(), e.success1(), e.success3(), b.mrr10(), b.success1(), b.success3()));
  }

  /** The Markdown table of the suggestion report, as the README shows it. */
  static String table(SuggestionReport r) {
    StringBuilder sb = new StringBuilder();
    sb.append("| kind | prefixes | engine s@1 | engine s@5 | engine MRR@5 | repeats | baseline s@1 | baseline s@5 | baseline MRR@5 |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    r.byKind().forEach((k, s) -> row(sb, k, s));
    row(sb, "**all**", r.all());
    return sb.toString();
  }

  private static void row(StringBuilder sb, String kind, SuggestionReport.Summary s) {
    SuggestionReport.Scores e = s.engine();
    SuggestionReport.Scores b = s.baseline();
    sb.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %d | %.3f | %.3f | %.3f |%n", kind, s.prefixes(),
        e.success1(), e.success5(), e.mrr5(), s.repeats(), b.success1(), b.success5(), b.mrr5()));
  }

  private void printTable(PrintWriter out, RelevanceReport r) {
    out.print(table(r));
    printFailures(out, r, "queries not answered first");
  }

  /** Each failed query on a line with {@code --failures}, else their count, as {@code N <what> (…)}. */
  private void printFailures(PrintWriter out, RelevanceReport r, String what) {
    if (failures) {
      out.println();
      for (var f : r.failures()) {
        out.printf(Locale.ROOT, "%-10s rank %-4s %-45s expected %s, got %s%n", f.kind(),
            f.rank() == null ? "-" : f.rank(), f.query(), f.expected(), f.top());
      }
    } else {
      out.printf("%n%d %s (--failures lists them)%n", r.failures().size(), what);
    }
  }

  private void printTable(PrintWriter out, SuggestionReport r) {
    out.print(table(r));
    if (failures) {
      out.println();
      for (var f : r.failures()) {
        out.printf(Locale.ROOT, "%-10s rank %-4s %-30s expected %s, got %s%n", f.kind(),
            f.rank() == null ? "-" : f.rank(), f.prefix(), f.expected(), f.top());
      }
    } else {
      out.printf("%n%d prefixes not completed first (--failures lists them)%n", r.failures().size());
    }
  }
}
