package io.azureglossary.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Turns a JMH JSON result ({@code -rf json}) into the benchmark report: a Markdown table of
 * medians with each engine figure's ratio to the plain baseline and to the floor measured in the
 * same run, an SVG chart of latency against corpus size, and, for the CI gate, a
 * {@code bench-smoke.json} whose ratios are checked against thresholds.
 *
 * <pre>
 * BenchReport RESULT.json... --out DIR [--smoke] [--thresholds FILE] [--memory memory.json]
 *             [--readme README.md] [--command "how the run was started"]
 * </pre>
 *
 * <p>Several result files (one JMH run per corpus size, say) are read as one run. Where both sides
 * counted their thread CPU time ({@link GateBenchmark}), the ratio divides CPU times. {@code --smoke}
 * writes {@code DIR/bench-smoke.json} and {@code DIR/bench-smoke.md} and exits
 * with status 1 when any ratio exceeds its threshold: ratios, not absolute times, because CI runs on
 * a shared, noisy machine where the engine and the baseline slow down together. Without it, the
 * full report goes to {@code DIR/bench-report.md} and {@code DIR/bench-latency.svg}, and with
 * {@code --readme} into the marked section of that file.
 */
public final class BenchReport {
  /** Each engine benchmark and the baseline it is divided by: same class, same parameters. */
  static final Map<String, String> BASELINE_OF = Map.of(
      "SearchBenchmark.search", "SearchBenchmark.plain",
      "SearchBenchmark.searchNoHighlight", "SearchBenchmark.plain",
      "SuggestBenchmark.suggest", "SuggestBenchmark.plainPrefix",
      "IndexBenchmark.reindex", "IndexBenchmark.plainReindex",
      "IndexBenchmark.open", "IndexBenchmark.plainOpen",
      "GateBenchmark.search", "GateBenchmark.searchPlain",
      "GateBenchmark.searchNoHighlight", "GateBenchmark.searchPlain",
      "GateBenchmark.searchWholeWords", "GateBenchmark.searchPlain",
      "GateBenchmark.suggest", "GateBenchmark.suggestPlain");
  /**
   * Pairs of engine benchmarks divided by each other rather than by a baseline: the search with the
   * last word read as a prefix over the same search with it read as finished.
   */
  static final Map<String, String> COST_OF = Map.of("GateBenchmark.search", "GateBenchmark.searchWholeWords");
  /** The floor every latency is also divided by: a single TermQuery count. */
  static final String FLOOR = "FloorBenchmark.termCount";
  /** The README section the report replaces. */
  static final String BEGIN = "<!-- bench-report:begin (written by BenchReport; do not edit by hand) -->";
  static final String END = "<!-- bench-report:end -->";
  /** The thresholds the smoke gate applies unless {@code --thresholds} names another file. */
  static final String THRESHOLDS = "smoke-thresholds.properties";

  private BenchReport() {}

  /**
   * One engine figure beside its baseline and the floor.
   *
   * @param name method, with the query kind in brackets when there is one: {@code search[typo]}
   * @param ratioToBaseline engine CPU time per operation over the baseline's when both were
   *     counted (the gate), else engine median over baseline median
   * @param ratioToFloor NaN when the run measured no floor for this corpus, or for one-off costs
   * @param cpuMicros mean thread CPU time per operation, NaN when not counted
   * @param threshold the largest ratio to baseline the gate accepts, NaN outside the gate
   */
  record Row(String name, String benchmark, String kind, String corpus, double medianMicros,
      double baselineMicros, double ratioToBaseline, double ratioToFloor, double allocBytesPerOp,
      double cpuMicros, double baselineCpuMicros, double threshold) {
    String benchClass() {
      return benchmark.substring(0, benchmark.indexOf('.'));
    }

    boolean fails() {
      return !Double.isNaN(threshold) && ratioToBaseline > threshold;
    }
  }

