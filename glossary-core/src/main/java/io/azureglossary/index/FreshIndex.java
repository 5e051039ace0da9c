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
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.SingleInstanceLockFactory;

/** Writes a whole glossary index in one go: the in-memory engine's index, and benchmark copies of it. */
public final class FreshIndex {
  private FreshIndex() {}

  /**
   * Indexes the terms into an empty directory with their synonym analysis, one document per term,
   * merged to one segment and committed with its {@link SavedAnalysis}.
   *
   * @param terms the terms to index
   * @param dir an empty directory
   * @throws IOException if the index cannot be written
   */
  public static void write(List<Term> terms, Directory dir) throws IOException {
    write(terms, dir, Map.of());
  }

  /**
   * Indexes the terms in memory, as {@link #write(List, Directory)} does, and returns the index as
   * a read-only directory of heap arrays, which searches read faster than Lucene's
   * {@code ByteBuffersDirectory} (glossary-bench README). Files over 2 GB stay where they were written.
   *
   * @param terms the terms to index
   * @return the index; close it when done
   * @throws IOException if the index cannot be written
   */
  public static Directory inMemory(List<Term> terms) throws IOException {
    ByteBuffersDirectory written = new ByteBuffersDirectory(new SingleInstanceLockFactory(),
        ByteBuffersDataOutput::new, ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
    write(terms, written);
    for (String f : written.listAll()) {
      if (written.fileLength(f) > Integer.MAX_VALUE) {
        return written;
      }
    }
    try (written) {
      return HeapDirectory.copyOf("in-memory", written);
    }
  }

  /**
   * As {@link #write(List, Directory)}, adding entries to the commit's user data.
   *
   * @param terms the terms to index
   * @param dir an empty directory
   * @param userData entries to commit with the index, beside the saved analysis's
   * @throws IOException if the index cannot be written
   */
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
