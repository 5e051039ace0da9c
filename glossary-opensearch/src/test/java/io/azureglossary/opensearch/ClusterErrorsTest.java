package io.azureglossary.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.azureglossary.corpus.Corpus;
import io.azureglossary.search.SearchRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Unreachable clusters and refused credentials, each one line. The test node runs without the
 * security plugin, so the credentials are checked by a small proxy in front of it that wants HTTP
 * basic {@code glossary:secret} and forwards everything else to the node, headers and all: a right
 * password reaches the real node, a wrong one gets the 401 a secured cluster answers.
 */
class ClusterErrorsTest {
  private static HttpServer proxy;
  private static String proxyUrl;

  @BeforeAll
  static void startProxy() throws IOException {
    String node = TestNode.get().url;
    HttpClient http = HttpClient.newHttpClient();
    String expected = "Basic " + Base64.getEncoder().encodeToString("glossary:secret".getBytes(StandardCharsets.UTF_8));
    proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    proxy.createContext("/", ex -> {
      try (ex) {
        if (!expected.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
          byte[] body = "{\"error\":\"Unauthorized\",\"status\":401}".getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(401, body.length);
          ex.getResponseBody().write(body);
          return;
        }
        byte[] in = ex.getRequestBody().readAllBytes();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node + ex.getRequestURI()))
            .method(ex.getRequestMethod(), in.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(in));
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type != null) {
          b.header("Content-Type", type);
        }
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(r.statusCode(), r.body().length == 0 ? -1 : r.body().length);
        try (OutputStream out = ex.getResponseBody()) {
          out.write(r.body());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    proxy.start();
    proxyUrl = "http://127.0.0.1:" + proxy.getAddress().getPort();
  }

  @AfterAll
  static void stopProxy() {
    proxy.stop(0);
  }

  @Test
  void unreachableUrl_oneLine() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ClusterConnection conn = ClusterConnection.of("http://127.0.0.1:" + port, Map.of());
    ClusterException e = assertThrows(ClusterException.class,
        () -> new Publisher(conn, "glossary", "glossary").publish(IndexDefinition.of(Corpus.bundled())));
    assertEquals("cannot reach http://127.0.0.1:" + port + ": connection refused", e.getMessage());
    ClusterException s = assertThrows(ClusterException.class, () -> ClusterGlossary.open(conn, "glossary"));
    assertEquals(e.getMessage(), s.getMessage());
  }

  @Test
  void wrongPassword_oneLineNamingTheVariables() {
    ClusterConnection conn = ClusterConnection.of(proxyUrl, Map.of(ClusterConnection.USERNAME, "glossary",
        ClusterConnection.PASSWORD, "wrong"));
    ClusterException e = assertThrows(ClusterException.class,
        () -> new Publisher(conn, "auth", "auth-glossary").publish(IndexDefinition.of(Corpus.bundled())));
    assertEquals(proxyUrl + " refused the credentials in OPENSEARCH_USERNAME/OPENSEARCH_PASSWORD (401)", e.getMessage());
    assertEquals(401, e.status());
    assertFalse(e.getMessage().contains("wrong"), "the password is never printed");
  }

  @Test
  void noCredentials_oneLineSayingWhatToSet() {
    ClusterException e = assertThrows(ClusterException.class,
        () -> ClusterGlossary.open(ClusterConnection.of(proxyUrl, Map.of()), "auth-glossary"));
    assertEquals(proxyUrl + " refused the credentials: none were given; set OPENSEARCH_USERNAME and OPENSEARCH_PASSWORD,"
        + " or OPENSEARCH_API_KEY (401)", e.getMessage());
  }

  @Test
  void rightPassword_publishesAndSearchesThroughTheProxy() {
    ClusterConnection conn = ClusterConnection.of(proxyUrl, Map.of(ClusterConnection.USERNAME, "glossary",
        ClusterConnection.PASSWORD, "secret"));
    PublishResult r = new Publisher(conn, "auth", "auth-glossary").publish(IndexDefinition.of(Corpus.bundled()));
    assertEquals(254, r.documents());
    assertEquals("key-vault", ClusterGlossary.open(conn, "auth-glossary").search(SearchRequest.of("key vault")).results().get(0).id());
  }

  @Test
  void missingGlossary_oneLine() {
    ClusterException e = assertThrows(ClusterException.class,
        () -> ClusterGlossary.open(TestNode.get().connection(), "no-such-glossary"));
    assertTrue(e.getMessage().endsWith("has no glossary 'no-such-glossary'; publish one with glossary publish opensearch"),
        e.getMessage());
  }

  @Test
  void credentialsInUrl_refused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ClusterConnection.of("http://user:pw@localhost:9200", Map.of()));
    assertTrue(e.getMessage().startsWith("cluster URL must not hold credentials"), e.getMessage());
  }
}
