package io.azureglossary.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The page's files, read from the jar once at start and kept in memory with their entity tags and
 * gzipped copies: {@code /} is {@code index.html}, {@code /static/NAME} the script and style sheet.
 */
final class StaticFiles {
  /** A file as served. */
  record File(Body body, byte[] gzipped) {}

  private static final Map<String, String> FILES = Map.of(
      "/", "index.html",
      "/static/app.js", "app.js",
      "/static/style.css", "style.css");

  private final Map<String, File> files;

  StaticFiles() {
    java.util.HashMap<String, File> m = new java.util.HashMap<>();
    FILES.forEach((path, name) -> {
      byte[] bytes = read(name);
      Body body = Body.tagged(bytes, type(name));
      m.put(path, new File(body, Body.gzip(bytes)));
    });
    files = Map.copyOf(m);
  }

  /** The file at this request path, or null. */
  File get(String path) {
    return files.get(path);
  }

  private static String type(String name) {
    if (name.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    }
    if (name.endsWith(".css")) {
      return "text/css; charset=utf-8";
    }
    return Body.HTML;
  }

  private static byte[] read(String name) {
    try (InputStream in = StaticFiles.class.getResourceAsStream("static/" + name)) {
      if (in == null) {
        throw new IllegalStateException("the server's jar lacks static/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
