package io.azureglossary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster commands' failures on the command line: one line, exit 2. (Publishing to and searching
 * a real node is glossary-opensearch's tests.)
 */
class OpenSearchCommandsTest {
  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = GlossaryCli.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  private static int closedPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void publish_unreachableUrl_oneLineExit2() throws Exception {
    int port = closedPort();
    Run r = run("publish", "opensearch", "--url", "http://127.0.0.1:" + port);
    assertEquals(2, r.code());
    assertEquals("glossary: cannot reach http://127.0.0.1:" + port + ": connection refused\n", r.err());
  }

  @Test
  void searchAndEval_refusedCredentials_oneLineExit2() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      byte[] body = "{\"error\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(401, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort();
      Run s = run("search", "--opensearch", url, "key", "vault");
      assertEquals(2, s.code());
      assertEquals("glossary: " + url + " refused the credentials: none were given; set OPENSEARCH_USERNAME and"
          + " OPENSEARCH_PASSWORD, or OPENSEARCH_API_KEY (401)\n", s.err());
      Run e = run("eval", "--opensearch", url, "--queries", "x.tsv");
      assertEquals(2, e.code());
      assertTrue(e.err().lines().count() == 1, e.err());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void publish_unknownTarget_exit2() {
    Run r = run("publish", "solr", "--url", "http://127.0.0.1:9");
    assertEquals(2, r.code());
    assertEquals("glossary: unknown target 'solr' (expected opensearch)\n", r.err());
  }

  @Test
  void export_writesTheFiles(@TempDir Path dir) throws Exception {
    Run r = run("export", "opensearch", "--out", dir.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("wrote 7 files for 254 terms into " + dir + "\n", r.out());
    assertTrue(Files.readString(dir.resolve("index.json")).contains("\"glossary_synonyms\""));
  }
}
