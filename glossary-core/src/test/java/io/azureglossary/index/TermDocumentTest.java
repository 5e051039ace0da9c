package io.azureglossary.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.azureglossary.analysis.GlossaryAnalysis;
import io.azureglossary.corpus.Corpus;
import io.azureglossary.corpus.TermJson;
import io.azureglossary.model.Term;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/** The stored entry of a term's document: what is written, and reading it back. */
class TermDocumentTest {
  private static final Term TERM = Corpus.bundled().term("integration-runtime").orElseThrow();

  @Test
  void termJson_isTheCorpusJson_storedOnly_neitherIndexedNorDocValues() {
    List<IndexableField> fields = List.of(TermDocument.of(TERM).getFields(Fields.TERM_JSON));
    assertEquals(1, fields.size());
    IndexableField f = fields.get(0);
    assertEquals(TermJson.write(TERM), f.stringValue());
    assertTrue(f.fieldType().stored());
    assertEquals(IndexOptions.NONE, f.fieldType().indexOptions());
    assertEquals(DocValuesType.NONE, f.fieldType().docValuesType());
  }

  @Test
  void storedTerm_readsTheTermBack_orNullForADocumentWrittenWithoutIt() throws IOException {
    Document old = TermDocument.of(TERM);
    old.removeField(Fields.TERM_JSON);
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, IndexAnalyzers.writerConfig(GlossaryAnalysis.forTerms(List.of(TERM))))) {
        w.addDocument(TermDocument.of(TERM));
        w.addDocument(old);
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertEquals(TERM, TermDocument.storedTerm(reader.storedFields(), 0));
        assertNull(TermDocument.storedTerm(reader.storedFields(), 1));
      }
    }
  }
}
