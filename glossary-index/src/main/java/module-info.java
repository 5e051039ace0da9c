/**
 * The persistent glossary index: {@link io.azureglossary.store.Reindexer}, the batch job that
 * builds or updates an index folder from a corpus and publishes each generation atomically, and
 * {@link io.azureglossary.store.GlossaryIndex}, which serves the folder's latest generation as a
 * {@link io.azureglossary.search.Glossary}. Reading {@code io.azureglossary.core} comes with it.
 */
module io.azureglossary.store {
  requires transitive io.azureglossary.core;
  requires org.apache.lucene.core;

  exports io.azureglossary.store;
}
