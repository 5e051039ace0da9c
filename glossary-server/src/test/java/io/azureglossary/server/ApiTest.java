package io.azureglossary.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.azureglossary.corpus.TermJson;
import io.azureglossary.search.Glossary;
import io.azureglossary.search.SearchRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every endpoint and error case of the API, over real HTTP on a loopback port. */
class ApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static GlossaryServer server;
  private static HttpClient client;

  @BeforeAll
  static void start() throws IOException {
    server = GlossaryServer.serving(Glossary.bundled()).port(0).start();
    client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static HttpResponse<byte[]> get(String pathAndQuery, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve(pathAndQuery)).timeout(Duration.ofSeconds(20));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static JsonNode json(HttpResponse<byte[]> r) throws IOException {
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
    return JSON.readTree(r.body());
  }

  static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** An error: its status, the JSON shape, the message's words, and no trace of Java in it. */
  static JsonNode assertError(HttpResponse<byte[]> r, int status, String... words) throws IOException {
    assertEquals(status, r.statusCode(), text(r));
    JsonNode e = json(r);
    assertEquals(status, e.get("status").asInt());
    String message = e.get("error").asText();
    for (String w : words) {
      assertTrue(message.contains(w), "'" + w + "' not in: " + message);
    }
    assertFalse(text(r).contains("Exception") || text(r).contains("\tat ") || text(r).contains("io.azureglossary"), text(r));
    return e;
  }

  @Test
  void search_isTheLibrarysAnswerInTheCliContract() throws Exception {
    HttpResponse<byte[]> r = get("/api/search?q=" + q("self-hosted IR offline") + "&limit=3");
    assertEquals(200, r.statusCode());
    JsonNode served = json(r);
    JsonNode library = JSON.readTree(ApiJson.search(Glossary.bundled().search(SearchRequest.of("self-hosted IR offline").limit(3)), false));
    ((ObjectNode) served).remove("tookMicros");
    ((ObjectNode) library).remove("tookMicros");
    assertEquals(library, served);
    assertEquals("integration-runtime", served.get("results").get(0).get("id").asText());
    assertTrue(served.get("results").get(0).get("highlights").get(0).get("text").asText().contains("<mark>"));
    assertTrue(served.get("facets").get("category").get("Analytics").asInt() >= 1);
    assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
  }

  @Test
  void search_filtersByCategoryDifficultyAndSection() throws Exception {
    JsonNode r = json(get("/api/search?q=encryption&category=Storage&difficulty=intermediate&limit=20"));
    assertTrue(r.get("results").size() > 0, r.toString());
    for (JsonNode h : r.get("results")) {
      assertEquals("Storage", h.get("category").asText());
      assertEquals("intermediate", h.get("difficulty").asText());
    }
    JsonNode s = json(get("/api/search?q=encryption&section=security"));
    for (JsonNode h : s.get("results")) {
      assertEquals("security", h.get("highlights").get(0).get("section").asText());
    }
    JsonNode service = json(get("/api/search?q=runtime&service=" + q("Data Factory")));
    for (JsonNode h : service.get("results")) {
      assertEquals("Data Factory", h.get("service").asText());
    }
  }

  @Test
  void search_badParameters_are400sNamingTheParameterAndValidValues() throws Exception {
    assertError(get("/api/search"), 400, "missing parameter 'q'");
    assertError(get("/api/search?q=%20"), 400, "'q'", "blank");
    assertError(get("/api/search?q=vnet&limit=0"), 400, "'limit'", "from 1 to 100", "'0'");
    assertError(get("/api/search?q=vnet&limit=ten"), 400, "'limit'");
    assertError(get("/api/search?q=vnet&category=Nope"), 400, "'category'", "Analytics", "Networking", "'Nope'");
    // as the CLI's --service: a service no term has is refused, listing the glossary's services
    assertError(get("/api/search?q=vnet&service=Nope"), 400, "'service'", "Data Factory", "Virtual Network", "'Nope'");
    assertError(get("/api/search?q=vnet&difficulty=hard"), 400, "'difficulty'", "beginner, intermediate, advanced");
    assertError(get("/api/search?q=vnet&section=nope"), 400, "'section'", "definition", "commonMistakes");
    assertError(get("/api/search?q=vnet&sort=name"), 400, "unknown parameter 'sort'", "q, limit, service, category");
    assertError(get("/api/search?q=vnet&q=subnet"), 400, "'q'", "more than once");
    assertError(get("/api/search?q=%FF%FE"), 400, "'q'", "UTF-8");
    assertError(get("/api/search?q=%C3"), 400, "'q'", "UTF-8");
    // a malformed escape is refused by the JDK server before the API sees it: a 400 all the same
    assertTrue(raw("GET /api/search?q=vnet%G1 HTTP/1.1\r\nHost: x\r\n\r\n").startsWith("HTTP/1.1 400 "));
    assertError(get("/api/search?q=" + "a".repeat(1001)), 400, "'q'", "too long");
    assertError(get("/api/search?q=" + q("section:nope vnet")), 400, "'q'", "unknown section");
    StringBuilder many = new StringBuilder("/api/search?q=vnet");
    for (int i = 0; i < 20; i++) {
      many.append("&p").append(i).append("=1");
    }
    assertError(get(many.toString()), 400, "too many parameters");
  }

  @Test
  void suggest_completesAndChecksItsParameters() throws Exception {
    JsonNode r = json(get("/api/suggest?q=shi"));
    assertEquals("shi", r.get("prefix").asText());
    boolean shir = false;
    for (JsonNode s : r.get("suggestions")) {
      shir |= s.get("text").asText().equals("SHIR") && s.get("id").asText().equals("integration-runtime");
    }
    assertTrue(shir, r.toString());
    assertEquals(3, json(get("/api/suggest?q=key&limit=3")).get("suggestions").size());
    assertEquals(0, json(get("/api/suggest?q=")).get("suggestions").size());
    assertError(get("/api/suggest"), 400, "missing parameter 'q'");
    assertError(get("/api/suggest?q=vn&limit=101"), 400, "'limit'", "from 1 to 100");
    assertError(get("/api/suggest?q=vn&category=Web"), 400, "unknown parameter 'category'", "q, limit");
  }

  @Test
  void term_isTheWholeEntryWithAnEntityTag() throws Exception {
    HttpResponse<byte[]> r = get("/api/terms/integration-runtime");
    assertEquals(200, r.statusCode());
    assertEquals(TermJson.write(Glossary.bundled().term("integration-runtime").orElseThrow()), text(r));
    String etag = r.headers().firstValue("ETag").orElseThrow();
    assertEquals("no-cache", r.headers().firstValue("Cache-Control").orElse(null));
    HttpResponse<byte[]> again = get("/api/terms/integration-runtime", "If-None-Match", etag);
    assertEquals(304, again.statusCode());
    assertEquals(0, again.body().length);
    assertEquals(200, get("/api/terms/integration-runtime", "If-None-Match", "\"other\"").statusCode());
    assertError(get("/api/terms/integration-runtim"), 404, "no term 'integration-runtim'", "did you mean 'integration-runtime'");
    assertError(get("/api/terms/"), 404, "no term");
    assertError(get("/api/terms/a/b"), 404, "no term");
  }

  @Test
  void termPage_rendersTheEntryInPublishedOrder_escaped() throws Exception {
    HttpResponse<byte[]> r = get("/terms/integration-runtime");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
    String html = text(r);
    assertTrue(html.contains("<h1 id=\"term-name\">Integration runtime</h1>"), html);
    String[] order = {"id=\"definition\"", "<dt>Aliases</dt>", "<dt>Difficulty</dt>", "<dt>Last verified</dt>",
        "<dt>Source</dt>", "Technical context", "Why it matters", "Real-world case studies", "Mapped Azure CLI commands",
        "<h2>Security</h2>", "<h2>Cost</h2>", "<h2>Common mistakes</h2>"};
    int at = -1;
    for (String part : order) {
      int next = html.indexOf(part);
      assertTrue(next > at, part + " out of order (at " + next + ", previous at " + at + ")");
      at = next;
    }
    assertTrue(html.contains("<span class=\"kind\">"), "CLI commands carry their kind");
    String etag = r.headers().firstValue("ETag").orElseThrow();
    assertEquals(304, get("/terms/integration-runtime", "If-None-Match", etag).statusCode());
    HttpResponse<byte[]> missing = get("/terms/integration-runtim");
    assertEquals(404, missing.statusCode());
    assertTrue(text(missing).contains("href=\"/terms/integration-runtime\""), text(missing));
    HttpResponse<byte[]> hostile = get("/terms/%3Cscript%3Ealert(1)%3C%5Cscript%3E");
    assertEquals(404, hostile.statusCode());
    assertFalse(text(hostile).contains("<script>"), text(hostile));
    assertTrue(text(hostile).contains("&lt;script&gt;"), text(hostile));
  }

  /** Sends bytes as they are and returns what the server answers, up to 64 KB. */
  static String raw(String request) throws IOException {
    try (Socket s = new Socket(server.address().getAddress(), server.address().getPort())) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      s.getOutputStream().flush();
      byte[] buf = new byte[65536];
      int n = s.getInputStream().read(buf);
      return n <= 0 ? "" : new String(buf, 0, n, StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void rawUtf8InTheRequestLine_isDecoded_badBytesAre400() throws Exception {
    String ok = raw("GET /api/search?q=r\u00c3\u00a9seau HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assertTrue(ok.startsWith("HTTP/1.1 200 "), ok);
    assertTrue(ok.contains("\"query\":\"r\u00c3\u00a9seau\""), ok); // "réseau" in UTF-8, as the ISO-8859-1 string shows it
    String bad = raw("GET /api/search?q=\u00ff\u00fe HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assertTrue(bad.startsWith("HTTP/1.1 400 "), bad);
    assertTrue(bad.contains("not valid UTF-8"), bad);
  }

  @Test
  void escape_coversTheFiveCharacters() {
    assertEquals("&lt;a href=&quot;x&quot; onerror=&#39;y&#39;&gt;&amp;", TermPage.esc("<a href=\"x\" onerror='y'>&"));
    assertEquals("plain", TermPage.esc("plain"));
  }

  @Test
  void health_saysGenerationAndTerms() throws Exception {
    JsonNode h = json(get("/healthz"));
    assertEquals("ok", h.get("status").asText());
    assertEquals(1, h.get("generation").asInt());
    assertEquals(254, h.get("terms").asInt());
    assertEquals("bundled glossary", h.get("source").asText());
  }

  @Test
  void metrics_countRequestsPerEndpointInPrometheusFormat() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertEquals(200, get("/api/suggest?q=vn").statusCode());
    }
    get("/nope");
    HttpResponse<byte[]> r = get("/metrics");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
    String m = text(r);
    assertTrue(count(m, "glossary_http_requests_total{endpoint=\"suggest\",status=\"200\"}") >= 3, m);
    assertTrue(count(m, "glossary_http_requests_total{endpoint=\"other\",status=\"404\"}") >= 1, m);
    assertTrue(count(m, "glossary_http_request_duration_seconds_count{endpoint=\"suggest\"}") >= 3, m);
    assertTrue(count(m, "glossary_http_request_duration_seconds_bucket{endpoint=\"suggest\",le=\"+Inf\"}") >= 3, m);
    assertTrue(m.contains("# TYPE glossary_http_request_duration_seconds histogram"), m);
    assertTrue(count(m, "glossary_http_request_duration_seconds_bucket{endpoint=\"suggest\",le=\"0.0005\"}") >= 0, m);
    assertEquals(1, count(m, "glossary_index_generation"));
    assertEquals(254, count(m, "glossary_index_terms"));
  }

  static long count(String metrics, String series) {
    for (String line : metrics.split("\n")) {
      if (line.startsWith(series + " ")) {
        return (long) Double.parseDouble(line.substring(series.length() + 1));
      }
    }
    return -1;
  }

  @Test
  void unknownPath_is404_otherMethods_405_bodies_413_longTargets_414() throws Exception {
    assertError(get("/nope"), 404, "no such path '/nope'", "/api/search");
    HttpResponse<byte[]> post = client.send(HttpRequest.newBuilder(server.uri().resolve("/api/search?q=vnet"))
        .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertError(post, 405, "method POST", "GET and HEAD");
    assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElse(null));
    HttpResponse<byte[]> delete = client.send(HttpRequest.newBuilder(server.uri().resolve("/api/terms/vm")).DELETE().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertError(delete, 405, "method DELETE");
    HttpResponse<byte[]> withBody = client.send(HttpRequest.newBuilder(server.uri().resolve("/api/search?q=vnet"))
        .method("GET", HttpRequest.BodyPublishers.ofString("{\"q\": \"vnet\"}")).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertError(withBody, 413, "takes no body");
    assertError(get("/api/search?q=" + "a".repeat(100_000)), 414, "at most 8192");
  }

  @Test
  void json_isGzippedWhenTheClientTakesGzip() throws Exception {
    HttpResponse<byte[]> plain = get("/api/search?q=vnet&limit=10");
    assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty());
    assertEquals("Accept-Encoding", plain.headers().firstValue("Vary").orElse(null));
    HttpResponse<byte[]> zipped = get("/api/search?q=vnet&limit=10", "Accept-Encoding", "br, gzip;q=0.8");
    assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(null));
    JsonNode a = JSON.readTree(plain.body());
    JsonNode b;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
      b = JSON.readTree(in);
    }
    ((ObjectNode) a).remove("tookMicros");
    ((ObjectNode) b).remove("tookMicros");
    assertEquals(a, b);
    assertTrue(zipped.body().length < plain.body().length / 2, zipped.body().length + " vs " + plain.body().length);
    assertTrue(get("/api/search?q=vnet", "Accept-Encoding", "gzip;q=0").headers().firstValue("Content-Encoding").isEmpty());
  }

  @Test
  void acceptsGzip_readsTheHeader() {
    assertTrue(Api.acceptsGzip("gzip, deflate, br"));
    assertTrue(Api.acceptsGzip("*"));
    assertFalse(Api.acceptsGzip("gzip;q=0"));
    assertFalse(Api.acceptsGzip("br"));
    assertFalse(Api.acceptsGzip(null));
  }

  @Test
  void staticFiles_haveEntityTagsAndAStrictPolicy() throws Exception {
    HttpResponse<byte[]> page = get("/");
    assertEquals(200, page.statusCode());
    assertTrue(text(page).contains("<input id=\"q\""));
    assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
    for (String path : List.of("/", "/static/app.js", "/static/style.css")) {
      HttpResponse<byte[]> r = get(path);
      String etag = r.headers().firstValue("ETag").orElseThrow(() -> new AssertionError(path + " has no ETag"));
      assertEquals("no-cache", r.headers().firstValue("Cache-Control").orElse(null));
      assertEquals(304, get(path, "If-None-Match", etag).statusCode(), path);
    }
    HttpResponse<byte[]> head = client.send(HttpRequest.newBuilder(server.uri().resolve("/"))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, head.statusCode());
    assertEquals(0, head.body().length);
  }

  @Test
  void slowClients_doNotHoldUpOthers() throws Exception {
    List<Socket> slow = new ArrayList<>();
    try {
      for (int i = 0; i < 50; i++) { // each sends half a request line and then nothing
        Socket s = new Socket(server.address().getAddress(), server.address().getPort());
        OutputStream out = s.getOutputStream();
        out.write("GET /api/search?q=vn".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        slow.add(s);
      }
      long start = System.nanoTime();
      assertEquals(200, get("/api/search?q=vnet").statusCode());
      assertEquals(200, get("/healthz").statusCode());
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertTrue(ms < 2000, "answered in " + ms + " ms beside 50 stalled clients");
    } finally {
      for (Socket s : slow) {
        s.close();
      }
    }
  }

  @Test
  void server_refusesAStartOnATakenPort() throws Exception {
    IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
        () -> GlossaryServer.serving(Glossary.bundled()).port(server.address().getPort()).start());
    assertNotNull(e.getMessage());
  }

  @Test
  void builder_checksThePort() {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> GlossaryServer.serving(Glossary.bundled()).port(70000));
  }

  @Test
  void uri_isTheBoundAddress() {
    assertEquals(URI.create("http://127.0.0.1:" + server.address().getPort() + "/"), server.uri());
  }
}
