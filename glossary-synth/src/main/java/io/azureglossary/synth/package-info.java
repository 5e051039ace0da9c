/**
 * Synthetic corpora for measuring the index at scale: terms assembled from the real corpus's names,
 * aliases, sentences and CLI commands, deterministic per seed, and valid under the strict loader.
 * Not glossary content: use them for timing reindex and search, never for relevance.
 */
package io.azureglossary.synth;