  /** Runs the report; see the class comment for the arguments. */
  public static void main(String[] args) throws IOException {
    int status = run(args, System.out);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** The report as a method: returns 0, 1 when the smoke gate fails, or 2 on bad arguments. */
  static int run(String[] args, PrintStream out) throws IOException {
    List<Path> inputs = new ArrayList<>();
    Path dir = null;
    Path thresholds = null;
    Path memory = null;
    Path readme = null;
    String command = null;
    boolean smoke = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--out" -> dir = Path.of(args[++i]);
        case "--smoke" -> smoke = true;
        case "--thresholds" -> thresholds = Path.of(args[++i]);
        case "--memory" -> memory = Path.of(args[++i]);
        case "--readme" -> readme = Path.of(args[++i]);
        case "--command" -> command = args[++i];
        default -> {
          if (args[i].startsWith("--")) {
            out.println("unexpected argument '" + args[i] + "'");
            return 2;
          }
          inputs.add(Path.of(args[i]));
        }
      }
    }
    if (inputs.isEmpty()) {
      out.println("usage: BenchReport RESULT.json... --out DIR [--smoke] [--thresholds FILE] [--memory FILE]"
          + " [--readme FILE] [--command TEXT]");
      return 2;
    }
    dir = dir == null ? inputs.get(0).toAbsolutePath().getParent() : dir;
    Files.createDirectories(dir);
    List<JmhResult> results = new ArrayList<>();
    for (Path input : inputs) {
      results.addAll(JmhResult.read(input));
    }
    if (results.isEmpty()) {
      out.println(inputs + " hold no benchmark result");
      return 2;
    }
    if (smoke) {
      List<Row> rows = rows(results, loadThresholds(thresholds));
      Files.writeString(dir.resolve("bench-smoke.json"), smokeJson(results, rows));
      Files.writeString(dir.resolve("bench-smoke.md"), smokeMarkdown(rows));
      List<Row> failed = rows.stream().filter(Row::fails).toList();
      out.print(smokeMarkdown(rows));
      if (failed.isEmpty()) {
        out.println("bench-smoke: " + rows.size() + " ratios within their thresholds");
        return 0;
      }
      for (Row r : failed) {
        out.printf(Locale.ROOT, "bench-smoke: FAILED %s on %s: %.2fx the plain baseline (threshold %.2fx)%n",
            r.name(), r.corpus(), r.ratioToBaseline(), r.threshold());
      }
      return 1;
    }
    List<Row> rows = rows(results, new Properties());
    MemoryReport.Figures mem = memory != null && Files.exists(memory) ? MemoryReport.read(memory) : null;
    String chart = LatencyChart.svg(results);
    Files.writeString(dir.resolve("bench-latency.svg"), chart);
    String md = markdown(results, rows, mem, command, "bench-latency.svg");
    Files.writeString(dir.resolve("bench-report.md"), md);
    if (readme != null) {
      Files.writeString(readme.toAbsolutePath().resolveSibling("bench-latency.svg"), chart);
      replaceSection(readme, md);
    }
    out.print(md);
    return 0;
  }

  /** Pairs every engine result with its baseline and floor from the same run. */
  static List<Row> rows(List<JmhResult> results, Properties thresholds) {
    List<Row> out = new ArrayList<>();
    for (JmhResult r : results) {
      String baselineName = BASELINE_OF.get(r.benchmark());
      if (baselineName == null) {
        continue;
      }
      JmhResult base = results.stream()
          .filter(b -> b.benchmark().equals(baselineName) && b.params().equals(r.params()))
          .findFirst().orElse(null);
      if (base == null) {
        continue;
      }
      double floor = r.benchClass().equals("IndexBenchmark") ? Double.NaN : results.stream()
          .filter(b -> b.benchmark().equals(FLOOR) && b.corpus().equals(r.corpus()))
          .mapToDouble(JmhResult::medianMicros).findFirst().orElse(Double.NaN);
      // the gate searches the judged mix
      String method = r.method();
      String kind = r.benchClass().equals("GateBenchmark") && method.startsWith("search") ? "mix" : r.kind();
      String name = kind == null ? method : method + "[" + kind + "]";
      String t = thresholds.getProperty(name, thresholds.getProperty(method, thresholds.getProperty("default")));
      // CPU time when both sides counted it (the gate: immune to waiting for a core), else medians
      boolean cpu = !Double.isNaN(r.cpuMicrosPerOp()) && !Double.isNaN(base.cpuMicrosPerOp());
      double ratio = cpu ? r.cpuMicrosPerOp() / base.cpuMicrosPerOp() : r.medianMicros() / base.medianMicros();
      out.add(new Row(name, r.benchmark(), kind, r.corpus(), r.medianMicros(), base.medianMicros(),
          ratio, r.medianMicros() / floor, r.allocBytesPerOp(), r.cpuMicrosPerOp(), base.cpuMicrosPerOp(),
          t == null ? Double.NaN : Double.parseDouble(t.strip())));
    }
    for (var pair : COST_OF.entrySet()) {
      for (JmhResult r : results) {
        if (!r.benchmark().equals(pair.getKey())) {
          continue;
        }
        results.stream().filter(b -> b.benchmark().equals(pair.getValue()) && b.params().equals(r.params())).findFirst()
            .ifPresent(base -> {
              String name = r.method() + "/" + base.method();
              String t = thresholds.getProperty(name);
              boolean cpu = !Double.isNaN(r.cpuMicrosPerOp()) && !Double.isNaN(base.cpuMicrosPerOp());
              double ratio = cpu ? r.cpuMicrosPerOp() / base.cpuMicrosPerOp() : r.medianMicros() / base.medianMicros();
              out.add(new Row(name, r.benchmark(), null, r.corpus(), r.medianMicros(), base.medianMicros(), ratio,
                  Double.NaN, r.allocBytesPerOp(), r.cpuMicrosPerOp(), base.cpuMicrosPerOp(),
                  t == null ? Double.NaN : Double.parseDouble(t.strip())));
            });
      }
    }
    out.sort(Comparator.comparing((Row r) -> sizeOrder(r.corpus())).thenComparing(Row::benchmark)
        .thenComparing(r -> r.kind() == null ? -1 : QueryKind.valueOf(r.kind().toUpperCase(Locale.ROOT)).ordinal()));
    return out;
  }

  static Properties loadThresholds(Path file) throws IOException {
    Properties p = new Properties();
    if (file != null) {
      try (InputStream in = Files.newInputStream(file)) {
        p.load(in);
      }
    } else {
      try (InputStream in = BenchReport.class.getResourceAsStream(THRESHOLDS)) {
        if (in == null) {
          throw new IllegalStateException(THRESHOLDS + " missing from the classpath");
        }
        p.load(in);
      }
    }
    return p;
  }

  static String smokeJson(List<JmhResult> results, List<Row> rows) throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("jdk", results.get(0).jdk());
    root.put("cores", Runtime.getRuntime().availableProcessors());
    List<Map<String, Object>> list = new ArrayList<>();
    for (Row r : rows) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", r.name());
      m.put("corpus", r.corpus());
      m.put("medianMicros", round(r.medianMicros()));
      m.put("ratioToBaseline", round(r.ratioToBaseline()));
      if (!Double.isNaN(r.cpuMicros())) {
        m.put("cpuMicros", round(r.cpuMicros()));
        m.put("baselineCpuMicros", round(r.baselineCpuMicros()));
      }
      m.put("threshold", Double.isNaN(r.threshold()) ? null : r.threshold());
      list.add(m);
    }
    root.put("benchmarks", list);
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
  }

  static String smokeMarkdown(List<Row> rows) {
    StringBuilder sb = new StringBuilder("| benchmark | corpus | median µs | plain µs | CPU µs/op | plain CPU µs/op "
        + "| ratio | threshold | |\n").append("|---|---|---:|---:|---:|---:|---:|---:|---|\n");
    for (Row r : rows) {
      sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %.2f× | %s | %s |%n", r.name(), r.corpus(),
          micros(r.medianMicros()), micros(r.baselineMicros()), micros(r.cpuMicros()), micros(r.baselineCpuMicros()),
          r.ratioToBaseline(),
          Double.isNaN(r.threshold()) ? "–" : String.format(Locale.ROOT, "%.2f×", r.threshold()),
          r.fails() ? "**FAIL**" : Double.isNaN(r.threshold()) ? "" : "ok"));
    }
    return sb.toString();
  }

  static String markdown(List<JmhResult> results, List<Row> rows, MemoryReport.Figures mem, String command,
      String chartFile) {
    StringBuilder sb = new StringBuilder();
    Map<String, Set<String>> corporaBySettings = new LinkedHashMap<>();
    results.forEach(r -> corporaBySettings.computeIfAbsent(r.benchClass() + "|" + r.settings(), k -> new LinkedHashSet<>())
        .add(r.corpus()));
    List<String> settings = new ArrayList<>();
    corporaBySettings.forEach((k, corpora) -> settings.add(k.substring(0, k.indexOf('|')) + " (" + String.join(", ", corpora)
        + "): " + k.substring(k.indexOf('|') + 1)));
    sb.append("Latest full run: ").append(LocalDate.now(ZoneOffset.UTC)).append(", ")
        .append(Runtime.getRuntime().availableProcessors()).append(" cores, JDK ").append(results.get(0).jdk())
        .append(".\n\n");
    if (command != null) {
      sb.append("Command: `").append(command).append("`\n\n");
    }
    sb.append("JMH settings:\n\n");
    settings.forEach(s -> sb.append("- ").append(s).append('\n'));
    sb.append("\nMedians per operation. **×plain** divides by the plain-Lucene baseline measured in the same run "
        + "(same corpus, same queries); **×floor** by a single TermQuery count on one field. "
        + "Allocation is JMH's `gc.alloc.rate.norm` for the highlighted search.\n\n");

    sb.append("### Search, top 10\n\n")
        .append("| kind | corpus | highlighted µs | ×plain | ×floor | no highlight µs | ×plain | plain µs | alloc/op |\n")
        .append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
    List<Row> search = rows.stream().filter(r -> r.benchmark().equals("SearchBenchmark.search")).toList();
    search.stream().sorted(Comparator.comparing((Row r) -> QueryKind.valueOf(r.kind().toUpperCase(Locale.ROOT)).ordinal())
        .thenComparing(r -> sizeOrder(r.corpus()))).forEach(r -> {
          Row nh = find(rows, "SearchBenchmark.searchNoHighlight", r.kind(), r.corpus());
          sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", r.kind(), r.corpus(),
              micros(r.medianMicros()), ratio(r.ratioToBaseline()), ratio(r.ratioToFloor()),
              nh == null ? "–" : micros(nh.medianMicros()), nh == null ? "–" : ratio(nh.ratioToBaseline()),
              micros(r.baselineMicros()), bytes(r.allocBytesPerOp())));
        });

    if (rows.stream().anyMatch(r -> r.benchmark().equals("SuggestBenchmark.suggest"))) {
      sb.append("\n### Suggest, top 10\n\n")
          .append("| corpus | suggest µs | ×plain | ×floor | plain prefix µs | alloc/op |\n|---|---:|---:|---:|---:|---:|\n");
    }
    rows.stream().filter(r -> r.benchmark().equals("SuggestBenchmark.suggest")).forEach(r ->
        sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", r.corpus(), micros(r.medianMicros()),
            ratio(r.ratioToBaseline()), ratio(r.ratioToFloor()), micros(r.baselineMicros()), bytes(r.allocBytesPerOp()))));

    if (results.stream().anyMatch(r -> r.benchmark().equals(FLOOR))) {
      sb.append("\n### Floor: one TermQuery count\n\n| corpus | µs |\n|---|---:|\n");
    }
    results.stream().filter(r -> r.benchmark().equals(FLOOR)).sorted(Comparator.comparing(r -> sizeOrder(r.corpus())))
        .forEach(r -> sb.append("| ").append(r.corpus()).append(" | ").append(micros(r.medianMicros())).append(" |\n"));

    if (rows.stream().anyMatch(r -> r.benchClass().equals("IndexBenchmark"))) {
      sb.append("\n### Reindex and open\n\n")
          .append("| corpus | full reindex | terms/s | plain reindex | ×plain | open | plain open | ×plain |\n")
          .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    }
    for (String corpus : corpora(results)) {
      Row re = find(rows, "IndexBenchmark.reindex", null, corpus);
      Row op = find(rows, "IndexBenchmark.open", null, corpus);
      if (re == null && op == null) {
        continue;
      }
      int terms = terms(corpus, mem);
      sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", corpus,
          re == null ? "–" : millis(re.medianMicros()),
          re == null || terms <= 0 ? "–" : String.format(Locale.ROOT, "%,.0f", terms / (re.medianMicros() / 1e6)),
          re == null ? "–" : millis(re.baselineMicros()), re == null ? "–" : ratio(re.ratioToBaseline()),
          op == null ? "–" : millis(op.medianMicros()), op == null ? "–" : millis(op.baselineMicros()),
          op == null ? "–" : ratio(op.ratioToBaseline())));
    }
    if (mem != null) {
      sb.append('\n').append(mem.markdown());
    }
    sb.append("\n### Targets\n\n| target | measured | met |\n|---|---|---|\n");
    targets(rows).forEach(t -> sb.append("| ").append(t[0]).append(" | ").append(t[1]).append(" | ").append(t[2]).append(" |\n"));
    sb.append("\n![median latency against corpus size](").append(chartFile).append(")\n");
    return sb.toString();
  }

  /** The targets, judged on the mixed query kind. */
  static List<String[]> targets(List<Row> rows) {
    List<String[]> out = new ArrayList<>();
    Row hl = find(rows, "SearchBenchmark.search", "mix", "bundled");
    Row nh = find(rows, "SearchBenchmark.searchNoHighlight", "mix", "bundled");
    Row sg = find(rows, "SuggestBenchmark.suggest", null, "bundled");
    Row big = find(rows, "SearchBenchmark.search", "mix", "100k");
    if (hl != null) {
      out.add(judge("bundled, highlighted search median < 300 µs", micros(hl.medianMicros()) + " µs", hl.medianMicros() < 300));
      out.add(judge("bundled, highlighted search ≤ 4× plain", ratio(hl.ratioToBaseline()), hl.ratioToBaseline() <= 4));
    }
    if (nh != null) {
      out.add(judge("bundled, search without highlighting ≤ 2× plain", ratio(nh.ratioToBaseline()), nh.ratioToBaseline() <= 2));
    }
    if (sg != null) {
      out.add(judge("bundled, suggest median < 50 µs", micros(sg.medianMicros()) + " µs", sg.medianMicros() < 50));
    }
    if (big != null) {
      out.add(judge("100k terms, highlighted search median < 5 ms", millis(big.medianMicros()), big.medianMicros() < 5000));
    }
    return out;
  }

  private static String[] judge(String what, String measured, boolean met) {
    return new String[] {what, measured, met ? "yes" : "**no**"};
  }

  static void replaceSection(Path readme, String md) throws IOException {
    String text = Files.exists(readme) ? Files.readString(readme) : "";
    int b = text.indexOf(BEGIN);
    int e = text.indexOf(END);
    String section = BEGIN + "\n" + md + END;
    String updated = b >= 0 && e > b ? text.substring(0, b) + section + text.substring(e + END.length())
        : text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + "\n" + section + "\n";
    Files.writeString(readme, updated, StandardCharsets.UTF_8);
  }

  private static Row find(List<Row> rows, String benchmark, String kind, String corpus) {
    return rows.stream().filter(r -> r.benchmark().equals(benchmark) && java.util.Objects.equals(r.kind(), kind)
        && r.corpus().equals(corpus)).findFirst().orElse(null);
  }

  static List<String> corpora(List<JmhResult> results) {
    return results.stream().map(JmhResult::corpus).distinct().sorted(Comparator.comparing(BenchReport::sizeOrder)).toList();
  }

  static int sizeOrder(String corpus) {
    return corpus.equals("bundled") ? 0 : BenchCorpus.termCount(corpus);
  }

  private static int terms(String corpus, MemoryReport.Figures mem) {
    if (!corpus.equals("bundled")) {
      return BenchCorpus.termCount(corpus);
    }
    return mem != null ? mem.terms(corpus) : io.azureglossary.corpus.Corpus.bundled().size();
  }

  static String micros(double us) {
    return Double.isNaN(us) ? "–" : us >= 100 ? String.format(Locale.ROOT, "%,.0f", us) : String.format(Locale.ROOT, "%.1f", us);
  }

  static String millis(double us) {
    return String.format(Locale.ROOT, us >= 100_000 ? "%,.0f ms" : "%.1f ms", us / 1000);
  }

  static String ratio(double r) {
    return Double.isNaN(r) || Double.isInfinite(r) ? "–" : r >= 10 ? String.format(Locale.ROOT, "%.0f×", r)
        : String.format(Locale.ROOT, "%.1f×", r);
  }

  static String bytes(double b) {
    if (Double.isNaN(b)) {
      return "–";
    }
    return b >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MB", b / (1 << 20))
        : b >= 1 << 10 ? String.format(Locale.ROOT, "%.0f KB", b / (1 << 10)) : String.format(Locale.ROOT, "%.0f B", b);
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
