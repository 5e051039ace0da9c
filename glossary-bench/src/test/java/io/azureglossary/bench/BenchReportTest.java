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
    assertTrue(Files.readString(dir.resolve("bench-smoke.md")).contains("| search[mix] | bundled | 500 | 100 | 5.00× | 8.00× | ok |"));
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
      assertTrue(Double.parseDouble(t.getProperty(key)) > 1, key);
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

  /** The gate's JMH groups: each method is a secondary metric with its own percentiles. */
  static String group(String group, String engineMethod, double engineMicros, String plainMethod, double plainMicros) {
    String metric = "{\"score\":%f,\"scoreUnit\":\"us/op\",\"scorePercentiles\":{\"50.0\":%f},\"rawDataHistogram\":[[[[%f,50]]]]}";
    return String.format(Locale.ROOT, """
        {"benchmark":"io.azureglossary.bench.GateBenchmark.%s","mode":"sample","forks":0,"jdkVersion":"25",
         "vmName":"VM","warmupIterations":2,"warmupTime":"1 s","measurementIterations":3,"measurementTime":"1 s",
         "params":{"corpus":"bundled"},
         "primaryMetric":{"score":1.0,"scoreUnit":"us/op","scorePercentiles":{"50.0":1.0}},
         "secondaryMetrics":{"%s":%s,"%s:p0.50":{"score":1.0,"scoreUnit":"us/op"},"%s":%s}}""",
        group, engineMethod, metric.formatted(engineMicros, engineMicros, engineMicros), engineMethod,
        plainMethod, metric.formatted(plainMicros, plainMicros, plainMicros));
  }

  @Test
  void smoke_gateGroups_pairEachEngineMethodWithItsPlainNeighbour() throws Exception {
    Path f = dir.resolve("gate.json");
    Files.writeString(f, "[" + String.join(",", List.of(
        group("search", "searchEngine", 600, "searchPlain", 100),
        group("searchNoHighlight", "searchNoHighlightEngine", 300, "searchNoHighlightPlain", 100),
        group("suggest", "suggestEngine", 50, "suggestPlain", 40))) + "]");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(0, gate(f, out), out.toString(StandardCharsets.UTF_8));
    JsonNode rows = new ObjectMapper().readTree(dir.resolve("bench-smoke.json").toFile()).path("benchmarks");
    assertEquals(3, rows.size());
    assertEquals("search[mix]", rows.get(0).path("name").asText());
    assertEquals(6.0, rows.get(0).path("ratioToBaseline").asDouble());
    assertEquals(8.0, rows.get(0).path("threshold").asDouble());
    assertEquals("searchNoHighlight[mix]", rows.get(1).path("name").asText());
    assertEquals(3.0, rows.get(1).path("ratioToBaseline").asDouble());
    assertEquals("suggest", rows.get(2).path("name").asText());
    assertEquals(1.25, rows.get(2).path("ratioToBaseline").asDouble());

    Files.writeString(f, "[" + group("search", "searchEngine", 1200, "searchPlain", 100) + "]");
    out.reset();
    assertEquals(1, gate(f, out));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("FAILED search[mix] on bundled: 12.00x"));
  }

  @Test
  void run_withoutResult_printsUsage() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(2, BenchReport.run(new String[0], new PrintStream(out, true, StandardCharsets.UTF_8)));
    assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("usage: BenchReport"));
  }
}
