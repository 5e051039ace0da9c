package io.azureglossary.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.azureglossary.corpus.Corpus;
import io.azureglossary.model.Term;
import io.azureglossary.store.GlossaryIndex;
import io.azureglossary.store.Reindexer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A persistent index served while a reindex publishes a new generation. */
class IndexServingTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  static JsonNode get(HttpClient client, URI uri) throws Exception {
    HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, r.statusCode(), new String(r.body()));
    return JSON.readTree(r.body());
  }

  @Test
  void newGeneration_isServedAndCounted() throws Exception {
    List<Term> all = Corpus.bundled().terms();
    Term left = all.stream().filter(t -> t.id().equals("integration-runtime")).findFirst().orElseThrow();
    List<Term> fewer = all.stream().filter(t -> t != left).toList();
    Reindexer.into(dir).run(Corpus.of("fewer", fewer));
    HttpClient client = HttpClient.newHttpClient();
    try (GlossaryIndex index = GlossaryIndex.open(dir, Duration.ofMillis(100));
        GlossaryServer server = GlossaryServer.serving(index).port(0).start()) {
      JsonNode h = get(client, server.uri().resolve("/healthz"));
      assertEquals(1, h.get("generation").asInt());
      assertEquals(all.size() - 1, h.get("terms").asInt());
      assertEquals("index " + dir, h.get("source").asText());
      assertFalse(h.get("builtAt").isNull());
      assertFalse(get(client, server.uri().resolve("/api/search?q=SHIR")).toString().contains("\"integration-runtime\""));

      Reindexer.into(dir).run(Corpus.of("all", all));
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (get(client, server.uri().resolve("/healthz")).get("generation").asInt() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      JsonNode after = get(client, server.uri().resolve("/healthz"));
      assertEquals(2, after.get("generation").asInt());
      assertEquals(all.size(), after.get("terms").asInt());
      JsonNode r = get(client, server.uri().resolve("/api/search?q=SHIR"));
      assertEquals("integration-runtime", r.get("results").get(0).get("id").asText());
      String metrics = new String(client.send(HttpRequest.newBuilder(server.uri().resolve("/metrics")).build(),
          HttpResponse.BodyHandlers.ofByteArray()).body());
      assertEquals(2, ApiTest.count(metrics, "glossary_index_generation"), metrics);
      assertTrue(ApiTest.count(metrics, "glossary_index_built_timestamp_seconds") > 1_700_000_000L, metrics);
    }
  }
}
