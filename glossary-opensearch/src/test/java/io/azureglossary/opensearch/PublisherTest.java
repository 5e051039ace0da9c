package io.azureglossary.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.azureglossary.corpus.Corpus;
import io.azureglossary.search.SearchRequest;
import io.azureglossary.search.SearchResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing to the real test node: the alias swap, a publish killed midway, and its clean-up. */
class PublisherTest {
  private static final IndexDefinition BUNDLED = IndexDefinition.of(Corpus.bundled());

  private static List<String> aliased(Cluster c, String alias) {
    List<String> out = new ArrayList<>();
    c.get("/_alias/" + alias).fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static List<String> indexes(Cluster c, String prefix) {
    List<String> out = new ArrayList<>();
    for (JsonNode i : c.get("/_cat/indices/" + prefix + "-*?format=json&h=index")) {
      out.add(i.path("index").asText());
    }
    return out;
  }

  @Test
  void publish_bundledGlossary_withinTenSecondsAndCounted() {
    ClusterConnection conn = TestNode.get().connection();
    PublishResult r = new Publisher(conn, "timed", "timed-glossary").publish(BUNDLED);
    System.out.printf("[opensearch] publish of %d terms: %d ms%n", r.documents(), r.millis());
    assertEquals(254, r.documents());
    assertTrue(r.millis() <= 10_000, "publish took " + r.millis() + " ms, the target is 10 s");
    Cluster c = new Cluster(conn);
    assertEquals(List.of(r.index()), aliased(c, "timed-glossary"));
    assertEquals(254, c.get("/timed-glossary/_count").path("count").asInt());
  }

  @Test
  void publish_againWhileSearching_noSearchFailsAndOldIndexIsDeleted() throws Exception {
    ClusterConnection conn = TestNode.get().connection();
    Publisher publisher = new Publisher(conn, "swap", "swap-glossary");
    PublishResult first = publisher.publish(BUNDLED);
    ClusterGlossary g = ClusterGlossary.open(conn, "swap-glossary");
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger searches = new AtomicInteger();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    List<Thread> threads = new ArrayList<>();
    for (String q : List.of("key vault soft delete", "SHIR offline", "az network vnet peering create")) {
      Thread t = new Thread(() -> {
        while (!stop.get()) {
          try {
            SearchResponse r = g.search(SearchRequest.of(q).limit(3));
            if (r.results().isEmpty()) {
              failures.add(q + ": no result");
            }
            searches.incrementAndGet();
          } catch (RuntimeException e) {
            failures.add(q + ": " + e.getMessage());
          }
        }
      });
      t.start();
      threads.add(t);
    }
    List<PublishResult> later = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      later.add(publisher.publish(BUNDLED));
    }
    stop.set(true);
    for (Thread t : threads) {
      t.join(30_000);
    }
    assertTrue(failures.isEmpty(), "failed searches during the swaps: " + failures);
    assertTrue(searches.get() >= 6, "only " + searches.get() + " searches ran during two publishes");
    Cluster c = new Cluster(conn);
    PublishResult last = later.get(1);
    assertEquals(List.of(last.index()), aliased(c, "swap-glossary"));
    assertEquals(List.of(first.index()), later.get(0).replaced());
    assertEquals(List.of(last.index()), indexes(c, "swap"), "the previous indexes are deleted");
  }

  @Test
  void publish_killedMidway_aliasUnchangedAndNextRunDeletesItsIndex(@TempDir Path tmp) throws Exception {
    TestNode node = TestNode.get();
    ClusterConnection conn = node.connection();
    PublishResult before = new Publisher(conn, "killed", "killed-glossary").publish(BUNDLED);
    // a publish in a JVM of its own, killed (SIGKILL) once its first bulk request is in: no clean-up runs
    Path log = tmp.resolve("publish.log");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), KilledPublish.class.getName(), node.url)
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!Files.readString(log, StandardCharsets.UTF_8).contains(KilledPublish.LOADED)) {
      assertTrue(p.isAlive(), () -> "the publish ended before it was killed: " + read(log));
      assertTrue(System.nanoTime() < deadline, "the publish loaded nothing in 120 s");
      Thread.sleep(100);
    }
    p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    Cluster c = new Cluster(conn);
    assertEquals(List.of(before.index()), aliased(c, "killed-glossary"), "the alias still names the old index");
    List<String> left = new ArrayList<>(indexes(c, "killed"));
    left.remove(before.index());
    assertEquals(1, left.size(), "the killed run left its index: " + left);
    assertEquals(254, ClusterGlossary.open(conn, "killed-glossary").search(SearchRequest.of("key vault")).total() > 0 ? 254 : 0);

    PublishResult next = new Publisher(conn, "killed", "killed-glossary").publish(BUNDLED);
    assertEquals(left, next.staleDeleted());
    assertEquals(List.of(before.index()), next.replaced());
    assertEquals(List.of(next.index()), indexes(c, "killed"));
    assertEquals(List.of(next.index()), aliased(c, "killed-glossary"));
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }

  /** A publish that stops after its first bulk request and waits to be killed. */
  static final class KilledPublish {
    static final String LOADED = "FIRST BULK LOADED";

    public static void main(String[] args) throws Exception {
      new Publisher(ClusterConnection.of(args[0], Map.of()), "killed", "killed-glossary").afterBulk(n -> {
        System.out.println(LOADED + " " + n);
        System.out.flush();
        try {
          Thread.sleep(600_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }).publish(BUNDLED);
    }
  }

  @Test
  void publish_aliasThatIsAnIndex_refusedInOneLine() {
    ClusterConnection conn = TestNode.get().connection();
    new Cluster(conn).put("/plain-index", Map.of());
    ClusterException e = org.junit.jupiter.api.Assertions.assertThrows(ClusterException.class,
        () -> new Publisher(conn, "plain", "plain-index").publish(BUNDLED));
    assertTrue(e.getMessage().contains("'plain-index' is an index, not an alias"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
    assertEquals(List.of("plain-index"), indexes(new Cluster(conn), "plain"), "nothing created");
  }
}
