/**
 * The glossary on an OpenSearch cluster: {@link io.azureglossary.opensearch.Publisher} publishes a
 * corpus as a new versioned index and swaps an alias to it, and
 * {@link io.azureglossary.opensearch.ClusterGlossary} searches it with the engine's query structure
 * through a stored search template, answering with the core's results. Only the JDK's HTTP client
 * and Jackson: no OpenSearch jar.
 */
module io.azureglossary.opensearch {
  requires transitive io.azureglossary.core;
  requires com.fasterxml.jackson.databind;
  requires java.net.http;
  requires org.apache.lucene.core;
  requires org.apache.lucene.analysis.common;

  exports io.azureglossary.opensearch;
}
