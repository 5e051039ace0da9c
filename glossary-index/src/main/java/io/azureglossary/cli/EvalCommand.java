package io.azureglossary.cli;

import io.azureglossary.search.Glossary;
import io.azureglossary.search.Hit;
import io.azureglossary.search.SearchRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Run the judged queries and report MRR@10, success@1 and success@3, overall and per kind.")
final class EvalCommand implements Callable<Integer> {
  /** Where the bundled judged queries live on the classpath. */
  static final String BUNDLED_QUERIES = "glossary/eval/queries.tsv";

  @Spec
  CommandSpec spec;

  @Option(names = "--queries", paramLabel = "FILE", description = "Judged queries (TSV: query, expected ids, kind); default: the bundled ones.")
  Path queries;

  @Option(names = "--corpus", paramLabel = "DIR", description = "Evaluate this corpus folder instead of the bundled glossary.")
  Path corpus;

  @Option(names = "--index", paramLabel = "DIR", description = "Evaluate this persistent index (built by reindex) instead.")
  Path index;

  /** One judged query: every id in {@code expected} is a correct first answer. */
  record Judged(String query, List<String> expected, String kind) {}

  /** Reciprocal rank of the first correct hit in the top 10 (0 if none), and whether it was first / in the top 3. */
  record Outcome(Judged judged, int rank) {
    double reciprocalRank() {
      return rank == 0 ? 0 : 1.0 / rank;
    }
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<Judged> judged = queries == null ? parse(BUNDLED_QUERIES, bundled()) : parse(queries.toString(), Files.readString(queries));
    List<Outcome> outcomes = new ArrayList<>();
    try (Glossaries.Opened opened = Glossaries.open(corpus, index)) {
      for (Judged j : judged) {
        outcomes.add(run(opened.glossary(), j));
      }
    }
    Map<String, List<Outcome>> byKind = new LinkedHashMap<>();
    outcomes.forEach(o -> byKind.computeIfAbsent(o.judged().kind(), k -> new ArrayList<>()).add(o));
    out.printf(Locale.ROOT, "%-12s %7s %7s %10s %10s%n", "kind", "queries", "MRR@10", "success@1", "success@3");
    byKind.forEach((kind, list) -> row(out, kind, list));
    row(out, "all", outcomes);
    return GlossaryCli.OK;
  }

  static Outcome run(Glossary glossary, Judged j) {
    List<Hit> hits = glossary.search(SearchRequest.of(j.query()).limit(10).highlight(false)).results();
    for (int i = 0; i < hits.size(); i++) {
      if (j.expected().contains(hits.get(i).id())) {
        return new Outcome(j, i + 1);
      }
    }
    return new Outcome(j, 0);
  }

  private static void row(PrintWriter out, String kind, List<Outcome> list) {
    double mrr = list.stream().mapToDouble(Outcome::reciprocalRank).average().orElse(0);
    double s1 = list.stream().filter(o -> o.rank() == 1).count() / (double) list.size();
    double s3 = list.stream().filter(o -> o.rank() >= 1 && o.rank() <= 3).count() / (double) list.size();
    out.printf(Locale.ROOT, "%-12s %7d %7.3f %10.3f %10.3f%n", kind, list.size(), mrr, s1, s3);
  }

  private static String bundled() throws IOException {
    try (InputStream in = EvalCommand.class.getClassLoader().getResourceAsStream(BUNDLED_QUERIES)) {
      if (in == null) {
        throw new IOException("bundled judged queries not found on the classpath (" + BUNDLED_QUERIES + ")");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Parses judged queries; blank lines and lines starting with # are skipped. */
  static List<Judged> parse(String file, String text) {
    List<Judged> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].stripTrailing();
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      if (cols.length != 3 || cols[0].isBlank() || cols[1].isBlank() || cols[2].isBlank()) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected three TAB-separated columns "
            + "(query, expected ids, kind), got " + cols.length);
      }
      out.add(new Judged(cols[0].strip(), Arrays.stream(cols[1].split(",")).map(String::strip).toList(), cols[2].strip()));
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(file + ": no judged queries");
    }
    return out;
  }
}
