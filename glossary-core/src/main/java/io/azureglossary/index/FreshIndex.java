package io.azureglossary.index;

import io.azureglossary.analysis.GlossaryAnalysis;
import io.azureglossary.model.Term;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;

/** Writes a whole glossary index in one go: the in-memory engine's index, and benchmark copies of it. */
public final class FreshIndex {
  private FreshIndex() {}

  /**
   * Indexes the terms into an empty directory with their synonym analysis, one document per term,
   * merged to one segment and committed with its {@link SavedAnalysis}.
   */
  public static void write(List<Term> terms, Directory dir) throws IOException {
    write(terms, dir, Map.of());
  }

  /** As {@link #write(List, Directory)}, adding entries to the commit's user data. */
  public static void write(List<Term> terms, Directory dir, Map<String, String> userData) throws IOException {
    GlossaryAnalysis analysis = GlossaryAnalysis.forTerms(terms);
    try (IndexWriter w = new IndexWriter(dir, IndexAnalyzers.writerConfig(analysis))) {
      List<Document> docs = new ArrayList<>(terms.size());
      for (Term t : terms) {
        docs.add(TermDocument.of(t));
      }
      w.addDocuments(docs);
      w.forceMerge(1);
      Map<String, String> data = new LinkedHashMap<>(userData);
      data.put(SavedAnalysis.USER_DATA_KEY, SavedAnalysis.write(dir, analysis));
      w.setLiveCommitData(data.entrySet());
      w.commit();
    }
  }
}
