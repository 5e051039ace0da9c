package io.azureglossary.cli;

import io.azureglossary.corpus.Corpus;
import io.azureglossary.search.Glossary;
import io.azureglossary.server.GlossaryServer;
import io.azureglossary.store.GlossaryIndex;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.net.BindException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code glossary serve}: the JSON API and the search page over HTTP until SIGTERM or SIGINT
 * (Ctrl-C), then a graceful stop: no new connection is accepted, requests in flight finish (for
 * up to 10 s), exit code 0.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve the glossary over HTTP: a JSON API (/api/search, /api/suggest, /api/terms/ID, /healthz,"
        + " /metrics) and a search page (/). Stops on SIGTERM or Ctrl-C, letting requests in flight finish.")
final class ServeCommand implements Callable<Integer> {
  /** How long requests in flight may take to finish once a stop is asked. */
  static final Duration GRACE = Duration.ofSeconds(10);
  /** How often a served index is checked for a new generation. */
  static final Duration WATCH = Duration.ofSeconds(1);

  @Spec
  CommandSpec spec;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only). Another address makes the glossary reachable from other machines.")
  String host;

  @Option(names = "--port", defaultValue = "8080", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0: any free port).")
  int port;

  @Option(names = "--corpus", paramLabel = "DIR", description = "Serve this corpus folder (indexed in memory at start) instead of the bundled glossary.")
  Path corpus;

  @Option(names = "--index", paramLabel = "DIR",
      description = "Serve this persistent index (built by reindex); each generation a reindex publishes is served within a second or so.")
  Path index;

  @Override
  public Integer call() throws Exception {
    return run(spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /** A running server and what it serves, closed together. */
  record Running(GlossaryServer server, Closeable served) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      server.stop(GRACE);
      served.close();
    }
  }

  /** Opens what to serve and starts the server; says where on {@code out}. */
  Running start(PrintWriter out, PrintWriter err) throws Exception {
    if (corpus != null && index != null) {
      throw new IllegalArgumentException("--corpus and --index are mutually exclusive: serve a corpus folder or an index");
    }
    InetAddress address = InetAddress.getByName(host);
    Closeable served;
    GlossaryServer.Builder builder;
    if (index != null) {
      GlossaryIndex opened = GlossaryIndex.open(index, WATCH);
      served = opened;
      builder = GlossaryServer.serving(opened);
    } else if (corpus != null) {
      Glossary g = Glossary.of(Corpus.load(corpus));
      served = g;
      builder = GlossaryServer.serving(g).source("corpus " + corpus);
    } else {
      Glossary g = Glossary.bundled();
      served = g;
      builder = GlossaryServer.serving(g);
    }
    GlossaryServer server;
    try {
      server = builder.host(host).port(port).start();
    } catch (BindException e) {
      served.close();
      throw new IllegalArgumentException("cannot listen on " + host + ":" + port + ": " + e.getMessage()
          + " (is another server using the port? choose one with --port)");
    } catch (IOException | RuntimeException e) {
      served.close();
      throw e;
    }
    if (!address.isLoopbackAddress()) {
      err.println("glossary: listening on " + host + ", not a loopback address: anyone who can reach this machine can search");
      err.flush();
    }
    String what = index != null ? "the index " + index : corpus != null ? "the corpus " + corpus : "the bundled glossary";
    out.println("glossary: serving " + what + " at " + server.uri() + " (Ctrl-C or SIGTERM stops it)");
    out.flush();
    return new Running(server, served);
  }

  /**
   * Runs {@code action} on each of these signals instead of the JVM's default (an exit with 128 +
   * the signal's number). Through {@code sun.misc.Signal}, the JDK's supported way (module
   * jdk.unsupported), looked up reflectively because javac and javadoc warn on every use of it.
   */
  static void onSignals(Runnable action, String... names) throws ReflectiveOperationException {
    Class<?> signal = Class.forName("sun.misc.Signal");
    Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
    Object handler = Proxy.newProxyInstance(handlerType.getClassLoader(), new Class<?>[] {handlerType},
        (proxy, method, args) -> switch (method.getName()) {
          case "handle" -> {
            action.run();
            yield null;
          }
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> "glossary serve's signal handler";
        });
    for (String name : names) {
      signal.getMethod("handle", signal, handlerType).invoke(null, signal.getConstructor(String.class).newInstance(name), handler);
    }
  }

  /** Serves until SIGTERM or SIGINT, then stops gracefully; returns the exit code. */
  int run(PrintWriter out, PrintWriter err) throws Exception {
    CountDownLatch stop = new CountDownLatch(1);
    try (Running running = start(out, err)) {
      onSignals(stop::countDown, "TERM", "INT");
      stop.await();
      out.println("glossary: stopping: no new connections; requests in flight get up to " + GRACE.toSeconds() + " s");
      out.flush();
    }
    out.println("glossary: stopped");
    out.flush();
    return GlossaryCli.OK;
  }
}
