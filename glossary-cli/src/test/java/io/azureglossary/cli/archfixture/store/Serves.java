package io.azureglossary.cli.archfixture.store;

import io.azureglossary.cli.archfixture.model.Word;
import io.azureglossary.cli.archfixture.search.Finder;

/** ArchitectureTest fixture: the store using search and the model. Allowed. */
public final class Serves {
  public Word serve() {
    return new Finder().find();
  }
}
