package io.azureglossary.index;

import io.azureglossary.analysis.GlossaryAnalysis;
import io.azureglossary.model.Term;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;

/** Writes a whole glossary index in one go: the in-memory engine's index, and benchmark copies of it. */
public final class FreshIndex {
  private FreshIndex() {}

  /**
   * Indexes the terms into an empty directory with their synonym analysis, one document per term,
   * merged to one segment and committed.
   */
  public static void write(List<Term> terms, Directory dir) throws IOException {
    GlossaryAnalysis analysis = GlossaryAnalysis.forTerms(terms);
    try (IndexWriter w = new IndexWriter(dir, IndexAnalyzers.writerConfig(analysis))) {
      List<Document> docs = new ArrayList<>(terms.size());
      for (Term t : terms) {
        docs.add(TermDocument.of(t));
      }
      w.addDocuments(docs);
      w.forceMerge(1);
      w.commit();
    }
  }
}
