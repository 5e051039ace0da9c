/**
 * The persistent index: {@link io.azureglossary.store.Reindexer} brings an on-disk Lucene index in
 * line with a corpus, incrementally and atomically (one commit per run, carrying the
 * {@link io.azureglossary.store.IndexManifest}); {@link io.azureglossary.store.GlossaryIndex}
 * serves searches from it and follows new generations without disturbing searches in flight.
 */
package io.azureglossary.store;
