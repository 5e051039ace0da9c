package io.azureglossary.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {
  @TempDir Path dir;

  /** A JMH JSON result in the shape {@code -rf json} writes, with the fields the report reads. */
  static String result(String benchmark, String corpus, String kind, double medianMicros) {
    String params = kind == null ? "{\"corpus\":\"%s\"}".formatted(corpus)
        : "{\"corpus\":\"%s\",\"kind\":\"%s\"}".formatted(corpus, kind);
    return String.format(Locale.ROOT, """
        {"jmhVersion":"1.37","benchmark":"io.azureglossary.bench.%s","mode":"sample","threads":1,"forks":1,
         "jdkVersion":"25","vmName":"OpenJDK 64-Bit Server VM","warmupIterations":2,"warmupTime":"1 s",
         "measurementIterations":3,"measurementTime":"1 s","params":%s,
         "primaryMetric":{"score":%f,"scoreUnit":"us/op","scorePercentiles":{"0.0":1.0,"50.0":%f,"100.0":%f},
           "rawDataHistogram":[[[[%f,100]]]]},
         "secondaryMetrics":{"gc.alloc.rate.norm":{"score":2048.0,"scoreUnit":"B/op"}}}""",
        benchmark, params, medianMicros, medianMicros, medianMicros * 3, medianMicros);
  }

  /** A smoke run: engine search and suggest beside their baselines, with the engine given a median. */
  static Path smokeRun(Path dir, double searchMicros, double suggestMicros) throws Exception {
    Path f = dir.resolve("jmh.json");
    Files.writeString(f, "[" + String.join(",", List.of(
        result("SearchBenchmark.search", "bundled", "mix", searchMicros),
        result("SearchBenchmark.searchNoHighlight", "bundled", "mix", searchMicros / 2),
        result("SearchBenchmark.plain", "bundled", "mix", 100),
        result("SuggestBenchmark.suggest", "bundled", null, suggestMicros),
        result("SuggestBenchmark.plainPrefix", "bundled", null, 40),
        result("FloorBenchmark.termCount", "bundled", null, 5))) + "]");
    return f;
  }

  private Path thresholds() throws Exception {
    Path t = dir.resolve("t.properties");
    Files.writeString(t, "search=8\nsearchNoHighlight=4\nsuggest=3\ndefault=10\n");
    return t;
  }

  private int gate(Path result, ByteArrayOutputStream out) throws Exception {
    return BenchReport.run(new String[] {result.toString(), "--out", dir.toString(), "--smoke",
        "--thresholds", thresholds().toString()}, new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @Test
  void smoke_withinThresholds_passesAndWritesJson() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(0, gate(smokeRun(dir, 500, 60), out), out.toString(StandardCharsets.UTF_8));

    JsonNode json = new ObjectMapper().readTree(dir.resolve("bench-smoke.json").toFile());
    assertTrue(json.path("jdk").asText().startsWith("25"));
    assertTrue(json.path("cores").asInt() >= 1);
    JsonNode first = json.path("benchmarks").get(0);
    assertEquals("search[mix]", first.path("name").asText());
    assertEquals("bundled", first.path("corpus").asText());
    assertEquals(500.0, first.path("medianMicros").asDouble());
    assertEquals(5.0, first.path("ratioToBaseline").asDouble());
    assertEquals(8.0, first.path("threshold").asDouble());
    assertEquals(3, json.path("benchmarks").size());
    assertTrue(Files.readString(dir.resolve("bench-smoke.md")).contains("| search[mix] | bundled | 500 | 100 | – | – | 5.00× | 8.00× | ok |"));
  }

  /** The deliberately slowed engine: a fabricated result 20x the baseline must fail the gate. */
  @Test
  void smoke_slowedEngine_fails() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(1, gate(smokeRun(dir, 2000, 60), out));
    String printed = out.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("FAILED search[mix] on bundled: 20.00x the plain baseline (threshold 8.00x)"), printed);
    assertTrue(printed.contains("FAILED searchNoHighlight[mix] on bundled: 10.00x"), printed);
  }

  @Test
  void smoke_slowedSuggestOnly_fails() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(1, gate(smokeRun(dir, 500, 400), out));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("FAILED suggest on bundled: 10.00x"));
  }

  @Test
  void bundledThresholds_coverEverySmokeBenchmark() throws Exception {
    var t = BenchReport.loadThresholds(null);
    for (String key : List.of("search", "searchNoHighlight", "suggest", "default")) {
      assertTrue(Double.parseDouble(t.getProperty(key)) > 0, key);
    }
  }

  @Test
  void report_ratiosToBaselineAndFloor_fromTheSameRun() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Path readme = dir.resolve("README.md");
    Files.writeString(readme, "# Bench\n\nintro\n\n" + BenchReport.BEGIN + "\nold table\n" + BenchReport.END + "\n\nafter\n");
    assertEquals(0, BenchReport.run(new String[] {smokeRun(dir, 500, 60).toString(), "--out", dir.toString(),
        "--readme", readme.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8)));
    String md = Files.readString(dir.resolve("bench-report.md"));
    // 500 µs against a 100 µs baseline and a 5 µs floor; 2 KB allocated per search
    assertTrue(md.contains("| mix | bundled | 500 | 5.0× | 100× | 250 | 2.5× | 100 | 2 KB |"), md);
    assertTrue(md.contains("| bundled | 60.0 | 1.5× | 12× | 40.0 | 2 KB |"), md);
    assertTrue(md.contains("| bundled, highlighted search median < 300 µs | 500 µs | **no** |"), md);
    assertTrue(md.contains("| bundled, suggest median < 50 µs | 60.0 µs | **no** |"), md);
    String text = Files.readString(readme);
    assertTrue(text.startsWith("# Bench\n\nintro\n\n" + BenchReport.BEGIN + "\n"), text);
    assertTrue(text.endsWith(BenchReport.END + "\n\nafter\n"), text);
    assertTrue(!text.contains("old table"));
    String svg = Files.readString(dir.resolve("bench-latency.svg"));
    assertTrue(svg.startsWith("<svg") && svg.contains("engine search, highlighted") && svg.contains("<polyline"), svg);
  }

  /** A gate result: a wall-clock median and the CPU counters of {@code GateBenchmark.Cpu}. */
  static String gate(String method, double medianMicros, double cpuMicrosPerCall) {
    return String.format(Locale.ROOT, """
        {"benchmark":"io.azureglossary.bench.GateBenchmark.%s","mode":"sample","forks":0,"jdkVersion":"25",
         "vmName":"VM","warmupIterations":2,"warmupTime":"1 s","measurementIterations":3,"measurementTime":"1 s",
         "params":{"corpus":"bundled"},
         "primaryMetric":{"score":%f,"scoreUnit":"us/op","scorePercentiles":{"50.0":%f}},
         "secondaryMetrics":{"calls":{"score":1000.0,"scoreUnit":"#"},"cpuNanos":{"score":%f,"scoreUnit":"#"}}}""",
        method, medianMicros, medianMicros, cpuMicrosPerCall * 1000 * 1000);
  }

  /** The gate divides CPU times, whatever the wall clock says: a loaded machine inflated the engine's median. */
  @Test
  void smoke_gate_ratiosOfCpuTime() throws Exception {
    Path f = dir.resolve("gate.json");
    Files.writeString(f, "[" + String.join(",", List.of(
        gate("search", 6000, 600), gate("searchNoHighlight", 3000, 300), gate("searchPlain", 100, 100),
        gate("suggest", 50, 50), gate("suggestPlain", 40, 40))) + "]");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(0, gate(f, out), out.toString(StandardCharsets.UTF_8));
    JsonNode rows = new ObjectMapper().readTree(dir.resolve("bench-smoke.json").toFile()).path("benchmarks");
    assertEquals(3, rows.size());
    assertEquals("search[mix]", rows.get(0).path("name").asText());
    assertEquals(6000.0, rows.get(0).path("medianMicros").asDouble());
    assertEquals(6.0, rows.get(0).path("ratioToBaseline").asDouble());
    assertEquals(600.0, rows.get(0).path("cpuMicros").asDouble());
    assertEquals(100.0, rows.get(0).path("baselineCpuMicros").asDouble());
    assertEquals(8.0, rows.get(0).path("threshold").asDouble());
    assertEquals("searchNoHighlight[mix]", rows.get(1).path("name").asText());
    assertEquals(3.0, rows.get(1).path("ratioToBaseline").asDouble());
    assertEquals("suggest", rows.get(2).path("name").asText());
    assertEquals(1.25, rows.get(2).path("ratioToBaseline").asDouble());

    // the deliberately slowed engine: 1 ms more CPU per search
    Files.writeString(f, "[" + String.join(",", List.of(gate("search", 7000, 1600), gate("searchPlain", 100, 100))) + "]");
    out.reset();
    assertEquals(1, gate(f, out));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("FAILED search[mix] on bundled: 16.00x"));
  }

  /** Reading the last word as a prefix is gated against the same search reading it as finished, not the baseline. */
  @Test
  void smoke_gate_prefixCostIsSearchOverWholeWords() throws Exception {
    Path f = dir.resolve("gate.json");
    Path t = dir.resolve("t.properties");
    Files.writeString(t, "default=100\nsearch/searchWholeWords=1.2\n");
    Files.writeString(f, "[" + String.join(",", List.of(gate("search", 1150, 115), gate("searchWholeWords", 1000, 100),
        gate("searchPlain", 100, 100))) + "]");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String[] args = {f.toString(), "--out", dir.toString(), "--smoke", "--thresholds", t.toString()};
    assertEquals(0, BenchReport.run(args, new PrintStream(out, true, StandardCharsets.UTF_8)), out.toString(StandardCharsets.UTF_8));
    JsonNode rows = new ObjectMapper().readTree(dir.resolve("bench-smoke.json").toFile()).path("benchmarks");
    JsonNode cost = null;
    for (JsonNode r : rows) {
      if (r.path("name").asText().equals("search/searchWholeWords")) {
        cost = r;
      }
    }
    assertTrue(cost != null, rows.toString());
    assertEquals(1.15, cost.path("ratioToBaseline").asDouble());
    assertEquals(1.2, cost.path("threshold").asDouble());

    Files.writeString(f, "[" + String.join(",", List.of(gate("search", 1300, 130), gate("searchWholeWords", 1000, 100),
        gate("searchPlain", 100, 100))) + "]");
    out.reset();
    assertEquals(1, BenchReport.run(args, new PrintStream(out, true, StandardCharsets.UTF_8)));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("FAILED search/searchWholeWords on bundled: 1.30x"),
        out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void run_withoutResult_printsUsage() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(2, BenchReport.run(new String[0], new PrintStream(out, true, StandardCharsets.UTF_8)));
    assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("usage: BenchReport"));
  }
}
