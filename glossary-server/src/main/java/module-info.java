/**
 * The glossary over HTTP: {@link io.azureglossary.server.GlossaryServer}, a JSON API and a search
 * page on the JDK's HTTP server, and {@link io.azureglossary.server.ApiJson}, the JSON contract of
 * search and suggest answers. Reading {@code io.azureglossary.store} (and so the core) comes with it.
 */
module io.azureglossary.server {
  requires transitive io.azureglossary.store;
  requires com.fasterxml.jackson.core;
  requires jdk.httpserver;

  exports io.azureglossary.server;
}
