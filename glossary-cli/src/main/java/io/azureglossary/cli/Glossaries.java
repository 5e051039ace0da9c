package io.azureglossary.cli;

import io.azureglossary.corpus.Corpus;
import io.azureglossary.corpus.CorpusException;
import io.azureglossary.search.Glossary;
import io.azureglossary.store.GlossaryIndex;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens the glossary a command should search: the bundled one, a corpus folder indexed in memory,
 * or a persistent index folder.
 */
final class Glossaries {
  private Glossaries() {}

  /** A glossary, and what to close when done with it. */
  record Opened(Glossary glossary, Closeable owner) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      owner.close();
    }
  }

  static Opened open(Path corpus, Path index) throws CorpusException, IOException {
    if (corpus != null && index != null) {
      throw new IllegalArgumentException("--corpus and --index are mutually exclusive: search a corpus folder or an index");
    }
    if (index != null) {
      GlossaryIndex opened = GlossaryIndex.open(index);
      return new Opened(opened.glossary(), opened);
    }
    Glossary g = corpus == null ? Glossary.bundled() : Glossary.of(Corpus.load(corpus));
    return new Opened(g, g);
  }
}
