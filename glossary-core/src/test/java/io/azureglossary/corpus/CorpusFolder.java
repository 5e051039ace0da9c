package io.azureglossary.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Builds small corpus folders for tests from the valid term in {@code corpus/storage-queue.json}. */
final class CorpusFolder {
  private final Path dir;

  CorpusFolder(Path dir) {
    this.dir = dir;
  }

  /** The valid base term, as text. */
  static String base() {
    return resource("/corpus/storage-queue.json");
  }

  static String resource(String name) {
    try (InputStream in = CorpusFolder.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("test resource " + name + " not found");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces {@code from}, which must occur exactly once so that a mutation can never miss silently. */
  static String replace(String text, String from, String to) {
    int at = text.indexOf(from);
    assertTrue(at >= 0 && text.indexOf(from, at + 1) < 0, "'" + from + "' must occur exactly once");
    return text.substring(0, at) + to + text.substring(at + from.length());
  }

  /** Writes a file under the corpus folder, creating its parent folders. */
  CorpusFolder write(String relative, String text) {
    try {
      Path f = dir.resolve(relative);
      Files.createDirectories(f.getParent());
      Files.writeString(f, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Deletes a file under the corpus folder. */
  CorpusFolder delete(String relative) {
    try {
      Files.delete(dir.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Every problem {@link Corpus#validate} reports for the folder, as the text users see. */
  List<String> problems() {
    return Corpus.validate(dir).problems().stream().map(CorpusProblem::toString).toList();
  }
}
