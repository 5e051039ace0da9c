package io.azureglossary.cli.archfixture.model;

/** ArchitectureTest fixture: a model value, which uses nothing. */
public final class Word {
  public String text() {
    return "word";
  }
}
