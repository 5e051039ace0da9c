package io.azureglossary.cli.archfixture.model;

import io.azureglossary.cli.archfixture.search.Finder;

/** ArchitectureTest fixture: the model using search, a package after it. Breaks the layers. */
public final class FindsBack {
  public Word find() {
    return new Finder().find();
  }
}
