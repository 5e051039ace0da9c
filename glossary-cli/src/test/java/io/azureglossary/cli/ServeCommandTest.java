package io.azureglossary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code glossary serve}: start, answer, and a graceful stop on SIGTERM with exit code 0. */
class ServeCommandTest {
  private static final Pattern SERVING = Pattern.compile("serving .* at (http://\\S+/) ");

  static String get(HttpClient client, URI uri) throws Exception {
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return r.body();
  }

  @Test
  void serve_answersOnTheAddressItPrints() throws Exception {
    ServeCommand serve = new ServeCommand();
    serve.host = "127.0.0.1";
    serve.port = 0;
    StringWriter out = new StringWriter();
    try (ServeCommand.Running running = serve.start(new PrintWriter(out), new PrintWriter(new StringWriter()))) {
      Matcher m = SERVING.matcher(out.toString());
      assertTrue(m.find(), out.toString());
      assertEquals(running.server().uri().toString(), m.group(1));
      String body = get(HttpClient.newHttpClient(), running.server().uri().resolve("/api/search?q=SHIR"));
      assertTrue(body.contains("\"id\":\"integration-runtime\""), body);
    }
  }

  @Test
  void serve_refusesCorpusWithIndex_andATakenPort() throws Exception {
    ServeCommand both = new ServeCommand();
    both.host = "127.0.0.1";
    both.corpus = Path.of("a");
    both.index = Path.of("b");
    PrintWriter none = new PrintWriter(new StringWriter());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> both.start(none, none)).getMessage()
        .contains("mutually exclusive"));
    ServeCommand first = new ServeCommand();
    first.host = "127.0.0.1";
    try (ServeCommand.Running running = first.start(none, none)) {
      ServeCommand second = new ServeCommand();
      second.host = "127.0.0.1";
      second.port = running.server().address().getPort();
      String msg = assertThrows(IllegalArgumentException.class, () -> second.start(none, none)).getMessage();
      assertTrue(msg.startsWith("cannot listen on 127.0.0.1:" + second.port), msg);
      assertTrue(msg.contains("--port"), msg);
    }
  }

  @Test
  void sigterm_stopsGracefully_exitCode0() throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), GlossaryCli.class.getName(),
        "serve", "--port", "0").redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line;
      Matcher m = null;
      while ((line = out.readLine()) != null) {
        Matcher candidate = SERVING.matcher(line);
        if (candidate.find()) {
          m = candidate;
          break;
        }
      }
      assertTrue(m != null, "the server never said where it serves");
      URI uri = URI.create(m.group(1));
      HttpClient client = HttpClient.newHttpClient();
      get(client, uri.resolve("/api/search?q=vnet"));
      // clients searching while the signal arrives: every answer that comes is whole
      AtomicBoolean stopping = new AtomicBoolean();
      AtomicInteger answered = new AtomicInteger();
      AtomicInteger broken = new AtomicInteger();
      Thread[] clients = new Thread[4];
      for (int i = 0; i < clients.length; i++) {
        clients[i] = Thread.ofPlatform().start(() -> {
          while (!stopping.get() || answered.get() < 1000) {
            try {
              HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri.resolve("/api/search?q=key+vault"))
                  .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
              if (r.statusCode() == 200 && r.body().endsWith("}}}")) {
                answered.incrementAndGet();
              } else {
                broken.incrementAndGet();
              }
            } catch (IOException | InterruptedException e) {
              return; // refused or closed once the server stops: expected
            }
          }
        });
      }
      Thread.sleep(300);
      stopping.set(true);
      assertTrue(p.toHandle().destroy(), "SIGTERM not sent"); // SIGTERM; Process.destroy would close our end of its output
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), "still running 30 s after SIGTERM");
      for (Thread t : clients) {
        t.join(30_000);
      }
      String rest = out.lines().reduce("", (a, b) -> a + b + "\n");
      assertEquals(0, p.exitValue(), rest);
      assertTrue(rest.contains("glossary: stopped"), rest);
      assertTrue(answered.get() > 0, "no search answered before the stop");
      assertEquals(0, broken.get(), "answers cut short or failed: " + broken.get());
      assertThrows(ConnectException.class, () -> new Socket(uri.getHost(), uri.getPort()).close());
    } finally {
      p.destroyForcibly();
    }
  }
}
