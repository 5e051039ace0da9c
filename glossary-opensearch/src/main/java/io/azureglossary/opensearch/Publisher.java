package io.azureglossary.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Publishes a glossary to a cluster with no moment where searches through the alias fail or see a
 * half-loaded glossary:
 *
 * <ol>
 *   <li>indexes of the prefix that the alias does not name are deleted: what a failed or
 *       interrupted earlier run left;
 *   <li>a new index, {@code PREFIX-yyyyMMdd-HHmmss-SSS}, is created with the settings and mappings
 *       of {@link IndexDefinition}, refresh off;
 *   <li>the documents are bulk-loaded ({@value IndexDefinition#BULK_DOCS} per request), refreshed,
 *       and counted: the count must equal the number of terms;
 *   <li>the search template is stored, then the alias is moved to the new index in one
 *       {@code _aliases} request (remove from the old, add to the new: atomic);
 *   <li>the indexes the alias named before are deleted.
 * </ol>
 *
 * Until step 4 the alias names the old index, whatever fails; a run that fails before it deletes
 * its new index, and one killed before it leaves that index for the next run to delete.
 *
 * <pre>{@code
 * PublishResult r = new Publisher(ClusterConnection.of("http://localhost:9200", System.getenv()), "glossary", "glossary")
 *     .publish(IndexDefinition.of(Corpus.bundled()));
 * }</pre>
 */
public final class Publisher {
  /** Prefixes and aliases: lower case letters, digits, {@code -} and {@code _}, starting with a letter. */
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,99}");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

  private final Cluster cluster;
  private final String prefix;
  private final String alias;
  private final Pattern ours;
  /** Test hook: called after each bulk request with the documents sent so far. */
  private java.util.function.IntConsumer afterBulk = n -> { };

  /**
   * A publisher to one cluster, alias and index prefix.
   *
   * @param connection the cluster
   * @param prefix the versioned indexes' names start with it and a dash, such as {@code glossary}
   * @param alias the alias searches go through, such as {@code glossary}
   * @throws IllegalArgumentException if the prefix or alias is not a lower-case name
   */
  public Publisher(ClusterConnection connection, String prefix, String alias) {
    this.cluster = new Cluster(Objects.requireNonNull(connection, "connection"));
    this.prefix = checkName("index prefix", prefix);
    this.alias = checkName("alias", alias);
    this.ours = Pattern.compile(Pattern.quote(prefix) + "-\\d{8}-\\d{6}-\\d{3}");
  }

  private static String checkName(String what, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(what + " must be lower-case letters, digits, '-' or '_', starting with a letter (got '"
          + name + "')");
    }
    return name;
  }

  Publisher afterBulk(java.util.function.IntConsumer hook) {
    this.afterBulk = hook;
    return this;
  }

  /**
   * Publishes: see the class comment for the steps.
   *
   * @param definition what to publish
   * @return what was done
   * @throws ClusterException if the cluster cannot be reached, refuses a request, or counts other
   *     than {@link IndexDefinition#size()} documents; the alias then names what it named before
   */
  public PublishResult publish(IndexDefinition definition) {
    long start = System.nanoTime();
    List<String> current = aliased();
    if (current == null) {
      throw new ClusterException(cluster.connection() + ": '" + alias + "' is an index, not an alias; publish with"
          + " another alias, or delete that index", 0);
    }
    List<String> stale = new ArrayList<>();
    for (String index : prefixed()) {
      if (!current.contains(index)) {
        cluster.delete("/" + index);
        stale.add(index);
      }
    }
    String index = newName(current, stale);
    ObjectNode body = definition.createIndexBody();
    ((ObjectNode) body.get("settings").get("index")).put("refresh_interval", "-1");
    cluster.put("/" + index, body);
    boolean swapped = false;
    try {
      load(definition, index);
      cluster.put("/_scripts/" + IndexDefinition.templateId(alias), IndexDefinition.templateBody());
      swap(current, index);
      swapped = true;
    } finally {
      if (!swapped) {
        try {
          cluster.delete("/" + index);
        } catch (RuntimeException e) {
          // the next run deletes it: it matches the prefix and no alias names it
        }
      }
    }
    for (String old : current) {
      cluster.delete("/" + old);
    }
    return new PublishResult(index, alias, definition.size(), current, stale, (System.nanoTime() - start) / 1_000_000);
  }

  private void load(IndexDefinition definition, String index) {
    int n = definition.size();
    for (int from = 0; from < n; from += IndexDefinition.BULK_DOCS) {
      int to = Math.min(n, from + IndexDefinition.BULK_DOCS);
      JsonNode r = cluster.bulk("/" + index + "/_bulk", definition.bulk(null, from, to));
      if (r.path("errors").asBoolean()) {
        for (JsonNode item : r.path("items")) {
          JsonNode error = item.path("index").path("error");
          if (!error.isMissingNode()) {
            throw new ClusterException(cluster.connection() + ": term '" + item.path("index").path("_id").asText()
                + "' was refused: " + Cluster.reason(JsonNodeHolder.wrap(error)), 0);
          }
        }
      }
      afterBulk.accept(to);
    }
    ObjectNode settings = IndexDefinition.JSON.createObjectNode();
    settings.putObject("index").putNull("refresh_interval");
    cluster.put("/" + index + "/_settings", settings);
    cluster.post("/" + index + "/_refresh", null);
    long count = cluster.get("/" + index + "/_count").path("count").asLong(-1);
    if (count != n) {
      throw new ClusterException(cluster.connection() + ": index " + index + " counts " + count + " documents after"
          + " loading " + n + " terms; the alias was left as it was", 0);
    }
    cluster.get("/_cluster/health/" + index + "?wait_for_status=yellow&timeout=60s");
  }

  private void swap(List<String> current, String index) {
    ObjectNode body = IndexDefinition.JSON.createObjectNode();
    ArrayNode actions = body.putArray("actions");
    for (String old : current) {
      actions.addObject().putObject("remove").put("index", old).put("alias", alias);
    }
    actions.addObject().putObject("add").put("index", index).put("alias", alias);
    cluster.post("/_aliases", body);
  }

  /** The indexes the alias names; empty when there is no such alias; null when an index has the alias's name. */
  private List<String> aliased() {
    Cluster.Response r = cluster.send("GET", "/_alias/" + alias, null, "application/json");
    if (r.status() == 404) {
      Cluster.Response index = cluster.send("HEAD", "/" + alias, null, "application/json");
      return index.status() == 200 ? null : List.of();
    }
    JsonNode body = cluster.ok("GET", "/_alias/" + alias, r);
    List<String> out = new ArrayList<>();
    body.fieldNames().forEachRemaining(out::add);
    return out;
  }

  /** The indexes whose names this publisher makes: the prefix, a dash and a time stamp. */
  private List<String> prefixed() {
    JsonNode r = cluster.get("/_cat/indices/" + prefix + "-*?format=json&h=index&expand_wildcards=all");
    List<String> out = new ArrayList<>();
    for (Iterator<JsonNode> it = r.elements(); it.hasNext(); ) {
      String name = it.next().path("index").asText();
      if (ours.matcher(name).matches()) {
        out.add(name);
      }
    }
    return out;
  }

  private String newName(List<String> current, List<String> stale) {
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    String name = prefix + "-" + STAMP.format(now);
    while (current.contains(name) || stale.contains(name)) {
      now = now.plusNanos(1_000_000);
      name = prefix + "-" + STAMP.format(now);
    }
    return name;
  }

  /** Wraps an item's error as an error body, for {@link Cluster#reason}. */
  private static final class JsonNodeHolder {
    static JsonNode wrap(JsonNode error) {
      ObjectNode o = IndexDefinition.JSON.createObjectNode();
      o.set("error", error);
      return o;
    }
  }
}
