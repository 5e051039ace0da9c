package io.azureglossary.example;

import io.azureglossary.corpus.Corpus;
import io.azureglossary.model.Term;
import io.azureglossary.search.Glossary;
import io.azureglossary.search.Hit;
import io.azureglossary.search.SearchRequest;
import io.azureglossary.store.GlossaryIndex;
import io.azureglossary.store.ReindexResult;
import io.azureglossary.store.Reindexer;
import java.nio.file.Path;

/**
 * Uses each exported package once, as an application would: searches and suggests over the bundled
 * glossary, fetches a whole term, then builds a persistent index of the bundled corpus in the folder
 * given as the first argument and searches it. Prints one line per step.
 */
public final class ModulePathApp {
  private ModulePathApp() {}

  /**
   * Runs the steps.
   *
   * @param args the index folder to build
   * @throws Exception if a step fails
   */
  public static void main(String[] args) throws Exception {
    Glossary bundled = Glossary.bundled();
    Hit hit = bundled.search(SearchRequest.of("SHIR offline").limit(3)).results().get(0);
    System.out.println("search: " + hit.id() + " | " + hit.highlights().get(0).section());
    System.out.println("suggest: " + bundled.suggest("integ", 1).get(0).name());
    Term term = bundled.term("integration-runtime").orElseThrow();
    System.out.println("term: " + term.name() + ", " + term.cli().commands().size() + " commands");

    Path dir = Path.of(args[0]);
    ReindexResult built = Reindexer.into(dir).run(Corpus.bundled());
    try (GlossaryIndex index = GlossaryIndex.open(dir)) {
      Glossary served = index.glossary();
      System.out.println("index: " + built.written() + " written, " + served.size() + " served, "
          + served.search("vnet peering").results().get(0).id());
    }
  }
}
