package io.azureglossary.cli.archfixture.cli;

import io.azureglossary.cli.archfixture.eval.Score;
import io.azureglossary.cli.archfixture.search.Finder;
import io.azureglossary.cli.archfixture.store.Serves;

/** ArchitectureTest fixture: the CLI using the store, search and eval. Allowed. */
public final class Main {
  public static void main(String[] args) {
    System.out.println(new Serves().serve().text() + new Score().of(new Finder()));
  }
}
