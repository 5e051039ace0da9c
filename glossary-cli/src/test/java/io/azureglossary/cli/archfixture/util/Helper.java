package io.azureglossary.cli.archfixture.util;

/** ArchitectureTest fixture: a class in a package that is no layer. Breaks the layers. */
public final class Helper {
  private Helper() {}
}
