package io.azureglossary.cli.archfixture.synth;

import io.azureglossary.cli.archfixture.model.Word;

/** ArchitectureTest fixture: synth using the model. Allowed. */
public final class Copies {
  public Word copy(Word w) {
    return w;
  }
}
