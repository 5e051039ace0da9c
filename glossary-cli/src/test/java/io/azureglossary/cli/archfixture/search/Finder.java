package io.azureglossary.cli.archfixture.search;

import io.azureglossary.cli.archfixture.model.Word;

/** ArchitectureTest fixture: search using the model. Allowed. */
public final class Finder {
  public Word find() {
    return new Word();
  }
}
