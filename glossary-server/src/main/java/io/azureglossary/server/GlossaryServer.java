package io.azureglossary.server;

import com.sun.net.httpserver.HttpServer;
import io.azureglossary.search.Glossary;
import io.azureglossary.store.GlossaryIndex;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The glossary over HTTP: a JSON API ({@code /api/search}, {@code /api/suggest},
 * {@code /api/terms/ID}, {@code /healthz}, {@code /metrics}) and a search page ({@code /},
 * {@code /terms/ID}), on the JDK's own HTTP server with one virtual thread per request.
 *
 * <pre>{@code
 * try (GlossaryServer server = GlossaryServer.serving(Glossary.bundled()).port(8080).start()) {
 *   System.out.println("serving " + server.uri());
 *   Thread.currentThread().join();
 * }
 * }</pre>
 *
 * <p>Listens on the loopback address unless another host is named. Limits, set as the JDK
 * server's system properties when the first server of the JVM is created and not already set:
 * a request's line and headers must arrive within 10 s ({@code sun.net.httpserver.maxReqTime}), a
 * response be taken within 30 s ({@code maxRspTime}), at most 100 headers
 * ({@code maxReqHeaders}) and 1,000 connections ({@code jdk.httpserver.maxConnections}), and
 * {@code TCP_NODELAY} on ({@code sun.net.httpserver.nodelay}: the JDK server writes a response's head
 * and body apart, and Nagle's algorithm held the body for the client's delayed ACK, 40 ms); the
 * request target is at most 8,192 characters (414 beyond) with at most 16 parameters, and a GET
 * with a body is a 413. The server does not close the glossary or index it serves.
 */
public final class GlossaryServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(GlossaryServer.class.getName());

  static {
    setDefault("sun.net.httpserver.maxReqTime", "10");
    setDefault("sun.net.httpserver.maxRspTime", "30");
    setDefault("sun.net.httpserver.maxReqHeaders", "100");
    setDefault("jdk.httpserver.maxConnections", "1000");
    // the server writes a response's head and body apart: with Nagle's algorithm on, the body waits for
    // the client's delayed ACK of the head, 40 ms on Linux (it was the p99 of every load run before this)
    setDefault("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer http;
  private final ExecutorService requests;
  private final ScheduledExecutorService watcher;
  private final URI uri;

  private GlossaryServer(HttpServer http, ExecutorService requests, ScheduledExecutorService watcher) {
    this.http = http;
    this.requests = requests;
    this.watcher = watcher;
    InetSocketAddress a = http.getAddress();
    String host = a.getAddress().getHostAddress();
    this.uri = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/");
  }

  /**
   * A server of a glossary: the bundled one, or a corpus indexed in memory.
   *
   * @param glossary what to search; the caller closes it after the server
   * @return a builder; {@link Builder#start()} starts the server
   */
  public static Builder serving(Glossary glossary) {
    Objects.requireNonNull(glossary, "glossary");
    return new Builder(glossary, null);
  }

  /**
   * A server of a persistent index, which serves each generation the index switches to (open the
   * index with a watch interval, {@link GlossaryIndex#open(java.nio.file.Path, Duration)}, for it to
   * follow a reindex); searches in flight finish on the generation they started with.
   *
   * @param index what to search; the caller closes it after the server
   * @return a builder; {@link Builder#start()} starts the server
   */
  public static Builder serving(GlossaryIndex index) {
    Objects.requireNonNull(index, "index");
    return new Builder(null, index);
  }

  /** Where and how to serve; {@link #start()} binds the port and starts answering. */
  public static final class Builder {
    private final Glossary glossary;
    private final GlossaryIndex index;
    private String host = "127.0.0.1";
    private int port = 8080;
    private String source = "bundled glossary";

    private Builder(Glossary glossary, GlossaryIndex index) {
      this.glossary = glossary;
      this.index = index;
    }

    /**
     * The address to listen on.
     *
     * @param host a host name or address; {@code 127.0.0.1} by default. Anything but a loopback
     *     address makes the glossary reachable from other machines
     * @return this builder
     */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /**
     * The port to listen on.
     *
     * @param port 1 to 65535, or 0 for any free port ({@link GlossaryServer#address()} says which); 8080 by default
     * @return this builder
     * @throws IllegalArgumentException if {@code port} is out of range
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be from 0 to 65535 (got " + port + ")");
      }
      this.port = port;
      return this;
    }

    /**
     * What {@code /healthz} says is served, for a glossary ({@code "corpus DIR"}); an index says
     * its folder.
     *
     * @param source a short description; {@code "bundled glossary"} by default
     * @return this builder
     */
    public Builder source(String source) {
      this.source = Objects.requireNonNull(source, "source");
      return this;
    }

    /**
     * Binds the address and starts answering.
     *
     * @return the running server; {@link GlossaryServer#close()} stops it
     * @throws IOException if the address cannot be bound (the port is taken, the host is not this machine's)
     */
    public GlossaryServer start() throws IOException {
      InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(host), port);
      Served served = index != null ? Served.of(index) : Served.of(glossary, source);
      Api api = new Api(served, new StaticFiles(), new Metrics());
      HttpServer http = HttpServer.create(address, 1024);
      ExecutorService requests = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("glossary-http-", 0).factory());
      http.setExecutor(requests);
      http.createContext("/", api);
      ScheduledExecutorService watcher = null;
      if (index != null) { // notices each generation, for /healthz and /metrics, even when neither is asked
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "glossary-server-generations");
          t.setDaemon(true);
          return t;
        });
        watcher.scheduleWithFixedDelay(() -> {
          try {
            served.health();
          } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "cannot read the served generation", e);
          }
        }, 1, 1, TimeUnit.SECONDS);
      }
      http.start();
      return new GlossaryServer(http, requests, watcher);
    }
  }

  /** {@return the address the server listens on, with the port it bound} */
  public InetSocketAddress address() {
    return http.getAddress();
  }

  /** {@return the server's base URI, such as {@code http://127.0.0.1:8080/}} */
  public URI uri() {
    return uri;
  }

  /**
   * Stops the server: no new connection is accepted, requests being answered finish (for at most
   * {@code grace}, rounded up to whole seconds), then every connection closes.
   *
   * @param grace the longest wait for requests in flight
   */
  public void stop(Duration grace) {
    if (watcher != null) {
      watcher.shutdownNow();
    }
    http.stop((int) Math.max(1, Math.min(Integer.MAX_VALUE, (grace.toMillis() + 999) / 1000)));
    requests.shutdown();
    try {
      requests.awaitTermination(grace.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the server, waiting up to 10 s for requests in flight: {@link #stop(Duration)}. */
  @Override
  public void close() {
    stop(Duration.ofSeconds(10));
  }

  private static void setDefault(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
