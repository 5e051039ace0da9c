package io.azureglossary.cli.archfixture.eval;

import io.azureglossary.cli.archfixture.search.Finder;

/** ArchitectureTest fixture: eval using search. Allowed. */
public final class Score {
  public double of(Finder finder) {
    return finder.find().text().length();
  }
}
