package io.azureglossary.server;

import io.azureglossary.search.Glossary;
import io.azureglossary.store.GlossaryIndex;
import io.azureglossary.store.IndexManifest;
import java.time.Instant;

/**
 * What the server searches: a glossary (bundled, or a corpus indexed in memory), or a persistent
 * index whose generations it follows. Counts the generations it has seen served: 1 at start, one
 * more each time the index's manifest changes (a reindex published), checked every second and on
 * every health or metrics request.
 */
final class Served {
  private final Glossary glossary;
  private final GlossaryIndex index;
  private final String source;
  private IndexManifest lastManifest;
  private long generation = 1;

  private Served(Glossary glossary, GlossaryIndex index, String source) {
    this.glossary = glossary;
    this.index = index;
    this.source = source;
    this.lastManifest = index == null ? null : index.manifest();
  }

  static Served of(Glossary glossary, String source) {
    return new Served(glossary, null, source);
  }

  static Served of(GlossaryIndex index) {
    return new Served(index.glossary(), index, "index " + index.path());
  }

  Glossary glossary() {
    return glossary;
  }

  /**
   * What {@code /healthz} reports.
   *
   * @param generation the generations served since start, 1 for the first
   * @param terms the number of terms in the generation being served
   * @param builtAt when the generation was built (a persistent index), or null
   * @param corpusHash the hash of the corpus it was built from (a persistent index), or null
   * @param source what is served: "bundled glossary", "corpus DIR" or "index DIR"
   */
  record Health(long generation, int terms, Instant builtAt, String corpusHash, String source) {}

  /** The generation now served; notices a new one. */
  synchronized Health health() {
    if (index == null) {
      return new Health(1, glossary.size(), null, null, source);
    }
    IndexManifest m = index.manifest();
    if (!m.equals(lastManifest)) {
      lastManifest = m;
      generation++;
    }
    return new Health(generation, m.termCount(), m.builtAt(), m.corpusHash(), source);
  }
}
