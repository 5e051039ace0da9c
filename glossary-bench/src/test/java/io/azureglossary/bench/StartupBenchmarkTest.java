package io.azureglossary.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's parsing of what bash and the probes print; no timing is asserted. */
class StartupBenchmarkTest {
  @TempDir Path dir;

  /** What the wrapper prints: its wall line, then bash's times (the shell's line, then the children's). */
  private static final String WRAPPER_OUTPUT = """
      wall 1796307440.089170 1796307451.256066
      0m0.002s 0m0.001s
      1m6.822s 0m0.384s
      """;

  @Test
  void cpuMillis_isTheChildrenLineOfTimes_notTheShellsOwn() {
    assertEquals(60_000 + 6_822 + 384, StartupBenchmark.cpuMillis(WRAPPER_OUTPUT), 1e-6);
  }

  @Test
  void cpuMillis_acceptsACommaAsDecimalSeparator() {
    assertEquals(1_500, StartupBenchmark.cpuMillis("0m0,000s 0m0,000s\n0m1,250s 0m0,250s\n"), 1e-6);
  }

  @Test
  void cpuMillis_withoutTheChildrenLine_fails() {
    assertThrows(IllegalArgumentException.class, () -> StartupBenchmark.cpuMillis("0m0.002s 0m0.001s\n"));
  }

  @Test
  void wallMillis_fromEpochRealtimeMicroseconds() {
    assertEquals(11_166.896, StartupBenchmark.wallMillis(WRAPPER_OUTPUT), 1e-9);
    assertEquals(1796307440089170L, StartupBenchmark.startEpochMicros(WRAPPER_OUTPUT));
    assertEquals(2.5, StartupBenchmark.wallMillis("wall 10,000000 10,002500\n"), 1e-9);
  }

  @Test
  void wallMillis_withoutTheWallLine_isNaN() {
    assertTrue(Double.isNaN(StartupBenchmark.wallMillis("0m0.002s 0m0.001s\n0m1.000s 0m0.000s\n")));
    assertEquals(-1, StartupBenchmark.startEpochMicros(""));
  }

  @Test
  void keyValues_keepsOnlyKeyValueLines() {
    Map<String, String> kv = StartupBenchmark.keyValues("""
        WARNING: a=b is not a key
        mainToResultNanos=123456789
        resultEpochMillis=1796307451256
        top=key-vault
        """);
    assertEquals(Map.of("mainToResultNanos", "123456789", "resultEpochMillis", "1796307451256", "top", "key-vault"), kv);
  }

  @Test
  void nanosToMillis_parsesTheWarmProbesLists() {
    assertEquals(List.of(1.5, 2000.0), StartupBenchmark.nanosToMillis("1500000,2000000000"));
    assertThrows(IllegalArgumentException.class, () -> StartupBenchmark.nanosToMillis(null));
  }

  @Test
  void fork_runsTheCommandUnderBash_andReadsItsOutput() throws Exception {
    StartupBenchmark.Case c = new StartupBenchmark.Case("t", "t",
        List.of("bash", "-c", "echo mainToResultNanos=42; echo noise >&2"), false);
    StartupBenchmark.Sample s = StartupBenchmark.fork(c, dir, false);
    assertEquals("42", s.output().get("mainToResultNanos"));
    assertTrue(s.wallMillis() >= 0 && s.cpuMillis() >= 0);
    assertTrue(s.startEpochMicros() > 0);
  }

  @Test
  void fork_failingCommand_fails() {
    StartupBenchmark.Case c = new StartupBenchmark.Case("t", "t", List.of("bash", "-c", "echo broken >&2; exit 3"), false);
    IOException e = assertThrows(IOException.class, () -> StartupBenchmark.fork(c, dir, false));
    assertTrue(e.getMessage().contains("exited with 3") && e.getMessage().contains("broken"), e.getMessage());
  }

  @Test
  void fork_launcherThatRebuildsDuringATimedRun_fails() {
    StartupBenchmark.Case c = new StartupBenchmark.Case("t", "t",
        List.of("bash", "-c", "echo 'glossary: building the command-line tool (first run or sources changed)...' >&2; echo hit"),
        true);
    assertThrows(IOException.class, () -> StartupBenchmark.fork(c, dir, false));
  }

  @Test
  void options_defaultsAndRepository() throws Exception {
    Files.writeString(dir.resolve("glossary"), "#!/bin/sh\n");
    Files.writeString(dir.resolve("pom.xml"), "<project/>\n");
    Path sub = Files.createDirectories(dir.resolve("glossary-bench"));
    assertEquals(dir, StartupBenchmark.findRepo(sub));
    StartupBenchmark.Options o = StartupBenchmark.options(new String[] {"--out", "x.json", "--repo", dir.toString()},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertNotNull(o);
    assertEquals(7, o.forks());
    assertFalse(o.withIndex());
    assertEquals("100k", o.indexSize());
    assertEquals(StartupBenchmark.QUERY, o.query());
    StartupBenchmark.Options withIndex = StartupBenchmark.options(new String[] {"--out", "x.json", "--repo", dir.toString(),
        "--with-index", "true", "--forks", "3"}, System.err);
    assertTrue(withIndex.withIndex());
    assertEquals(3, withIndex.forks());
  }

  @Test
  void options_badArguments_areRefused() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream p = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertNull(StartupBenchmark.options(new String[] {"--repo", dir.toString()}, p)); // no --out
    assertNull(StartupBenchmark.options(new String[] {"--out", "x", "--repo", dir.toString()}, p)); // no launcher
    assertNull(StartupBenchmark.options(new String[] {"--out", "x", "--frks", "3"}, p));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage:"));
  }
}
