package io.azureglossary.bench;

import io.azureglossary.corpus.Corpus;
import io.azureglossary.model.Term;
import io.azureglossary.store.Reindexer;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP load run of {@code glossary-server} (issue 14), not JMH: a server in its own JVM, as
 * {@code glossary serve} runs it, and {@code clients} keep-alive connections on loopback from this
 * JVM, each sending its next request as soon as the last is answered (a closed loop: latency is
 * from the request's first byte written to the response's last byte read).
 *
 * <ol>
 *   <li><b>search</b>: {@code /api/search?q=…} (top 10, highlighted, facets: the page's request)
 *       over the 342 judged queries of {@code corpus/eval/queries.tsv}, each client from its own
 *       place in one shuffled order (seed 42);
 *   <li><b>suggest</b>: {@code /api/suggest?q=…} over the judged prefixes of
 *       {@code corpus/eval/suggestions.tsv} and every prefix of 2+ characters of the judged queries' first words;
 *   <li><b>search during reindex</b>: the server serves a persistent index, and this JVM republishes
 *       it every {@code reindexEvery} seconds (one term's definition changed each time, as an
 *       editor's fix would); the generations served are read from {@code /healthz};
 *   <li><b>malformed requests</b> beside a search load: bad UTF-8, a 100 KB URL, 10,000
 *       parameters, garbage, 200 headers, and 20 clients sending one byte a second;
 *   <li><b>start-up</b>: a fresh server JVM until its first search answer, as {@code ./glossary serve} and as a plain {@code java -cp}.
 * </ol>
 *
 * <p>Every answer is checked (status 200, whole body); anything else counts as an error. The server
 * is warmed up first ({@code warmup} seconds of the search and suggest mix), as a server is after its
 * first minute. Writes {@code serve-load.md} and prints it.
 *
 * <pre>
 * java -cp glossary-bench/target/benchmarks.jar io.azureglossary.bench.ServeLoad --out DIR [--seconds 30]
 *     [--warmup 20] [--clients 32] [--reindex-every 3] [--repo DIR] [--startup-runs 5]
 * </pre>
 */
public final class ServeLoad {
  private ServeLoad() {}

  /** One phase's figures. */
  record Result(String name, long requests, long errors, double seconds, long[] sortedNanos, String note) {
    double throughput() {
      return requests / seconds;
    }

    double percentileMs(double p) {
      if (sortedNanos.length == 0) {
        return Double.NaN;
      }
      int i = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
      return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, i))] / 1e6;
    }
  }

  /**
   * Runs the load phases and writes the report.
   *
   * @param args {@code --out DIR} and the options above
   * @throws Exception if the server cannot be started or a phase cannot run
   */
  public static void main(String[] args) throws Exception {
    Path out = Path.of(arg(args, "--out", "target"));
    int seconds = Integer.parseInt(arg(args, "--seconds", "30"));
    int warmup = Integer.parseInt(arg(args, "--warmup", "20"));
    int clients = Integer.parseInt(arg(args, "--clients", "32"));
    int reindexEvery = Integer.parseInt(arg(args, "--reindex-every", "3"));
    int startupRuns = Integer.parseInt(arg(args, "--startup-runs", "5"));
    String repo = arg(args, "--repo", null);
    List<String> phases = List.of(arg(args, "--phases", "search,suggest,malformed,reindex,startup").split(","));
    Files.createDirectories(out);

    List<String> searches = searchPaths();
    List<String> suggestions = suggestPaths();
    String loadBefore = loadAverage();
    List<Result> results = new ArrayList<>();
    List<String[]> malformed;
    List<String[]> startup = new ArrayList<>();
    String serverCpu;
    try (ServerProcess server = ServerProcess.start(List.of())) {
      System.out.println("serve-load: server at " + server.uri + ", warming up " + warmup + " s");
      List<String> mixed = new ArrayList<>(searches);
      mixed.addAll(suggestions);
      Collections.shuffle(mixed, new Random(7));
      run("warm-up", server.uri, clients, Duration.ofSeconds(warmup), mixed);
      long cpuBefore = server.cpuNanos();
      Result search = run("search (highlighted, facets)", server.uri, clients, Duration.ofSeconds(seconds), searches);
      long cpuSearch = server.cpuNanos() - cpuBefore;
      results.add(search);
      serverCpu = String.format(Locale.ROOT, "Server CPU time (all its threads: JIT and GC too) per search: %.0f µs",
          cpuSearch / 1e3 / search.requests());
      if (phases.contains("suggest")) {
        cpuBefore = server.cpuNanos();
        Result suggest = run("suggest", server.uri, clients, Duration.ofSeconds(seconds), suggestions);
        serverCpu += String.format(Locale.ROOT, "; per completion: %.0f µs", (server.cpuNanos() - cpuBefore) / 1e3 / suggest.requests());
        results.add(suggest);
      }
      malformed = phases.contains("malformed") ? malformed(server.uri, clients / 4, searches) : List.of();
    }
    if (phases.contains("reindex")) {
      results.add(duringReindex(out, clients, seconds, warmup, reindexEvery, searches));
    }
    if (phases.contains("startup") && repo != null) { // untimed: ./glossary builds the CLI jar first when it is stale
      Process p = new ProcessBuilder(Path.of(repo).resolve("glossary").toString(), "--version").inheritIO().start();
      if (p.waitFor() != 0) {
        throw new IllegalStateException("./glossary --version exited " + p.exitValue());
      }
    }
    for (int i = 0; phases.contains("startup") && i < startupRuns; i++) {
      startup.add(new String[] {"java -cp … GlossaryServer (bundled)", Long.toString(startupMillis(null))});
      if (repo != null) {
        startup.add(new String[] {"./glossary serve", Long.toString(startupMillis(Path.of(repo)))});
      }
    }
    String loadAfter = loadAverage();
    String report = report(results, malformed, startup, clients, seconds, warmup, loadBefore, loadAfter, serverCpu);
    Files.writeString(out.resolve("serve-load.md"), report);
    System.out.println(report);
  }

  // ----- the query mixes -----

  static List<String> searchPaths() throws IOException {
    List<String> out = new ArrayList<>();
    for (String[] row : tsv("glossary/eval/queries.tsv")) {
      out.add("/api/search?q=" + URLEncoder.encode(row[0], StandardCharsets.UTF_8));
    }
    Collections.shuffle(out, new Random(42));
    return out;
  }

  static List<String> suggestPaths() throws IOException {
    List<String> prefixes = new ArrayList<>();
    for (String[] row : tsv("glossary/eval/suggestions.tsv")) {
      prefixes.add(row[0]);
    }
    for (String[] row : tsv("glossary/eval/queries.tsv")) {
      String word = row[0].split(" ")[0];
      for (int n = 2; n <= word.length(); n++) {
        prefixes.add(word.substring(0, n));
      }
    }
    List<String> out = new ArrayList<>();
    for (String p : prefixes) {
      out.add("/api/suggest?q=" + URLEncoder.encode(p, StandardCharsets.UTF_8));
    }
    Collections.shuffle(out, new Random(42));
    return out;
  }

  private static List<String[]> tsv(String resource) throws IOException {
    try (InputStream in = ServeLoad.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the class path (the glossary-corpus jar holds it)");
      }
      List<String[]> rows = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          rows.add(line.split("\t"));
        }
      }
      return rows;
    }
  }

  // ----- the closed-loop clients -----

  /** A keep-alive HTTP/1.1 connection that sends GETs and reads whole responses. */
  static final class Connection implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] line = new byte[8192];

    Connection(URI uri) throws IOException {
      socket = new Socket(uri.getHost(), uri.getPort());
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(30_000);
      out = socket.getOutputStream();
      in = new BufferedInputStream(socket.getInputStream(), 65536);
    }

    /** Sends a GET and reads the whole answer; returns its status. */
    int get(String path) throws IOException {
      out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      String status = readLine();
      if (status == null || !status.startsWith("HTTP/1.1 ")) {
        throw new IOException("no status line: " + status);
      }
      int code = Integer.parseInt(status.substring(9, 12));
      long length = -1;
      String h;
      while ((h = readLine()) != null && !h.isEmpty()) {
        if (h.regionMatches(true, 0, "Content-Length:", 0, 15)) {
          length = Long.parseLong(h.substring(15).strip());
        }
      }
      if (length < 0) {
        throw new IOException("no Content-Length");
      }
      in.skipNBytes(length); // an EOFException when the body is cut short
      return code;
    }

    private String readLine() throws IOException {
      int n = 0;
      int c;
      while ((c = in.read()) >= 0) {
        if (c == '\n') {
          return new String(line, 0, n > 0 && line[n - 1] == '\r' ? n - 1 : n, StandardCharsets.ISO_8859_1);
        }
        if (n < line.length) {
          line[n++] = (byte) c;
        }
      }
      return null;
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  /** {@code clients} connections for {@code duration}, each over {@code paths} from its own offset. */
  static Result run(String name, URI uri, int clients, Duration duration, List<String> paths) throws InterruptedException {
    long end = System.nanoTime() + duration.toNanos();
    long[][] lat = new long[clients][];
    int[] counts = new int[clients];
    AtomicInteger errors = new AtomicInteger();
    Thread[] threads = new Thread[clients];
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      int client = c;
      threads[c] = Thread.ofPlatform().name("load-" + c).start(() -> {
        long[] mine = new long[1 << 16];
        int n = 0;
        int i = client * paths.size() / clients;
        Connection conn = null;
        while (System.nanoTime() < end) {
          String path = paths.get(i++ % paths.size());
          long t0 = System.nanoTime();
          try {
            if (conn == null) {
              conn = new Connection(uri);
            }
            int code = conn.get(path);
            long t = System.nanoTime() - t0;
            if (code != 200) {
              errors.incrementAndGet();
            }
            if (n == mine.length) {
              mine = Arrays.copyOf(mine, n * 2);
            }
            mine[n++] = t;
          } catch (IOException | RuntimeException e) {
            errors.incrementAndGet();
            closeQuietly(conn);
            conn = null;
          }
        }
        closeQuietly(conn);
        lat[client] = mine;
        counts[client] = n;
      });
    }
    for (Thread t : threads) {
      t.join();
    }
    double secs = (System.nanoTime() - start) / 1e9;
    int total = 0;
    for (int c : counts) {
      total += c;
    }
    long[] all = new long[total];
    int at = 0;
    for (int c = 0; c < clients; c++) {
      System.arraycopy(lat[c], 0, all, at, counts[c]);
      at += counts[c];
    }
    Arrays.sort(all);
    Result r = new Result(name, total, errors.get(), secs, all, "");
    System.out.printf(Locale.ROOT, "serve-load: %-30s %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  errors %d%n", name,
        r.throughput(), r.percentileMs(50), r.percentileMs(99), r.errors());
    return r;
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (IOException e) {
        // closing
      }
    }
  }

  // ----- during a reindex -----

  static Result duringReindex(Path out, int clients, int seconds, int warmup, int every, List<String> searches)
      throws Exception {
    Path dir = Files.createTempDirectory(out.toAbsolutePath(), "serve-load-index-");
    List<Term> terms = Corpus.bundled().terms();
    Reindexer.into(dir).run(Corpus.of("bundled", terms));
    try (ServerProcess server = ServerProcess.start(List.of("--index", dir.toString()))) {
      run("warm-up (index)", server.uri, clients, Duration.ofSeconds(warmup), searches);
      int before = generation(server.uri);
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger published = new AtomicInteger();
      Thread reindexer = Thread.ofPlatform().name("reindexer").start(() -> {
        int round = 0;
        while (!stop.get()) {
          try {
            Thread.sleep(every * 1000L);
            if (stop.get()) {
              return;
            }
            round++;
            List<Term> changed = new ArrayList<>(terms);
            int i = round % changed.size();
            Term t = changed.get(i);
            changed.set(i, t.toBuilder().definition(t.definition() + " (revision " + round + ")").build());
            if (Reindexer.into(dir).run(Corpus.of("bundled, revised", changed)).published()) {
              published.incrementAndGet();
            }
          } catch (InterruptedException e) {
            return;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      });
      Result r = run("search during reindex", server.uri, clients, Duration.ofSeconds(seconds), searches);
      stop.set(true);
      reindexer.interrupt();
      reindexer.join();
      Thread.sleep(1500); // the server's watcher notices the last one
      int after = generation(server.uri);
      return new Result(r.name(), r.requests(), r.errors(), r.seconds(), r.sortedNanos(),
          published.get() + " generations published (one every " + every + " s), generation served "
              + before + " → " + after);
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static int generation(URI uri) throws IOException {
    String body = fetch(uri, "/healthz");
    int at = body.indexOf("\"generation\":");
    return Integer.parseInt(body.substring(at + 13, body.indexOf(',', at)));
  }

  /** One GET with Connection: close; the whole answer, head and body. */
  static String fetch(URI uri, String path) throws IOException {
    return raw(uri, ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8), 30_000);
  }

  static String raw(URI uri, byte[] request, int timeoutMs) throws IOException {
    try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
      s.setSoTimeout(timeoutMs);
      s.getOutputStream().write(request);
      s.getOutputStream().flush();
      String text = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      int body = text.indexOf("\r\n\r\n");
      return text.startsWith("HTTP/") ? text.substring(0, Math.min(text.length(), 200)).split("\r\n")[0]
          + (body > 0 ? text.substring(body + 4) : "") : text;
    }
  }

  // ----- malformed requests -----

  /** Each malformed case against a live search load; rows of case, answer, and the load's figures beside it. */
  static List<String[]> malformed(URI uri, int clients, List<String> searches) throws Exception {
    List<String[]> rows = new ArrayList<>();
    Result quiet = run("search (" + clients + " clients, alone)", uri, clients, Duration.ofSeconds(10), searches);
    Thread attack = Thread.ofPlatform().start(() -> {
      try {
        rows.add(answer(uri, "bad UTF-8 (%FF%FE)", "/api/search?q=%FF%FE"));
        rows.add(answer(uri, "raw bytes that are not UTF-8", "/api/search?q=\u00ff\u00fe"));
        rows.add(answer(uri, "100 KB URL", "/api/search?q=" + "a".repeat(100_000)));
        StringBuilder many = new StringBuilder("/api/search?q=vnet");
        for (int i = 0; i < 10_000; i++) {
          many.append("&p").append(i).append("=1");
        }
        rows.add(answer(uri, "10,000 parameters (" + many.length() / 1024 + " KB)", many.toString()));
        StringBuilder few = new StringBuilder("/api/search?q=vnet");
        for (int i = 0; i < 10_000; i++) {
          few.append("&");
        }
        rows.add(answer(uri, "10,000 empty parameters (&&&…, 10 KB)", few.toString()));
        rows.add(answerRaw(uri, "garbage request line", "\u0001\u0002 nonsense\r\n\r\n"));
        StringBuilder headers = new StringBuilder("GET /api/search?q=vnet HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < 200; i++) {
          headers.append("X-H").append(i).append(": v\r\n");
        }
        rows.add(answerRaw(uri, "200 headers", headers + "\r\n"));
        rows.add(slowClients(uri, 20));
      } catch (Exception e) {
        rows.add(new String[] {"(the malformed checks failed)", e.toString()});
      }
    });
    Result loaded = run("search (" + clients + " clients, beside malformed)", uri, clients, Duration.ofSeconds(20), searches);
    attack.join();
    rows.add(new String[] {"the search load beside them", String.format(Locale.ROOT,
        "%d clients: %.0f req/s, p99 %.2f ms, %d errors (alone, just before: %.0f req/s, p99 %.2f ms, %d errors)",
        clients, loaded.throughput(), loaded.percentileMs(99), loaded.errors(), quiet.throughput(), quiet.percentileMs(99),
        quiet.errors())});
    return rows;
  }

  private static String[] answer(URI uri, String what, String path) {
    return answerRaw(uri, what, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  }

  private static String[] answerRaw(URI uri, String what, String request) {
    long t0 = System.nanoTime();
    String answer;
    try {
      answer = raw(uri, request.getBytes(StandardCharsets.ISO_8859_1), 15_000);
      answer = answer.isEmpty() ? "dropped (connection closed, no answer)" : answer.replace("\r\n", " ");
    } catch (IOException e) {
      answer = "dropped (" + e.getMessage() + ")";
    }
    if (answer.length() > 160) {
      answer = answer.substring(0, 157) + "…";
    }
    return new String[] {what, answer + String.format(Locale.ROOT, " — in %.1f ms", (System.nanoTime() - t0) / 1e6)};
  }

  /** {@code n} connections that each send a request one byte a second; how and when the server ends them. */
  private static String[] slowClients(URI uri, int n) throws Exception {
    byte[] request = "GET /api/search?q=vnet HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    AtomicInteger cut = new AtomicInteger();
    AtomicInteger answered = new AtomicInteger();
    long[] longest = new long[1];
    Thread[] threads = new Thread[n];
    for (int i = 0; i < n; i++) {
      threads[i] = Thread.ofPlatform().start(() -> {
        long t0 = System.nanoTime();
        try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
          s.setSoTimeout(30_000);
          OutputStream o = s.getOutputStream();
          for (byte b : request) {
            o.write(b);
            o.flush();
            Thread.sleep(1000);
          }
          int first = s.getInputStream().read();
          if (first < 0) {
            cut.incrementAndGet();
          } else {
            answered.incrementAndGet();
          }
        } catch (IOException e) {
          cut.incrementAndGet();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        synchronized (longest) {
          longest[0] = Math.max(longest[0], System.nanoTime() - t0);
        }
      });
    }
    for (Thread t : threads) {
      t.join();
    }
    return new String[] {n + " clients sending one byte a second",
        cut.get() + " cut off by the server, " + answered.get() + " answered; the last ended after "
            + TimeUnit.NANOSECONDS.toSeconds(longest[0]) + " s"};
  }

  // ----- start-up -----

  /** Milliseconds from starting a server process to its first search answer. */
  static long startupMillis(Path repo) throws Exception {
    int port = freePort();
    List<String> command = new ArrayList<>();
    if (repo != null) {
      command.addAll(List.of(repo.resolve("glossary").toString(), "serve", "--port", Integer.toString(port)));
    } else {
      command.addAll(javaCommand());
      command.addAll(List.of(ServeMain.class.getName(), "--port", Integer.toString(port)));
    }
    URI uri = URI.create("http://127.0.0.1:" + port + "/");
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      while (true) {
        try {
          String answer = fetch(uri, "/api/search?q=key+vault+soft+delete");
          if (answer.startsWith("HTTP/1.1 200")) {
            return (System.nanoTime() - t0) / 1_000_000;
          }
          throw new IllegalStateException("first answer was not a 200: " + answer.substring(0, Math.min(80, answer.length())));
        } catch (java.net.ConnectException e) {
          if (!p.isAlive()) {
            throw new IllegalStateException("the server exited with " + p.exitValue() + ": " + command);
          }
          if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(60)) {
            throw new IllegalStateException("no answer within 60 s: " + command);
          }
          Thread.sleep(2);
        }
      }
    } finally {
      p.toHandle().destroy();
      p.waitFor(20, TimeUnit.SECONDS);
      p.destroyForcibly();
    }
  }

  private static int freePort() throws IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static List<String> javaCommand() {
    return new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path")));
  }

  /** A server JVM started by {@link ServeMain}; its URI read from its first line. */
  static final class ServerProcess implements AutoCloseable {
    final Process process;
    final URI uri;

    private ServerProcess(Process process, URI uri) {
      this.process = process;
      this.uri = uri;
    }

    static ServerProcess start(List<String> extra) throws IOException {
      List<String> command = javaCommand();
      command.add(ServeMain.class.getName());
      command.addAll(List.of("--port", "0"));
      command.addAll(extra);
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      while (line != null && !line.startsWith("http://")) { // Lucene's start-up notes come first
        line = out.readLine();
      }
      if (line == null) {
        p.destroyForcibly();
        throw new IllegalStateException("the server did not start: " + line);
      }
      Thread.ofPlatform().daemon().start(() -> out.lines().forEach(l -> System.out.println("server: " + l)));
      return new ServerProcess(p, URI.create(line.strip()));
    }

    long cpuNanos() {
      return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    @Override
    public void close() throws InterruptedException {
      process.toHandle().destroy();
      process.waitFor(20, TimeUnit.SECONDS);
      process.destroyForcibly();
    }
  }

  // ----- the report -----

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String report(List<Result> results, List<String[]> malformed, List<String[]> startup, int clients,
      int seconds, int warmup, String loadBefore, String loadAfter, String serverCpu) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Run %s; %d cores, JDK %s; %d keep-alive clients on loopback, %d s per phase "
            + "after a %d s warm-up; load average (1, 5, 15 min) before: %s, after: %s. %s.%n%n",
        ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), Runtime.getRuntime().availableProcessors(),
        Runtime.version(), clients, seconds, warmup, loadBefore, loadAfter, serverCpu));
    sb.append("| phase | requests | req/s | p50 ms | p99 ms | max ms | errors | |\n|---|---:|---:|---:|---:|---:|---:|---|\n");
    for (Result r : results) {
      sb.append(String.format(Locale.ROOT, "| %s | %,d | %,.0f | %.2f | %.2f | %.1f | %d | %s |%n", r.name(), r.requests(),
          r.throughput(), r.percentileMs(50), r.percentileMs(99), r.percentileMs(100), r.errors(), r.note()));
    }
    sb.append("\n| malformed request | answer |\n|---|---|\n");
    for (String[] row : malformed) {
      sb.append("| ").append(row[0]).append(" | ").append(row[1].replace("|", "\\|")).append(" |\n");
    }
    if (startup.isEmpty()) {
      return sb.toString();
    }
    sb.append("\n| start to first search answer | runs (ms) | median ms |\n|---|---|---:|\n");
    startup.stream().map(r -> r[0]).distinct().forEach(name -> {
      long[] ms = startup.stream().filter(r -> r[0].equals(name)).mapToLong(r -> Long.parseLong(r[1])).toArray();
      long[] sorted = ms.clone();
      Arrays.sort(sorted);
      sb.append("| ").append(name).append(" | ").append(Arrays.toString(ms)).append(" | ")
          .append(sorted[sorted.length / 2]).append(" |\n");
    });
    return sb.toString();
  }

  private static String arg(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
