package io.azureglossary.bench;

import io.azureglossary.bench.StartupReport.CaseResult;
import io.azureglossary.bench.StartupReport.Run;
import io.azureglossary.bench.StartupReport.Warm;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The start-up benchmark: how long it takes, from nothing, to get a first result. Each case is a
 * fresh process, forked {@code --forks} times, the cases interleaved round-robin (one fork of each
 * per round, the starting case rotating) so that a change in the machine's load during the run
 * hits them all alike, after one warm-up round that is thrown away (it also builds the CLI jar if
 * the launcher finds it stale, and brings the jars and index files into the page cache):
 *
 * <ol>
 *   <li>{@code glossary-search}: {@code ./glossary search QUERY} run from the repository root, the
 *       launcher script and all;
 *   <li>{@code empty-jvm}: {@code java -cp CLASSPATH EmptyMain}, the floor every other case is
 *       divided by;
 *   <li>{@code bundled-probe}: {@link StartupProbe} {@code bundled}: {@code Glossary.bundled()} and one
 *       search, also timed inside the JVM from the start of {@code main}, and from the command's start
 *       (the wrapper's clock just before it, so the JVM's boot included) to the probe's clock at the
 *       first result;
 *   <li>with {@code --with-index true}, over the persistent index of {@code --index-size} (100k terms,
 *       built once with {@code Reindexer} into the {@link IndexCache}, minutes the first time):
 *       {@code index-probe}, {@link StartupProbe} {@code open}; {@code glossary-search-index},
 *       {@code ./glossary search --index DIR QUERY}; and once, after the rounds, a warm JVM
 *       ({@link StartupProbe} {@code warm}) opening the index and searching {@code --warm-reps} times
 *       beside a plain {@code DirectoryReader} open and TermQuery count.
 * </ol>
 *
 * <p>Every child runs under {@code bash}: wall time is bash's {@code $EPOCHREALTIME} just before and
 * after the command, CPU time the children line of bash's {@code times} (user + system of every
 * process the command started and waited for: the launcher's own {@code java -version} check
 * included). Every JVM is the one running this class ({@code java.home}): the probes are started with
 * it, and {@code ./glossary} finds it through {@code JAVA_HOME}. Writes the raw samples and medians
 * as JSON ({@code --out}); {@link StartupReport} turns them into the table and targets.
 *
 * <pre>
 * StartupBenchmark --out startup.json [--repo DIR] [--forks 7] [--with-index false] [--index-size 100k]
 *                  [--warm-reps 21] [--query "key vault soft delete"]
 * </pre>
 */
public final class StartupBenchmark {
  static final String QUERY = "key vault soft delete";
  /**
   * Runs "$@" with its output in the files $1 and $2, then prints the wall clock before and after
   * and the shell's {@code times}; exits with the command's status.
   */
  static final String WRAPPER = "o=$1; e=$2; shift 2; s=$EPOCHREALTIME; \"$@\" >\"$o\" 2>\"$e\" </dev/null; rc=$?; "
      + "f=$EPOCHREALTIME; echo \"wall $s $f\"; times; exit $rc";
  private static final Pattern WALL = Pattern.compile("(?m)^wall (\\d+)[.,](\\d{6}) (\\d+)[.,](\\d{6})\\s*$");
  private static final Pattern TIMES = Pattern.compile("(\\d+)m([\\d.,]+)s\\s+(\\d+)m([\\d.,]+)s");

  private StartupBenchmark() {}

  /** What to run. */
  record Options(Path out, Path repo, int forks, boolean withIndex, String indexSize, int warmReps, String query) {}

  /** One case: a command run from the repository root. */
  record Case(String id, String label, List<String> command, boolean launcher) {}

  /** One fork of a case: wall and CPU time, and what a probe printed. */
  record Sample(double wallMillis, double cpuMillis, long startEpochMicros, Map<String, String> output) {}

  /** Runs the benchmark; see the class comment. */
  public static void main(String[] args) throws Exception {
    Options o = options(args, System.err);
    if (o == null) {
      System.exit(2);
    }
    Run run = run(o, System.out);
    StartupReport.write(run, o.out());
    System.out.print(StartupReport.markdown(run, null, null));
  }

