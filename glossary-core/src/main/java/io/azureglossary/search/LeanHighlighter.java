package io.azureglossary.search;

import io.azureglossary.index.Fields;
import io.azureglossary.search.Highlighting.Fragment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.util.BytesRef;

/**
 * The candidate passages of one searcher's hits, the same as Lucene's {@code UnifiedHighlighter}
 * finds them with term-level offsets from the postings, a U+2029 break iterator and {@link
 * Highlighting.LeanPassageScorer} (for the same query and documents: equal passages, scores and
 * order), reading far less: the query's body terms are extracted once, each is looked up once per
 * segment, and one postings enum per term walks all the hits in doc id order. {@link TopPassages}
 * chooses the passages; bodies are read only for hits with a match, and kept in memory for indexes
 * up to {@link #BODY_CACHE_MAX_DOCS} documents. Thread-safe.
 */
final class LeanHighlighter {
  /**
   * Bodies of indexes up to this many terms are kept in memory once read: no stored-field
   * decompression per hit after the first. Read on first use, one document at a time, so opening
   * a searcher reads none.
   */
  static final int BODY_CACHE_MAX_DOCS = 20_000;
  /** Longest body highlighted when read from stored fields, in characters, as the UnifiedHighlighter's maxLength. */
  static final int MAX_LENGTH = 200_000;
  private static final Set<String> BODY_ONLY = Set.of(Fields.BODY);
  private static final Highlighting.LeanPassageScorer SCORER = new Highlighting.LeanPassageScorer();

  private final IndexReader reader;
  private final AtomicReferenceArray<String> bodies;

  LeanHighlighter(IndexReader reader) {
    this(reader, reader.maxDoc() <= BODY_CACHE_MAX_DOCS);
  }

  /** @param cacheBodies keep bodies in memory once read; else read them from stored fields each time, cut at {@link #MAX_LENGTH} */
  LeanHighlighter(IndexReader reader, boolean cacheBodies) {
    this.reader = reader;
    this.bodies = cacheBodies ? new AtomicReferenceArray<>(reader.maxDoc()) : null;
  }

  /**
   * The query's terms on the body field, sorted and distinct: what the UnifiedHighlighter looks for
   * without weight matches or strict phrases (every term of a term, synonym or phrase query, in
   * any clause but a prohibited one). A multi-term query (prefix, wildcard, fuzzy), which the
   * UnifiedHighlighter would expand against each document, adds nothing: the queries highlighted
   * here have none.
   */
  static BytesRef[] bodyTerms(Query query) {
    Set<Term> all = new HashSet<>();
    query.visit(QueryVisitor.termCollector(all));
    TreeSet<BytesRef> body = new TreeSet<>();
    for (Term t : all) {
      if (Fields.BODY.equals(t.field())) {
        body.add(t.bytes());
      }
    }
    return body.toArray(new BytesRef[0]);
  }

  /**
   * Up to {@code max} passages for each of {@code docs} (ascending doc ids), best-scored kept and in
   * text order; an empty list for a document without a match.
   */
  List<List<Fragment>> fragments(Query query, int[] docs, int max) throws IOException {
    List<List<Fragment>> out = new ArrayList<>(Collections.nCopies(docs.length, List.of()));
    BytesRef[] terms = bodyTerms(query);
    if (terms.length == 0 || docs.length == 0) {
      return out;
    }
    DocMatches[] matches = new DocMatches[docs.length];
    List<LeafReaderContext> leaves = reader.leaves();
    for (int from = 0; from < docs.length; ) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[from], leaves));
      int leafEnd = leaf.docBase + leaf.reader().maxDoc();
      int to = from;
      while (to < docs.length && docs[to] < leafEnd) {
        to++;
      }
      collect(leaf, terms, docs, from, to, matches);
      from = to;
    }
    StoredFields stored = null;
    for (int i = 0; i < docs.length; i++) {
      if (matches[i] == null) {
        continue;
      }
      String content = bodies == null ? null : bodies.get(docs[i]);
      if (content == null) {
        if (stored == null) {
          stored = reader.storedFields();
        }
        content = read(stored, docs[i]);
        if (bodies == null && content.length() > MAX_LENGTH) {
          content = content.substring(0, MAX_LENGTH);
        }
      }
      if (content.isEmpty()) {
        continue;
      }
      Passage[] passages = TopPassages.select(content, matches[i], terms, SCORER, max);
      if (passages.length > 0) {
        List<Fragment> fragments = new ArrayList<>(passages.length);
        for (Passage p : passages) {
          fragments.add(new Fragment(p, content));
        }
        out.set(i, fragments);
      }
    }
    return out;
  }

  /** {@code doc}'s whole body, empty if it has none: from memory once read in a small index. */
  String body(int doc) throws IOException {
    String body = bodies == null ? null : bodies.get(doc);
    return body != null ? body : read(reader.storedFields(), doc);
  }

  private String read(StoredFields stored, int doc) throws IOException {
    String body = stored.document(doc, BODY_ONLY).get(Fields.BODY);
    body = body == null ? "" : body;
    if (bodies != null) {
      bodies.set(doc, body); // two threads may both read it: same value, no harm
    }
    return body;
  }

  /** Reads the offsets of every term in {@code docs[from..to)}, one postings enum per term, advancing through them. */
  private static void collect(LeafReaderContext leaf, BytesRef[] terms, int[] docs, int from, int to,
      DocMatches[] matches) throws IOException {
    Terms index = leaf.reader().terms(Fields.BODY);
    if (index == null) {
      return;
    }
    TermsEnum te = index.iterator();
    PostingsEnum postings = null;
    for (int ord = 0; ord < terms.length; ord++) {
      if (!te.seekExact(terms[ord])) {
        continue;
      }
      postings = te.postings(postings, PostingsEnum.OFFSETS);
      for (int i = from; i < to; i++) {
        int target = docs[i] - leaf.docBase;
        int doc = postings.docID();
        if (doc < target) {
          doc = postings.advance(target);
        }
        if (doc == DocIdSetIterator.NO_MORE_DOCS) {
          break;
        }
        if (doc != target) {
          continue;
        }
        int freq = postings.freq();
        DocMatches m = matches[i];
        if (m == null) {
          matches[i] = m = new DocMatches();
        }
        for (int p = 0; p < freq; p++) {
          postings.nextPosition();
          int start = postings.startOffset();
          if (start == -1) {
            throw new IllegalArgumentException("field '" + Fields.BODY + "' was indexed without offsets, cannot highlight");
          }
          m.add(start, postings.endOffset(), ord, freq);
        }
      }
    }
  }
}
