package io.azureglossary.cli.archfixture.synth;

import io.azureglossary.cli.archfixture.model.Word;
import io.azureglossary.cli.archfixture.search.Finder;

/** ArchitectureTest fixture: synth using search (it may use only the model and the corpus). Breaks the layers. */
public final class Generates {
  public Word generate() {
    return new Finder().find();
  }
}
