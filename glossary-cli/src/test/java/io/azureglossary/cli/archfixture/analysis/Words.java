package io.azureglossary.cli.archfixture.analysis;

import io.azureglossary.cli.archfixture.corpus.Reader;

/** ArchitectureTest fixture: the other half of the package cycle. */
public final class Words {
  public int count() {
    return new Reader().hashCode();
  }
}
