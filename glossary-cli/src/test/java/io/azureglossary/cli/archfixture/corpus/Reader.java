package io.azureglossary.cli.archfixture.corpus;

import io.azureglossary.cli.archfixture.analysis.Words;

/** ArchitectureTest fixture: one half of a package cycle, corpus and analysis using each other. */
public final class Reader {
  public int read(Words words) {
    return words.count();
  }
}
