package io.azureglossary.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The start-up report: reads what {@link StartupBenchmark} measured ({@code startup.json}) and writes
 * the Markdown table, the targets met or missed, and with {@code --readme} the start-up
 * section of that file, between {@link #BEGIN} and {@link #END} (added after BenchReport's section
 * when missing).
 *
 * <pre>StartupReport startup.json [--memory memory.json] [--out DIR] [--readme README.md] [--command TEXT]</pre>
 *
 * <p>{@code --memory} is a {@link MemoryReport} result: its heap retained serving the bundled
 * glossary is judged against {@link #HEAP_TARGET_BYTES}.
 */
public final class StartupReport {
  static final String BEGIN = "<!-- startup-report:begin (written by StartupReport; do not edit by hand) -->";
  static final String END = "<!-- startup-report:end -->";
  /** The case every other is divided by. */
  static final String FLOOR = "empty-jvm";
  /** Heap retained serving the bundled glossary when the start-up work began (MemoryReport, about 18 MB). */
  static final long HEAP_TARGET_BYTES = 18L << 20;

  private StartupReport() {}

  /** Every fork of one case: wall and CPU milliseconds, and the probe's own timings by name. */
  record CaseResult(String id, String label, String command, List<Double> wallMillis, List<Double> cpuMillis,
      Map<String, List<Double>> probeMillis) {
    double medianWall() {
      return median(wallMillis);
    }

    double medianCpu() {
      return median(cpuMillis);
    }

    /** The median of a probe timing, NaN when the case has none. */
    double medianProbe(String key) {
      List<Double> v = probeMillis.get(key);
      return v == null ? Double.NaN : median(v);
    }
  }

  /**
   * The warm JVM: engine open + first search and plain open + count, {@code reps} times each;
   * medians over the repetitions after the first {@code skipped}.
   */
  record Warm(int reps, int skipped, List<Double> engineMillis, List<Double> openMillis, List<Double> plainMillis) {
    double medianEngine() {
      return median(engineMillis.subList(Math.min(skipped, engineMillis.size() - 1), engineMillis.size()));
    }

    /** {@code GlossaryIndex.open} alone; NaN for runs recorded before it was measured. */
    double medianOpen() {
      return openMillis.isEmpty() ? Double.NaN
          : median(openMillis.subList(Math.min(skipped, openMillis.size() - 1), openMillis.size()));
    }

    double medianPlain() {
      return median(plainMillis.subList(Math.min(skipped, plainMillis.size() - 1), plainMillis.size()));
    }

    double ratio() {
      return medianEngine() / medianPlain();
    }
  }

  /** One run of the benchmark. {@code indexSize} and {@code warm} are null for a run without the index. */
  record Run(String time, int cores, String jdk, String java, String loadStart, String loadEnd, int forks,
      String query, String indexSize, String indexDir, List<CaseResult> cases, Warm warm) {
    CaseResult find(String id) {
      return cases.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    double wallRatio(CaseResult c) {
      CaseResult floor = find(FLOOR);
      return floor == null ? Double.NaN : c.medianWall() / floor.medianWall();
    }

    double cpuRatio(CaseResult c) {
      CaseResult floor = find(FLOOR);
      return floor == null ? Double.NaN : c.medianCpu() / floor.medianCpu();
    }
  }

  /** One of the targets, judged; {@code met} is null when the run did not measure it. */
  record Target(String what, String measured, Boolean met) {
    String verdict() {
      return met == null ? "not measured" : met ? "yes" : "**no**";
    }
  }

  /** Writes the report; see the class comment. */
  public static void main(String[] args) throws IOException {
    int status = run(args, System.out);
    if (status != 0) {
      System.exit(status);
    }
  }

  static int run(String[] args, PrintStream out) throws IOException {
    Path input = null;
    Path memory = null;
    Path dir = null;
    Path readme = null;
    String command = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--memory" -> memory = Path.of(args[++i]);
        case "--out" -> dir = Path.of(args[++i]);
        case "--readme" -> readme = Path.of(args[++i]);
        case "--command" -> command = args[++i];
        default -> {
          if (args[i].startsWith("--") || input != null) {
            out.println("unexpected argument '" + args[i] + "'");
            return 2;
          }
          input = Path.of(args[i]);
        }
      }
    }
    if (input == null) {
      out.println("usage: StartupReport startup.json [--memory memory.json] [--out DIR] [--readme README.md] [--command TEXT]");
      return 2;
    }
    Run run = read(input);
    Long heap = null;
    if (memory != null && Files.exists(memory)) {
      heap = MemoryReport.read(memory).sizes().stream().filter(s -> s.corpus().equals("bundled"))
          .map(MemoryReport.Size::heapRetainedBytes).findFirst().orElse(null);
    }
    String md = markdown(run, heap, command);
    dir = dir == null ? input.toAbsolutePath().getParent() : dir;
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("startup.md"), md);
    if (readme != null) {
      replaceSection(readme, md);
    }
    out.print(md);
    return 0;
  }

  /** The table of medians and ratios, the warm-JVM table, and the targets. */
  static String markdown(Run run, Long heapRetainedBytes, String command) {
    StringBuilder sb = new StringBuilder();
    sb.append("Latest start-up run: ").append(run.time(), 0, Math.min(10, run.time().length())).append(", ")
        .append(run.cores()).append(" cores, JDK ").append(run.jdk()).append(", load average ")
        .append(run.loadStart()).append(" at the start, ").append(run.loadEnd()).append(" at the end.\n\n");
    if (command != null) {
      sb.append("Command: `").append(command).append("`\n\n");
    }
    if (busy(run)) {
      sb.append("**Busy machine**: the load average was above the number of cores during the run, so the wall "
          + "times include waiting for a core; the CPU times are the steadier figures. Wall ratios to the floor grow "
          + "with load too: the short empty JVM is less often made to wait than a case lasting seconds.\n\n");
    }
    sb.append(String.format(Locale.ROOT, "Each case is a fresh process, forked %d times, the cases interleaved "
        + "round-robin after one discarded warm-up round; medians. Query: `%s`. **Wall**: from just before the "
        + "command starts to its exit; **CPU**: user + system time of the whole process tree (the launcher script "
        + "included); **×floor**: divided by the empty JVM's median from the same run. **main → first result**: timed "
        + "by the probe itself, from the first statement of `main`; **start → first result**: from the command's "
        + "start (the JVM's boot included) to the probe's clock at the first result; neither includes the JVM's "
        + "exit.%n%n", run.forks(), run.query()));
    sb.append("| case | wall | ×floor | CPU | ×floor | main → first result | start → first result |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (CaseResult c : run.cases()) {
      sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", c.label(), ms(c.medianWall()),
          BenchReport.ratio(run.wallRatio(c)), ms(c.medianCpu()), BenchReport.ratio(run.cpuRatio(c)),
          ms(c.medianProbe("mainToResultMillis")), ms(c.medianProbe("startToResultMillis"))));
    }
    Warm w = run.warm();
    if (w != null) {
      sb.append(String.format(Locale.ROOT, "%nWarm JVM, %s-term index: %d times each, alternating; medians of the "
          + "last %d.%n%n", run.indexSize(), w.reps(), w.reps() - w.skipped()))
          .append("| in one JVM | median | ×plain |\n|---|---:|---:|\n")
          .append(String.format(Locale.ROOT, "| `GlossaryIndex.open` + first search | %s | %s |%n", ms(w.medianEngine()),
              BenchReport.ratio(w.ratio())))
          .append(Double.isNaN(w.medianOpen()) ? "" : String.format(Locale.ROOT,
              "| `GlossaryIndex.open` alone | %s | %s |%n", ms(w.medianOpen()), BenchReport.ratio(w.medianOpen() / w.medianPlain())))
          .append(String.format(Locale.ROOT, "| plain `DirectoryReader.open(FSDirectory.open(dir))` + one TermQuery "
              + "count | %s | 1.0× |%n", ms(w.medianPlain())));
    }
    sb.append("\n### Start-up targets\n\n| target | measured | met |\n|---|---|---|\n");
    for (Target t : targets(run, heapRetainedBytes)) {
      sb.append("| ").append(t.what()).append(" | ").append(t.measured()).append(" | ").append(t.verdict()).append(" |\n");
    }
    return sb.toString();
  }

  /** Whether the 1-minute load average at the start or the end exceeded the cores. */
  static boolean busy(Run run) {
    return Math.max(firstNumber(run.loadStart()), firstNumber(run.loadEnd())) > run.cores();
  }

  private static double firstNumber(String load) {
    try {
      return load == null || load.isBlank() ? 0 : Double.parseDouble(load.strip().split("\\s+")[0]);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The start-up targets, judged on the run (and the heap figure, when given). */
  static List<Target> targets(Run run, Long heapRetainedBytes) {
    List<Target> out = new ArrayList<>();
    CaseResult cli = run.find("glossary-search");
    out.add(cli == null ? missing("`./glossary search`, bundled glossary: wall median ≤ 0.4 s")
        : new Target("`./glossary search`, bundled glossary: wall median ≤ 0.4 s", ms(cli.medianWall()),
            cli.medianWall() <= 400));
    double r = cli == null ? Double.NaN : run.wallRatio(cli);
    out.add(Double.isNaN(r) ? missing("`./glossary search`, bundled glossary: ≤ 5× the empty-JVM floor (wall)")
        : new Target("`./glossary search`, bundled glossary: ≤ 5× the empty-JVM floor (wall)", BenchReport.ratio(r), r <= 5));
    CaseResult probe = run.find("bundled-probe");
    double first = probe == null ? Double.NaN : probe.medianProbe("mainToResultMillis");
    out.add(Double.isNaN(first) ? missing("`Glossary.bundled()` to first result ≤ 150 ms after `main` starts")
        : new Target("`Glossary.bundled()` to first result ≤ 150 ms after `main` starts", ms(first), first <= 150));
    String size = run.indexSize() == null ? "100k" : run.indexSize();
    Warm w = run.warm();
    out.add(w == null ? missing(size + "-term index: open and first search ≤ 1 s in a warm JVM")
        : new Target(size + "-term index: open and first search ≤ 1 s in a warm JVM", ms(w.medianEngine()),
            w.medianEngine() <= 1000));
    out.add(w == null ? missing(size + "-term index: open and first search ≤ 3× a plain `DirectoryReader` open")
        : new Target(size + "-term index: open and first search ≤ 3× a plain `DirectoryReader` open",
            BenchReport.ratio(w.ratio()), w.ratio() <= 3));
    CaseResult idx = run.find("glossary-search-index");
    out.add(idx == null ? missing("`./glossary search --index` on the " + size + "-term index: wall median ≤ 1.5 s")
        : new Target("`./glossary search --index` on the " + size + "-term index: wall median ≤ 1.5 s",
            ms(idx.medianWall()), idx.medianWall() <= 1500));
    String heap = "heap retained serving the bundled glossary ≤ " + BenchReport.bytes(HEAP_TARGET_BYTES) + " (MemoryReport)";
    out.add(heapRetainedBytes == null ? missing(heap)
        : new Target(heap, BenchReport.bytes(heapRetainedBytes), heapRetainedBytes <= HEAP_TARGET_BYTES));
    return out;
  }

  private static Target missing(String what) {
    return new Target(what, "–", null);
  }

  /** Replaces the start-up section of a README; without one, puts it after BenchReport's section, else at the end. */
  static void replaceSection(Path readme, String md) throws IOException {
    String text = Files.exists(readme) ? Files.readString(readme) : "";
    String section = BEGIN + "\n" + md + END;
    int b = text.indexOf(BEGIN);
    int e = text.indexOf(END);
    String updated;
    if (b >= 0 && e > b) {
      updated = text.substring(0, b) + section + text.substring(e + END.length());
    } else if (text.contains(BenchReport.END)) {
      int at = text.indexOf(BenchReport.END) + BenchReport.END.length();
      updated = text.substring(0, at) + "\n\n## Start-up\n\n" + section + text.substring(at);
    } else {
      updated = text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + "\n" + section + "\n";
    }
    Files.writeString(readme, updated, StandardCharsets.UTF_8);
  }

  static double median(List<Double> values) {
    if (values == null || values.isEmpty()) {
      return Double.NaN;
    }
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  static String ms(double millis) {
    if (Double.isNaN(millis)) {
      return "–";
    }
    return millis >= 100 ? String.format(Locale.ROOT, "%,.0f ms", millis) : String.format(Locale.ROOT, "%.1f ms", millis);
  }

  /** Writes the run as JSON: every sample, and the medians and ratios the report quotes. */
  static void write(Run run, Path file) throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("time", run.time());
    root.put("cores", run.cores());
    root.put("jdk", run.jdk());
    root.put("java", run.java());
    root.put("loadAverageStart", run.loadStart());
    root.put("loadAverageEnd", run.loadEnd());
    root.put("forks", run.forks());
    root.put("query", run.query());
    root.put("indexSize", run.indexSize());
    root.put("indexDir", run.indexDir());
    List<Map<String, Object>> cases = new ArrayList<>();
    for (CaseResult c : run.cases()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", c.id());
      m.put("label", c.label());
      m.put("command", c.command());
      m.put("medianWallMillis", round(c.medianWall()));
      m.put("medianCpuMillis", round(c.medianCpu()));
      m.put("wallRatioToFloor", round(run.wallRatio(c)));
      m.put("cpuRatioToFloor", round(run.cpuRatio(c)));
      m.put("wallMillis", c.wallMillis());
      m.put("cpuMillis", c.cpuMillis());
      Map<String, Object> probe = new LinkedHashMap<>();
      c.probeMillis().forEach((k, v) -> { Map<String, Object> p = new LinkedHashMap<>(); p.put("median", round(median(v))); p.put("values", v); probe.put(k, p); });
      m.put("probe", probe);
      cases.add(m);
    }
    root.put("cases", cases);
    if (run.warm() != null) {
      Warm w = run.warm();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("reps", w.reps());
      m.put("skipped", w.skipped());
      m.put("medianEngineMillis", round(w.medianEngine()));
      m.put("medianPlainMillis", round(w.medianPlain()));
      m.put("ratio", round(w.ratio()));
      if (!Double.isNaN(w.medianOpen())) {
        m.put("medianOpenMillis", round(w.medianOpen()));
      }
      m.put("engineMillis", w.engineMillis());
      m.put("openMillis", w.openMillis());
      m.put("plainMillis", w.plainMillis());
      root.put("warm", m);
    }
    if (file.toAbsolutePath().getParent() != null) {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    Files.writeString(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n");
  }

  /** Reads a run written by {@link #write}; medians and ratios are recomputed from the samples. */
  static Run read(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    List<CaseResult> cases = new ArrayList<>();
    for (JsonNode c : root.path("cases")) {
      Map<String, List<Double>> probe = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = c.path("probe").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        probe.put(e.getKey(), doubles(e.getValue().path("values")));
      }
      cases.add(new CaseResult(c.path("id").asText(), c.path("label").asText(), c.path("command").asText(),
          doubles(c.path("wallMillis")), doubles(c.path("cpuMillis")), probe));
    }
    JsonNode w = root.path("warm");
    Warm warm = w.isMissingNode() || w.isNull() ? null : new Warm(w.path("reps").asInt(), w.path("skipped").asInt(),
        doubles(w.path("engineMillis")), doubles(w.path("openMillis")), doubles(w.path("plainMillis")));
    return new Run(root.path("time").asText(), root.path("cores").asInt(), root.path("jdk").asText(),
        root.path("java").asText(), root.path("loadAverageStart").asText(), root.path("loadAverageEnd").asText(),
        root.path("forks").asInt(), root.path("query").asText(), text(root.path("indexSize")),
        text(root.path("indexDir")), cases, warm);
  }

  private static List<Double> doubles(JsonNode array) {
    List<Double> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asDouble()));
    return out;
  }

  private static String text(JsonNode n) {
    return n.isMissingNode() || n.isNull() ? null : n.asText();
  }

  private static double round(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? v : Math.round(v * 1000) / 1000.0;
  }
}
