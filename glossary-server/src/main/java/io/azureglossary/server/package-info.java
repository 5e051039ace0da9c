/**
 * The glossary over HTTP: {@link io.azureglossary.server.GlossaryServer} serves a JSON API and a
 * search page; {@link io.azureglossary.server.ApiJson} is the JSON contract of search results and
 * completions, shared with the command line.
 */
package io.azureglossary.server;
