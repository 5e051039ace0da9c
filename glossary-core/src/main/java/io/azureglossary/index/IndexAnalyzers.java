package io.azureglossary.index;

import io.azureglossary.analysis.GlossaryAnalysis;
import io.azureglossary.model.Section;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.similarities.BM25Similarity;

/** The per-field index analyzer and writer configuration every glossary index uses. */
public final class IndexAnalyzers {
  private IndexAnalyzers() {}

  /**
   * Maps each field to its index-side analyzer (see {@link GlossaryAnalysis}).
   *
   * @param analysis the corpus's analysis
   * @return an analyzer that picks the field's analyzer; prose for fields not named
   */
  public static Analyzer forIndexing(GlossaryAnalysis analysis) {
    Map<String, Analyzer> perField = new HashMap<>();
    perField.put(Fields.NAME_TEXT, analysis.exactIndex());
    perField.put(Fields.ALIAS_TEXT, analysis.exactIndex());
    perField.put(Fields.SERVICE_TEXT, analysis.exactIndex());
    perField.put(Fields.CLI_PATH, analysis.cliIndex());
    perField.put(Fields.SPELL, analysis.spellIndex());
    for (Section s : Section.values()) {
      perField.put(Fields.section(s), analysis.proseIndex());
    }
    return new PerFieldAnalyzerWrapper(analysis.proseIndex(), perField);
  }

  /**
   * A writer configuration with the glossary's analyzers and BM25.
   *
   * @param analysis the corpus's analysis
   * @return a new configuration
   */
  public static IndexWriterConfig writerConfig(GlossaryAnalysis analysis) {
    IndexWriterConfig c = new IndexWriterConfig(forIndexing(analysis));
    c.setSimilarity(new BM25Similarity());
    return c;
  }
}
