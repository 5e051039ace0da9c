package io.azureglossary.bench;

import io.azureglossary.corpus.Corpus;
import io.azureglossary.eval.PlainBaseline;
import io.azureglossary.search.Glossary;
import io.azureglossary.search.GlossarySearcher;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.search.SearcherManager;

/**
 * The engine and the plain baseline serving one corpus size from memory, as benchmarks set them
 * up. The bundled size is indexed on the spot with {@link Glossary#of} and {@link PlainBaseline#of};
 * synthetic sizes are copied into memory from the {@link IndexCache}, which holds the same index
 * those calls would build.
 */
final class Served {
  private Served() {}

  /** A glossary with the in-memory directory it searches; closing it closes both. */
  record Engine(Glossary glossary, Directory dir) implements Closeable {
    @Override
    public void close() throws IOException {
      glossary.close();
      if (dir != null) {
        dir.close();
      }
    }
  }

  /** The engine over a corpus size, in memory. */
  static Engine engine(String size) {
    if (size.equals("bundled")) {
      return new Engine(Glossary.of(Corpus.bundled()), null);
    }
    try {
      Directory dir = IndexCache.inMemory(IndexCache.folder(size).resolve("engine"));
      return new Engine(open(dir), dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The plain baseline over a corpus size, in memory. */
  static PlainBaseline baseline(String size) {
    if (size.equals("bundled")) {
      return PlainBaseline.of(Corpus.bundled());
    }
    try {
      return PlainBaseline.open(IndexCache.inMemory(IndexCache.folder(size).resolve("baseline")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Opens the engine over an index directory: builds the synonyms, suggester and spell checkers. */
  static Glossary open(Directory dir) throws IOException {
    return Glossary.open(new SearcherManager(dir, GlossarySearcher.factory()));
  }

  /** Opens the engine over an index folder on disk; the caller closes the result and the directory. */
  static Engine openOnDisk(java.nio.file.Path folder) throws IOException {
    Directory dir = FSDirectory.open(folder);
    return new Engine(open(dir), dir);
  }
}
