package io.azureglossary.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.azureglossary.bench.StartupReport.CaseResult;
import io.azureglossary.bench.StartupReport.Run;
import io.azureglossary.bench.StartupReport.Target;
import io.azureglossary.bench.StartupReport.Warm;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupReportTest {
  @TempDir Path dir;

  private static CaseResult c(String id, double wall, double cpu) {
    return new CaseResult(id, "label of " + id, "cmd " + id, List.of(wall * 2, wall, wall / 2), List.of(cpu, cpu, cpu), Map.of());
  }

  /** A run as today's code gives: every target missed except none. */
  static Run slow() {
    CaseResult probe = new CaseResult("bundled-probe", "probe", "cmd", List.of(2500.0, 2600.0, 2400.0),
        List.of(3000.0, 3000.0, 3000.0), Map.of("mainToResultMillis", List.of(2000.0, 2100.0, 1900.0),
            "startToResultMillis", List.of(2100.0, 2200.0, 2000.0)));
    return new Run("2026-12-03T14:00:00Z", 2, "25.0.3 (OpenJDK 64-Bit Server VM)", "/jdk/bin/java", "3.10 2.00 1.00",
        "3.50 2.50 1.50", 3, "key vault soft delete", "100k", "/tmp/idx",
        List.of(c("glossary-search", 4000, 6000), c("empty-jvm", 100, 80), probe, c("index-probe", 7000, 9000),
            c("glossary-search-index", 8000, 10000)),
        new Warm(6, 2, List.of(9000.0, 7000.0, 6000.0, 6100.0, 5900.0, 6000.0),
            List.of(8000.0, 6000.0, 5000.0, 5100.0, 4900.0, 5000.0), List.of(900.0, 400.0, 390.0, 400.0, 410.0, 400.0)));
  }

  /** A run meeting every target. */
  static Run fast() {
    CaseResult probe = new CaseResult("bundled-probe", "probe", "cmd", List.of(200.0), List.of(250.0),
        Map.of("mainToResultMillis", List.of(120.0)));
    return new Run("2026-12-03T14:00:00Z", 2, "25", "java", "0.1 0.1 0.1", "0.1 0.1 0.1", 1, "q", "100k", "/tmp/idx",
        List.of(c("glossary-search", 350, 400), c("empty-jvm", 80, 60), probe, c("glossary-search-index", 1400, 1500)),
        new Warm(4, 1, List.of(5000.0, 900.0, 800.0, 850.0), List.of(), List.of(1000.0, 300.0, 310.0, 290.0)));
  }

  @Test
  void median_oddEvenEmpty() {
    assertEquals(3, StartupReport.median(List.of(9.0, 1.0, 3.0)));
    assertEquals(2.5, StartupReport.median(List.of(4.0, 1.0, 2.0, 3.0)));
    assertTrue(Double.isNaN(StartupReport.median(List.of())));
  }

  @Test
  void warm_mediansLeaveOutTheFirstRepetitions() {
    Warm w = slow().warm();
    assertEquals(6000, w.medianEngine()); // 6000, 6100, 5900, 6000 without 9000 and 7000
    assertEquals(400, w.medianPlain());
    assertEquals(15, w.ratio(), 1e-9);
    assertEquals(5000, w.medianOpen());
    assertTrue(Double.isNaN(fast().warm().medianOpen()), "a run recorded without open-only times");
  }

  @Test
  void ratios_divideByTheFloorsMedian() {
    Run r = slow();
    assertEquals(40, r.wallRatio(r.find("glossary-search")), 1e-9);
    assertEquals(75, r.cpuRatio(r.find("glossary-search")), 1e-9);
  }

  @Test
  void targets_slowRun_allMissed() {
    List<Target> t = StartupReport.targets(slow(), 20L << 20);
    assertEquals(7, t.size());
    t.forEach(x -> assertEquals(Boolean.FALSE, x.met(), x.what()));
    assertEquals("4,000 ms", t.get(0).measured());
    assertEquals("40×", t.get(1).measured());
    assertEquals("2,000 ms", t.get(2).measured());
    assertEquals("15×", t.get(4).measured());
    assertEquals("20.0 MB", t.get(6).measured());
  }

  @Test
  void targets_fastRun_allMet() {
    List<Target> t = StartupReport.targets(fast(), 15L << 20);
    t.forEach(x -> assertEquals(Boolean.TRUE, x.met(), x.what() + " " + x.measured()));
  }

  @Test
  void targets_withoutIndexOrMemory_areNotMeasured() {
    Run r = slow();
    Run bundledOnly = new Run(r.time(), r.cores(), r.jdk(), r.java(), r.loadStart(), r.loadEnd(), r.forks(), r.query(),
        null, null, r.cases().subList(0, 3), null);
    List<Target> t = StartupReport.targets(bundledOnly, null);
    assertEquals(List.of(false, false, false), t.subList(0, 3).stream().map(Target::met).toList());
    t.subList(3, 7).forEach(x -> {
      assertNull(x.met(), x.what());
      assertEquals("not measured", x.verdict());
    });
  }

  @Test
  void markdown_rowsRatiosAndMachine() {
    String md = StartupReport.markdown(slow(), 20L << 20, "./mvnw x");
    assertTrue(md.contains("2 cores, JDK 25.0.3"), md);
    assertTrue(md.contains("load average 3.10 2.00 1.00 at the start"), md);
    assertTrue(md.contains("Command: `./mvnw x`"), md);
    assertTrue(md.contains("| label of glossary-search | 4,000 ms | 40× | 6,000 ms | 75× | – | – |"), md);
    assertTrue(md.contains("| probe | 2,500 ms | 25× | 3,000 ms | 38× | 2,000 ms | 2,100 ms |"), md);
    assertTrue(md.contains("| `GlossaryIndex.open` + first search | 6,000 ms | 15× |"), md);
    assertTrue(md.contains("| `GlossaryIndex.open` alone | 5,000 ms | 13× |"), md);
    assertFalse(StartupReport.markdown(fast(), null, null).contains("`GlossaryIndex.open` alone"));
    assertTrue(md.contains("| `./glossary search`, bundled glossary: wall median ≤ 0.4 s | 4,000 ms | **no** |"), md);
  }

  @Test
  void markdown_flagsABusyMachine() {
    assertTrue(StartupReport.markdown(slow(), null, null).contains("**Busy machine**"));
    assertFalse(StartupReport.markdown(fast(), null, null).contains("**Busy machine**"));
  }

  @Test
  void json_roundTrip_keepsSamples() throws Exception {
    Path f = dir.resolve("startup.json");
    StartupReport.write(slow(), f);
    String json = Files.readString(f);
    assertTrue(json.contains("\"wallRatioToFloor\" : 40.0"), json);
    Run back = StartupReport.read(f);
    assertEquals(StartupReport.markdown(slow(), null, null), StartupReport.markdown(back, null, null));
  }

  @Test
  void readme_sectionGoesAfterTheBenchReport_thenIsReplaced() throws Exception {
    Path f = dir.resolve("startup.json");
    StartupReport.write(slow(), f);
    Path readme = dir.resolve("README.md");
    Files.writeString(readme, "# Bench\n\n" + BenchReport.BEGIN + "\nsearch table\n" + BenchReport.END + "\n\n## Later\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(0, StartupReport.run(new String[] {f.toString(), "--readme", readme.toString(), "--out", dir.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8)));
    String text = Files.readString(readme);
    int bench = text.indexOf(BenchReport.END);
    int start = text.indexOf(StartupReport.BEGIN);
    assertTrue(bench >= 0 && start > bench && text.indexOf("## Later") > text.indexOf(StartupReport.END), text);
    assertTrue(text.contains("## Start-up"), text);
    assertTrue(Files.readString(dir.resolve("startup.md")).contains("4,000 ms"));

    StartupReport.write(fast(), f);
    assertEquals(0, StartupReport.run(new String[] {f.toString(), "--readme", readme.toString(), "--out", dir.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8)));
    String again = Files.readString(readme);
    assertFalse(again.contains("4,000 ms"), again);
    assertTrue(again.contains("350 ms"), again);
    assertEquals(1, again.split("startup-report:begin", -1).length - 1);
    assertEquals(1, again.split("\n## Start-up\n", -1).length - 1);
    assertTrue(again.contains("search table"));
  }

  @Test
  void run_withoutInput_printsUsage() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(2, StartupReport.run(new String[0], new PrintStream(out, true, StandardCharsets.UTF_8)));
    assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("usage:"));
  }
}
