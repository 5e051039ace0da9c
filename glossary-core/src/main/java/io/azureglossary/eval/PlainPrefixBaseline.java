package io.azureglossary.eval;

import io.azureglossary.corpus.Corpus;
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
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * The simplest reasonable Lucene completion over the same terms, the yardstick for the suggester:
 * {@link StandardAnalyzer}, one field holding a term's name and aliases, BM25. The typed prefix is
 * analysed; every word but the last must occur as typed ({@code TermQuery}, MUST), the last as the
 * start of a word ({@code PrefixQuery}, MUST). No typo tolerance, no boosts. Thread-safe.
 *
 * <p>The prefix query is scored: it is rewritten to a {@code BooleanQuery} of the words it expands
 * to, each scored by BM25, keeping at most as many words as {@link IndexSearcher#getMaxClauseCount}
 * leaves room for (on a large corpus a one-letter prefix would otherwise fail with too many
 * clauses).
 */
public final class PlainPrefixBaseline implements Closeable {
  private static final String TEXT = "names";
  private static final String ID = "id";

  private final Directory dir;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final StandardAnalyzer analyzer = new StandardAnalyzer();

  private PlainPrefixBaseline(Directory dir) throws IOException {
    this.dir = dir;
    this.reader = DirectoryReader.open(dir);
    this.searcher = new IndexSearcher(reader);
  }

  /**
   * Indexes the names and aliases of a corpus in memory.
   *
   * @param corpus the terms to suggest
   * @return the baseline; close it when done
   */
  public static PlainPrefixBaseline of(Corpus corpus) {
    try {
      Directory dir = new ByteBuffersDirectory();
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
        for (Term t : corpus.terms()) {
          Document d = new Document();
          d.add(new StringField(ID, t.id(), Field.Store.YES));
          d.add(new TextField(TEXT, t.name(), Field.Store.NO));
          t.aliases().forEach(a -> d.add(new TextField(TEXT, a, Field.Store.NO)));
          w.addDocument(d);
        }
        w.forceMerge(1);
      }
      return new PlainPrefixBaseline(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The query the baseline runs for a typed prefix; matches nothing when the prefix has no words. */
  Query query(String prefix) {
    List<String> words = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(TEXT, prefix)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken() && words.size() < IndexSearcher.getMaxClauseCount() / 2) {
        words.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (words.isEmpty()) {
      return new MatchNoDocsQuery("no words in '" + prefix + "'");
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int last = words.size() - 1;
    for (int i = 0; i < last; i++) {
      b.add(new TermQuery(new org.apache.lucene.index.Term(TEXT, words.get(i))), Occur.MUST);
    }
    int room = IndexSearcher.getMaxClauseCount() - last;
    b.add(new PrefixQuery(new org.apache.lucene.index.Term(TEXT, words.get(last)),
        new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(room)), Occur.MUST);
    return b.build();
  }

  /**
   * The ids of the top {@code limit} terms for a typed prefix, best first.
   *
   * @param prefix what the user has typed so far
   * @param limit the most ids to return
   * @return the term ids; empty when the prefix has no words
   */
  public List<String> ids(String prefix, int limit) {
    try {
      ScoreDoc[] top = searcher.search(query(prefix), limit).scoreDocs;
      StoredFields stored = searcher.storedFields();
      List<String> out = new ArrayList<>(top.length);
      for (ScoreDoc sd : top) {
        out.add(stored.document(sd.doc).get(ID));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
    dir.close();
    analyzer.close();
  }
}
