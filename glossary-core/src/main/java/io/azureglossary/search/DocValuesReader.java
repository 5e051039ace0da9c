package io.azureglossary.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;

/** Reads one document's doc values by top-level doc id: cheap per hit, unlike stored fields. */
final class DocValuesReader {
  private DocValuesReader() {}

  static String binary(IndexSearcher s, int doc, String field) {
    LeafReaderContext leaf = leaf(s, doc);
    try {
      BinaryDocValues dv = leaf.reader().getBinaryDocValues(field);
      return dv != null && dv.advanceExact(doc - leaf.docBase) ? dv.binaryValue().utf8ToString() : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sorted(IndexSearcher s, int doc, String field) {
    LeafReaderContext leaf = leaf(s, doc);
    try {
      SortedDocValues dv = leaf.reader().getSortedDocValues(field);
      return dv != null && dv.advanceExact(doc - leaf.docBase) ? dv.lookupOrd(dv.ordValue()).utf8ToString() : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static LeafReaderContext leaf(IndexSearcher s, int doc) {
    List<LeafReaderContext> leaves = s.getIndexReader().leaves();
    return leaves.get(ReaderUtil.subIndex(doc, leaves));
  }
}