  static Options options(String[] args, PrintStream err) {
    Path out = null;
    Path repo = null;
    int forks = 7;
    boolean withIndex = false;
    String size = "100k";
    int warmReps = 21;
    String query = QUERY;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--out" -> out = Path.of(args[++i]);
          case "--repo" -> repo = Path.of(args[++i]);
          case "--forks" -> forks = Integer.parseInt(args[++i]);
          case "--with-index" -> withIndex = Boolean.parseBoolean(args[++i].strip());
          case "--index-size" -> size = args[++i];
          case "--warm-reps" -> warmReps = Integer.parseInt(args[++i]);
          case "--query" -> query = args[++i];
          default -> throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
        }
      }
      if (out == null) {
        throw new IllegalArgumentException("--out is required");
      }
      if (forks < 1 || warmReps < 2) {
        throw new IllegalArgumentException("--forks must be at least 1 and --warm-reps at least 2");
      }
      repo = repo != null ? repo.toAbsolutePath().normalize() : findRepo(Path.of("").toAbsolutePath());
      if (!Files.isRegularFile(repo.resolve("glossary"))) {
        throw new IllegalArgumentException(repo + " holds no ./glossary launcher: give the repository root with --repo");
      }
      BenchCorpus.termCount(size.equals("bundled") ? "0" : size);
      return new Options(out, repo, forks, withIndex, size, warmReps, query);
    } catch (RuntimeException e) {
      err.println("StartupBenchmark: " + e.getMessage());
      err.println("usage: StartupBenchmark --out FILE [--repo DIR] [--forks N] [--with-index true|false]"
          + " [--index-size 100k] [--warm-reps K] [--query TEXT]");
      return null;
    }
  }

  /** The repository root: the nearest folder at or above {@code from} with the launcher and a pom.xml. */
  static Path findRepo(Path from) {
    for (Path p = from; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("glossary")) && Files.isRegularFile(p.resolve("pom.xml"))) {
        return p;
      }
    }
    throw new IllegalArgumentException("no ./glossary launcher at or above " + from + ": give the repository root with --repo");
  }

  static Run run(Options o, PrintStream log) throws IOException, InterruptedException {
    String loadStart = loadAverage();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("java.class.path");
    List<Case> cases = new ArrayList<>(List.of(
        new Case("glossary-search", "`./glossary search \"" + o.query() + "\"`, bundled glossary",
            List.of("./glossary", "search", o.query()), true),
        new Case("empty-jvm", "empty JVM (`java -cp … EmptyMain`): the floor",
            List.of(java, "-cp", cp, EmptyMain.class.getName()), false),
        new Case("bundled-probe", "`Glossary.bundled()` + first search, fresh JVM",
            List.of(java, "-cp", cp, StartupProbe.class.getName(), "bundled", o.query()), false)));
    Path index = null;
    if (o.withIndex()) {
      index = prepareIndex(o, java, cp, log);
      cases.add(new Case("index-probe", "`GlossaryIndex.open` (" + o.indexSize() + " terms) + first search, fresh JVM",
          List.of(java, "-cp", cp, StartupProbe.class.getName(), "open", index.toString(), o.query()), false));
      cases.add(new Case("glossary-search-index", "`./glossary search --index DIR`, " + o.indexSize() + " terms",
          List.of("./glossary", "search", "--index", index.toString(), o.query()), true));
    }

    log.println("startup-bench: warm-up round (discarded)");
    for (Case c : cases) {
      Sample s = fork(c, o.repo(), true);
      log.printf(Locale.ROOT, "startup-bench: warm-up %-22s %8.0f ms wall %8.0f ms CPU%n", c.id(), s.wallMillis(), s.cpuMillis());
    }
    Map<String, List<Sample>> samples = new LinkedHashMap<>();
    cases.forEach(c -> samples.put(c.id(), new ArrayList<>()));
    for (int round = 0; round < o.forks(); round++) {
      for (int j = 0; j < cases.size(); j++) {
        Case c = cases.get((round + j) % cases.size());
        Sample s = fork(c, o.repo(), false);
        samples.get(c.id()).add(s);
        log.printf(Locale.ROOT, "startup-bench: round %d/%d %-22s %8.0f ms wall %8.0f ms CPU%n", round + 1, o.forks(),
            c.id(), s.wallMillis(), s.cpuMillis());
      }
    }
    Warm warm = null;
    if (index != null) {
      log.printf(Locale.ROOT, "startup-bench: warm JVM, %d opens of the %s index beside a plain reader%n", o.warmReps(), o.indexSize());
      Case w = new Case("warm", "warm JVM", List.of(java, "-cp", cp, StartupProbe.class.getName(), "warm", index.toString(),
          o.query(), String.valueOf(o.warmReps())), false);
      Sample s = fork(w, o.repo(), false);
      warm = new Warm(o.warmReps(), Math.max(1, o.warmReps() / 3), nanosToMillis(s.output().get("engineNanos")),
          nanosToMillis(s.output().get("engineOpenNanos")), nanosToMillis(s.output().get("plainNanos")));
      log.printf(Locale.ROOT, "startup-bench: warm JVM: engine %s ms, plain %s ms%n", warm.engineMillis(), warm.plainMillis());
    }

    List<CaseResult> results = new ArrayList<>();
    for (Case c : cases) {
      List<Sample> ss = samples.get(c.id());
      Map<String, List<Double>> probe = new LinkedHashMap<>();
      if (ss.stream().allMatch(s -> s.output().containsKey("mainToResultNanos"))) {
        probe.put("mainToResultMillis", ss.stream().map(s -> Long.parseLong(s.output().get("mainToResultNanos")) / 1e6).toList());
        if (ss.stream().allMatch(s -> s.startEpochMicros() > 0 && s.output().containsKey("resultEpochMillis"))) {
          probe.put("startToResultMillis", ss.stream()
              .map(s -> Long.parseLong(s.output().get("resultEpochMillis")) - s.startEpochMicros() / 1000.0).toList());
        }
      }
      results.add(new CaseResult(c.id(), c.label(), display(c.command(), cp),
          ss.stream().map(Sample::wallMillis).toList(), ss.stream().map(Sample::cpuMillis).toList(), probe));
    }
    return new Run(Instant.now().toString(), Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")", java, loadStart,
        loadAverage(), o.forks(), o.query(), o.withIndex() ? o.indexSize() : null, index == null ? null : index.toString(),
        results, warm);
  }

  /** The persistent index, built by a forked JVM with a large heap when the cache lacks it. */
  private static Path prepareIndex(Options o, String java, String cp, PrintStream log) throws IOException, InterruptedException {
    Path index = IndexCache.reindexedFolder(o.indexSize());
    if (Files.isDirectory(index)) {
      log.println("startup-bench: " + o.indexSize() + " index cached in " + index);
      return index;
    }
    log.println("startup-bench: building the " + o.indexSize() + " index into " + index + " (minutes at 100k, once)");
    Process p = new ProcessBuilder(java, "-Xmx6g", "-cp", cp, StartupProbe.class.getName(), "prepare", o.indexSize())
        .inheritIO().start();
    if (p.waitFor() != 0 || !Files.isDirectory(index)) {
      throw new IOException("building the " + o.indexSize() + " index failed (exit " + p.exitValue() + ")");
    }
    return index;
  }

  /** Runs one fork of a case under the timing wrapper; fails on a non-zero exit. */
  static Sample fork(Case c, Path repo, boolean warmUp) throws IOException, InterruptedException {
    Path out = Files.createTempFile("startup-bench-", ".out");
    Path err = Files.createTempFile("startup-bench-", ".err");
    try {
      List<String> cmd = new ArrayList<>(List.of("bash", "-c", WRAPPER, "startup-bench", out.toString(), err.toString()));
      cmd.addAll(c.command());
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(repo.toFile()).redirectErrorStream(true);
      // the launcher takes JAVA_HOME first: the same JVM as the probes and the floor
      pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
      long t0 = System.nanoTime();
      Process p = pb.start();
      String wrapper;
      try (InputStream in = p.getInputStream()) {
        wrapper = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      int rc = p.waitFor();
      double outside = (System.nanoTime() - t0) / 1e6;
      String stderr = Files.readString(err, StandardCharsets.UTF_8);
      if (rc != 0) {
        throw new IOException(c.id() + " exited with " + rc + ": " + String.join(" ", c.command()) + "\n"
            + tail(stderr) + tail(wrapper));
      }
      if (c.launcher() && stderr.contains("building the command-line tool")) {
        if (!warmUp) {
          throw new IOException("./glossary rebuilt its jar during a timed run: sources changed while the benchmark ran");
        }
      }
      String stdout = Files.readString(out, StandardCharsets.UTF_8);
      if (c.launcher() && stdout.isBlank()) {
        throw new IOException(c.id() + " printed nothing: " + tail(stderr));
      }
      double wall = wallMillis(wrapper);
      return new Sample(Double.isNaN(wall) ? outside : wall, cpuMillis(wrapper), startEpochMicros(wrapper), keyValues(stdout));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** Wall milliseconds from the wrapper's {@code wall START END} line ({@code $EPOCHREALTIME}s), NaN if absent. */
  static double wallMillis(String wrapper) {
    Matcher m = WALL.matcher(wrapper);
    if (!m.find()) {
      return Double.NaN;
    }
    return (micros(m.group(3), m.group(4)) - micros(m.group(1), m.group(2))) / 1000.0;
  }

  /** The clock time, in microseconds since the epoch, just before the command started; -1 if absent. */
  static long startEpochMicros(String wrapper) {
    Matcher m = WALL.matcher(wrapper);
    return m.find() ? micros(m.group(1), m.group(2)) : -1;
  }

  private static long micros(String seconds, String fraction) {
    return Long.parseLong(seconds) * 1_000_000 + Long.parseLong(fraction);
  }

  /**
   * User plus system milliseconds of the children, from the output of bash's {@code times}: its
   * second line ({@code 0m6.822s 0m0.384s}); the first is the shell's own.
   */
  static double cpuMillis(String wrapper) {
    Matcher m = TIMES.matcher(wrapper);
    if (!m.find() || !m.find()) {
      throw new IllegalArgumentException("no children line from bash times in: " + wrapper);
    }
    return minutesSeconds(m.group(1), m.group(2)) + minutesSeconds(m.group(3), m.group(4));
  }

  private static double minutesSeconds(String minutes, String seconds) {
    return Long.parseLong(minutes) * 60_000.0 + Double.parseDouble(seconds.replace(',', '.')) * 1000;
  }

  /** The {@code key=value} lines of a probe's output. */
  static Map<String, String> keyValues(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0 && line.substring(0, eq).matches("[A-Za-z]+")) {
        out.put(line.substring(0, eq), line.substring(eq + 1).strip());
      }
    }
    return out;
  }

  /** A comma-separated list of nanoseconds, as milliseconds. */
  static List<Double> nanosToMillis(String csv) {
    if (csv == null || csv.isBlank()) {
      throw new IllegalArgumentException("the warm probe printed no timings");
    }
    return List.of(csv.split(",")).stream().map(s -> Long.parseLong(s.strip()) / 1e6).toList();
  }

  /** The command as the report shows it: the classpath and the index folder shortened. */
  private static String display(List<String> command, String cp) {
    List<String> parts = new ArrayList<>();
    for (String s : command) {
      parts.add(s.equals(cp) ? "<bench classpath>" : s.contains(" ") ? "\"" + s + "\"" : s);
    }
    return String.join(" ", parts);
  }

  /** The 1, 5 and 15 minute load averages, from /proc/loadavg, else the 1 minute one from the JVM. */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  private static String tail(String s) {
    String[] lines = s.strip().split("\n");
    return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 20), lines.length)) + "\n";
  }
}
