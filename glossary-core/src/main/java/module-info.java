/**
 * The embeddable glossary search: the term model, the corpus loader and validator, and the search
 * engine over the bundled glossary or a corpus of your own.
 *
 * <p>Exported to everyone: {@code io.azureglossary.search} ({@link io.azureglossary.search.Glossary}
 * and its immutable results), {@code io.azureglossary.model} ({@link io.azureglossary.model.Term})
 * and {@code io.azureglossary.corpus} (loading and validating a corpus folder). The analysis, the
 * index layout and the glossary's searchers are internal: exported only to the persistent store
 * ({@code io.azureglossary.store}), which writes and serves the same index, and the analysis and
 * index layout also to the OpenSearch export ({@code io.azureglossary.opensearch}), which carries
 * them to a cluster; free to change in any release. Relevance evaluation ({@code io.azureglossary.eval}) serves the project's own tools
 * and is not exported.
 */
module io.azureglossary.core {
  requires com.fasterxml.jackson.databind;
  requires org.apache.lucene.core;
  requires org.apache.lucene.analysis.common;
  requires org.apache.lucene.highlighter;
  requires org.apache.lucene.suggest;
  // the bundled corpus (JSON resources only; an automatic module): Corpus.bundled() reads it
  requires io.azureglossary.corpus.bundled;

  exports io.azureglossary.model;
  exports io.azureglossary.corpus;
  exports io.azureglossary.search;

  exports io.azureglossary.search.internal to io.azureglossary.store, io.azureglossary.opensearch;
  exports io.azureglossary.analysis to io.azureglossary.store, io.azureglossary.opensearch;
  exports io.azureglossary.index to io.azureglossary.store, io.azureglossary.opensearch;
}
