package io.azureglossary.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The workload the build records into the JDK archive beside the CLI jar (an AOT cache on JDK 25+,
 * AppCDS on 21 to 24): the commands a user runs most, one after another in one JVM, output
 * discarded. The classes they load, and on JDK 25 the methods they run hot, are what
 * {@code ./glossary} then finds ready at start. Not part of the tool's interface; run by the build
 * (see {@code JdkArchive} in the tests) as {@code java -cp glossary-cli.jar io.azureglossary.cli.TrainingRun}.
 */
public final class TrainingRun {
  /** What is run, in order; the first search opens the bundled glossary, the rest reuse it. */
  static final List<List<String>> COMMANDS = List.of(
      List.of("--help"),
      List.of("search", "key vault soft delete"),
      List.of("search", "--json", "--limit", "3", "self-hosted IR offline"),
      List.of("search", "virtal netwrok"),
      List.of("suggest", "integ"),
      List.of("suggest", "--json", "shi"),
      List.of("show", "integration-runtime"));

  /** What the server is asked, once each, after the commands: {@code glossary serve}'s first answers. */
  static final List<String> SERVED = List.of(
      "/api/search?q=key+vault+soft+delete", "/api/search?q=vnet+integ&category=Networking", "/api/suggest?q=integ",
      "/api/terms/integration-runtime", "/terms/integration-runtime", "/", "/healthz", "/metrics", "/nope");

  private TrainingRun() {}

  /**
   * Runs each command with its output discarded; on the first that fails, names it on standard
   * error and exits with its code.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    PrintWriter none = new PrintWriter(Writer.nullWriter());
    for (List<String> command : COMMANDS) {
      int code = GlossaryCli.run(none, none, command.toArray(String[]::new));
      if (code != GlossaryCli.OK) {
        System.err.println("training run: glossary " + String.join(" ", command) + " exited " + code);
        System.exit(code);
      }
    }
    ServeCommand serve = new ServeCommand();
    serve.host = "127.0.0.1";
    serve.port = 0;
    try (ServeCommand.Running running = serve.start(none, none)) {
      for (String path : SERVED) {
        get(running.server().uri(), path);
      }
    } catch (Exception e) {
      System.err.println("training run: glossary serve failed: " + e);
      System.exit(GlossaryCli.USAGE);
    }
  }

  /** One GET on a plain socket (an HTTP client would load classes the server never uses), response read whole. */
  private static void get(URI server, String path) throws IOException {
    try (Socket s = new Socket(server.getHost(), server.getPort())) {
      OutputStream out = s.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      in.transferTo(OutputStream.nullOutputStream());
    }
  }
}
