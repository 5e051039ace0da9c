package io.azureglossary.cli;

import io.azureglossary.corpus.Corpus;
import io.azureglossary.corpus.CorpusException;
import io.azureglossary.search.Glossary;
import java.nio.file.Path;

/** Opens the glossary a command should search: the bundled one, or a corpus folder in memory. */
final class Glossaries {
  private Glossaries() {}

  static Glossary open(Path corpus) throws CorpusException {
    if (corpus == null) {
      return Glossary.bundled();
    }
    return Glossary.of(Corpus.load(corpus));
  }
}
