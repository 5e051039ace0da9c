package io.azureglossary.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * The few REST calls this module makes, over the JDK's {@link HttpClient} with JSON bodies. Every
 * failure becomes a {@link ClusterException} with a one-line message naming the cluster. Thread-safe.
 */
final class Cluster {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

  private final ClusterConnection connection;
  private final HttpClient http;

  Cluster(ClusterConnection connection) {
    this.connection = connection;
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
  }

  ClusterConnection connection() {
    return connection;
  }

  /** A response: its status and parsed body (a missing node for an empty body). */
  record Response(int status, JsonNode body) {}

  JsonNode get(String path) {
    return ok("GET", path, send("GET", path, null, "application/json"));
  }

  JsonNode put(String path, Object body) {
    return ok("PUT", path, send("PUT", path, body, "application/json"));
  }

  JsonNode post(String path, Object body) {
    return ok("POST", path, send("POST", path, body, "application/json"));
  }

  JsonNode delete(String path) {
    return ok("DELETE", path, send("DELETE", path, null, "application/json"));
  }

  /** A bulk request: NDJSON, answered 200 even when documents failed (the caller reads {@code errors}). */
  JsonNode bulk(String path, String ndjson) {
    return ok("POST", path, send("POST", path, ndjson, "application/x-ndjson"));
  }

  /** Sends a request; any status is returned, only transport failures throw. */
  Response send(String method, String path, Object body, String contentType) {
    URI uri = URI.create(connection.url() + path);
    HttpRequest.BodyPublisher publisher;
    try {
      publisher = body == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : IndexDefinition.JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).method(method, publisher)
        .header("Accept", "application/json");
    if (body != null) {
      b.header("Content-Type", contentType);
    }
    if (connection.authorization() != null) {
      b.header("Authorization", connection.authorization());
    }
    HttpResponse<String> r;
    try {
      r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpConnectTimeoutException e) {
      throw unreachable("no answer to connect within " + CONNECT_TIMEOUT.toSeconds() + " s", e);
    } catch (HttpTimeoutException e) {
      throw unreachable("no answer within " + REQUEST_TIMEOUT.toSeconds() + " s", e);
    } catch (ConnectException e) {
      throw unreachable("connection refused", e);
    } catch (SSLException e) {
      throw unreachable("TLS failed (" + e.getMessage() + "); is its certificate in the JVM's trust store?", e);
    } catch (IOException e) {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      throw unreachable(root instanceof UnresolvedAddressException ? "unknown host"
          : root instanceof java.nio.channels.ClosedChannelException ? "connection closed"
          : String.valueOf(root.getMessage() != null ? root.getMessage() : root), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClusterException("interrupted while waiting for " + connection, 0, e);
    }
    JsonNode json;
    try {
      json = r.body() == null || r.body().isBlank() ? IndexDefinition.JSON.missingNode() : IndexDefinition.JSON.readTree(r.body());
    } catch (IOException e) {
      json = IndexDefinition.JSON.getNodeFactory().textNode(r.body());
    }
    return new Response(r.statusCode(), json);
  }

  private ClusterException unreachable(String why, Throwable cause) {
    return new ClusterException("cannot reach " + connection + ": " + why, 0, cause);
  }

  /** The body of a 2xx answer; otherwise a one-line {@link ClusterException}. */
  JsonNode ok(String method, String path, Response r) {
    if (r.status() >= 200 && r.status() < 300) {
      return r.body();
    }
    throw failure(method, path, r);
  }

  ClusterException failure(String method, String path, Response r) {
    int s = r.status();
    if (s == 401) {
      return new ClusterException(connection + " refused the credentials" + (connection.credentialSource() == null
          ? ": none were given; set " + ClusterConnection.USERNAME + " and " + ClusterConnection.PASSWORD + ", or "
              + ClusterConnection.API_KEY
          : " in " + connection.credentialSource()) + " (401)", s);
    }
    if (s == 403) {
      return new ClusterException(connection + " denied " + method + " " + path + " to the user of "
          + (connection.credentialSource() == null ? "no credentials" : connection.credentialSource()) + " (403)", s);
    }
    return new ClusterException(connection + ": " + method + " " + path + " failed (" + s + "): " + reason(r.body()), s);
  }

  /** The most specific reason an error body gives, on one line. */
  static String reason(JsonNode body) {
    JsonNode e = body.path("error");
    if (e.isTextual()) {
      return e.asText();
    }
    JsonNode root = e.path("root_cause").path(0);
    String reason = e.path("reason").asText(root.path("reason").asText(""));
    JsonNode caused = e.path("caused_by");
    while (caused.has("reason")) {
      reason = caused.path("reason").asText();
      caused = caused.path("caused_by");
    }
    if (reason.isEmpty()) {
      reason = body.isMissingNode() ? "no body" : body.toString();
    }
    reason = reason.replaceAll("\\s+", " ");
    return reason.length() > 300 ? reason.substring(0, 300) + "..." : reason;
  }
}
