package io.azureglossary.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.io.File;

/**
 * One real OpenSearch 3.8 node for all the tests of this JVM (glossary-opensearch-node's
 * {@code NodeMain}, in a JVM of its own on the node's own class path), started on first use and
 * stopped when the test JVM exits: its standard input is closed, which ends it, and its folder is
 * deleted. The node also ends by itself if this JVM dies without running its hooks. A node that
 * does not start is an error with the end of its log, never a skip.
 */
final class TestNode {
  private static final String NODE_PACKAGE = "io/azureglossary/opensearch/node/";
  private static final long START_TIMEOUT_SECONDS = 180;
  private static TestNode node;

  final String url;
  final long startMillis;
  private final Process process;
  private final Path dir;

  private TestNode(String url, long startMillis, Process process, Path dir) {
    this.url = url;
    this.startMillis = startMillis;
    this.process = process;
    this.dir = dir;
  }

  /** The shared node, started on the first call. */
  static synchronized TestNode get() {
    if (node == null) {
      node = start();
      Runtime.getRuntime().addShutdownHook(new Thread(node::stop, "opensearch-node-stop"));
    }
    return node;
  }

  ClusterConnection connection() {
    return ClusterConnection.of(url, Map.of());
  }

  private static TestNode start() {
    long t0 = System.nanoTime();
    try {
      Path dir = Files.createTempDirectory("glossary-opensearch-node");
      URL cp = TestNode.class.getClassLoader().getResource(NODE_PACKAGE + "classpath.txt");
      URL main = TestNode.class.getClassLoader().getResource(NODE_PACKAGE + "NodeMain.class");
      if (cp == null || main == null) {
        throw new IllegalStateException("glossary-opensearch-node is not on the test class path: build with -am");
      }
      String harness = harnessLocation(main);
      String deps;
      try (InputStream in = cp.openStream()) {
        deps = String.join(File.pathSeparator, new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().split("\\|"));
      }
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      Path log = dir.resolve("node.log");
      String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder pb = new ProcessBuilder(javaBin, "-Xms256m", "-Xmx1g", "-XX:+UseSerialGC", "-Xshare:auto",
          "-Dlog4j2.level=WARN", "-cp", harness + File.pathSeparator + deps, "io.azureglossary.opensearch.node.NodeMain",
          dir.resolve("node").toString(), Integer.toString(port));
      pb.redirectErrorStream(true).redirectOutput(log.toFile());
      Process p = pb.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
      while (true) {
        String text = Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
        int at = text.indexOf("OPENSEARCH-NODE READY ");
        if (at >= 0) {
          String url = text.substring(at + "OPENSEARCH-NODE READY ".length()).lines().findFirst().orElseThrow().strip();
          return new TestNode(url, (System.nanoTime() - t0) / 1_000_000, p, dir);
        }
        if (!p.isAlive() || System.nanoTime() > deadline) {
          p.destroyForcibly();
          List<String> lines = text.lines().toList();
          String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
          throw new IllegalStateException("the OpenSearch test node did not start (" + (p.isAlive() ? "no answer in "
              + START_TIMEOUT_SECONDS + " s" : "exit code " + p.waitFor()) + "); the end of its log:\n" + tail);
        }
        Thread.sleep(200);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the OpenSearch test node: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String harnessLocation(URL mainClass) {
    String s = mainClass.toString();
    if (s.startsWith("jar:file:")) {
      return Path.of(java.net.URI.create(s.substring(4, s.indexOf("!/")))).toString();
    }
    Path file = Path.of(java.net.URI.create(s));
    Path root = file;
    for (int i = 0; i < NODE_PACKAGE.split("/").length + 1; i++) {
      root = root.getParent();
    }
    return root.toString();
  }

  private void stop() {
    try {
      process.getOutputStream().close();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (IOException | InterruptedException e) {
      process.destroyForcibly();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a temporary folder: nothing more to do
    }
  }
}
