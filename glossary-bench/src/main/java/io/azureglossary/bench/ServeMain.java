package io.azureglossary.bench;

import io.azureglossary.search.Glossary;
import io.azureglossary.server.GlossaryServer;
import io.azureglossary.store.GlossaryIndex;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The server {@link ServeLoad} measures, in a JVM of its own: {@code glossary serve} without the
 * command-line layer. {@code --port N} (0: any free port), {@code --index DIR} to serve a persistent
 * index (watched every second) instead of the bundled glossary. Prints the server's URI as its first
 * line, then serves until the process is stopped.
 */
public final class ServeMain {
  private ServeMain() {}

  /**
   * Starts the server.
   *
   * @param args {@code --port N} and optionally {@code --index DIR}
   * @throws Exception if the server cannot start
   */
  public static void main(String[] args) throws Exception {
    int port = 8080;
    Path index = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--index" -> index = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    GlossaryServer server = index == null
        ? GlossaryServer.serving(Glossary.bundled()).port(port).start()
        : GlossaryServer.serving(GlossaryIndex.open(index, Duration.ofSeconds(1))).port(port).start();
    System.out.println(server.uri());
    System.out.flush();
    Thread.currentThread().join();
  }
}
