package io.azureglossary.search;

import io.azureglossary.index.Fields;
import org.apache.lucene.index.IndexReader;

/**
 * Internal, for glossary-bench: the engine's "did you mean" for one word, alone, over one reader
 * of a glossary index. Not part of the API; searches correct words through {@link Glossary}.
 */
public final class SpellingProbe {
  private final SpellingCorrector corrector;

  private SpellingProbe(SpellingCorrector corrector) {
    this.corrector = corrector;
  }

  /**
   * Builds the corrector of the reader's spelling terms, as a searcher does on its first correction.
   *
   * @param reader a reader of a glossary index
   * @return the probe
   */
  public static SpellingProbe over(IndexReader reader) {
    return new SpellingProbe(SpellingCorrector.of(reader, Fields.SPELL));
  }

  /**
   * The term suggested for a lower-case word (see {@code SpellingCorrector}).
   *
   * @param word one lower-case word
   * @return the suggested spelling, or null
   */
  public String suggest(String word) {
    return corrector.suggest(word);
  }
}
