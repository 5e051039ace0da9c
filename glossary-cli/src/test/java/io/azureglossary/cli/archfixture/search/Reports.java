package io.azureglossary.cli.archfixture.search;

import io.azureglossary.cli.archfixture.eval.Score;

/** ArchitectureTest fixture: search using eval, a leaf. Breaks the layers. */
public final class Reports {
  public double score() {
    return new Score().of(new Finder());
  }
}
