package io.azureglossary.eval;

import io.azureglossary.corpus.Corpus;
import io.azureglossary.model.Section;
import io.azureglossary.model.Term;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * The simplest reasonable Lucene search over the same terms, the yardstick for relevance and speed:
 * {@link StandardAnalyzer}, one field holding all of a term's text (name, aliases, every section,
 * CLI commands), BM25, and a {@code BooleanQuery} of {@code TermQuery}s from the query's words. No
 * synonyms, no boosts, no highlighting. Thread-safe.
 */
public final class PlainBaseline implements Closeable {
  /** The baseline's single text field. */
  public static final String TEXT = "text";
  /** The term id, stored. */
  public static final String ID = "id";

  private final Directory dir;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final StandardAnalyzer analyzer = new StandardAnalyzer();

  private PlainBaseline(Directory dir) throws IOException {
    this.dir = dir;
    this.reader = DirectoryReader.open(dir);
    this.searcher = new IndexSearcher(reader);
  }

  /**
   * Indexes the corpus in memory.
   *
   * @param corpus the terms to search
   * @return the baseline; close it when done
   */
  public static PlainBaseline of(Corpus corpus) {
    try {
      Directory dir = new ByteBuffersDirectory();
      write(corpus, dir);
      return new PlainBaseline(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the baseline index of a corpus into an empty directory, one segment, as {@link #of}
   * builds it in memory; for benchmarks that keep a large baseline index on disk between runs.
   *
   * @param corpus the terms to index
   * @param dir an empty directory
   * @throws IOException if the index cannot be written
   */
  public static void write(Corpus corpus, Directory dir) throws IOException {
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
      for (Term t : corpus.terms()) {
        w.addDocument(document(t));
      }
      w.forceMerge(1);
    }
  }

  /**
   * Opens a baseline index written by {@link #write}. Closing the result closes {@code dir} too.
   *
   * @param dir the directory {@link #write} wrote
   * @return the baseline over it
   * @throws IOException if the index cannot be opened
   */
  public static PlainBaseline open(Directory dir) throws IOException {
    return new PlainBaseline(dir);
  }

  /**
   * A term as the baseline indexes it: all text concatenated into one field.
   *
   * @param t the term
   * @return its document: the stored {@link #ID} and the {@link #TEXT} field
   */
  public static Document document(Term t) {
    StringBuilder sb = new StringBuilder(t.name()).append('\n');
    t.aliases().forEach(a -> sb.append(a).append('\n'));
    for (Section s : Section.values()) {
      sb.append(s.textOf(t)).append('\n');
    }
    Document d = new Document();
    d.add(new StringField(ID, t.id(), Field.Store.YES));
    d.add(new TextField(TEXT, sb.toString(), Field.Store.NO));
    return d;
  }

  /**
   * The query the baseline runs: one optional {@code TermQuery} per analyzed word.
   *
   * @param text the query as typed
   * @return the query, with at most as many clauses as Lucene allows
   */
  public Query query(String text) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    try (TokenStream ts = analyzer.tokenStream(TEXT, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      int n = 0;
      while (ts.incrementToken() && n++ < IndexSearcher.getMaxClauseCount()) {
        b.add(new TermQuery(new org.apache.lucene.index.Term(TEXT, term.toString())), Occur.SHOULD);
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.build();
  }

  /**
   * The top documents for a query.
   *
   * @param text the query as typed
   * @param limit the most documents to return
   * @return the documents, best first
   */
  public TopDocs search(String text, int limit) {
    try {
      return searcher.search(query(text), limit);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The ids of the top {@code limit} terms for a query, best first.
   *
   * @param text the query as typed
   * @param limit the most ids to return
   * @return the term ids
   */
  public List<String> ids(String text, int limit) {
    TopDocs top = search(text, limit);
    List<String> out = new ArrayList<>(top.scoreDocs.length);
    try {
      StoredFields stored = searcher.storedFields();
      for (ScoreDoc sd : top.scoreDocs) {
        out.add(stored.document(sd.doc).get(ID));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** {@return the searcher, for benchmarks that build their own queries} */
  public IndexSearcher searcher() {
    return searcher;
  }

  @Override
  public void close() throws IOException {
    reader.close();
    dir.close();
    analyzer.close();
  }
}
