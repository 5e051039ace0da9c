package io.azureglossary.cli.archfixture.store;

import io.azureglossary.cli.archfixture.cli.Main;

/** ArchitectureTest fixture: the store using the CLI, which nothing may use. Breaks the layers. */
public final class CallsCli {
  public void run() {
    Main.main(new String[0]);
  }
}
