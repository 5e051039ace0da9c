package io.azureglossary.search;

import io.azureglossary.analysis.GlossaryAnalysis;
import io.azureglossary.index.Fields;
import io.azureglossary.index.SavedAnalysis;
import io.azureglossary.index.TermDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * An {@link IndexSearcher} over one point-in-time view of a glossary index, carrying what must
 * match that view exactly: the synonym analysis and the suggester. The analysis is read from the
 * {@link SavedAnalysis} file the view's commit names (derived from the names and aliases stored in
 * the index only when an older index names none, or the file cannot be read); the suggester is
 * built from the stored names, the spelling corrector from this view's terms, and the service and
 * category labels read, on first use. {@link Searchers} builds one per generation, each from the
 * one before; then a search never mixes one generation's documents with another's synonyms, and
 * generations with the same names and aliases share both. Not public: Lucene's whole searcher API
 * would become this library's to support.
 */
final class GlossarySearcher extends IndexSearcher {
  private static final System.Logger LOG = System.getLogger(GlossarySearcher.class.getName());

  private final Derived derived;
  private final GlossaryAnalysis analysis;
  /** "Did you mean" over this view's spelling terms: built on first use, it depends on the documents. */
  private volatile SpellingCorrector speller;
  private final LeanHighlighter highlighter;
  /** Service and category labels by lower case, read on the first filter that needs them. */
  private volatile Map<String, String> services;
  private volatile Map<String, String> categories;
  private final int termCount;

  private final DirectoryReader reader;

  GlossarySearcher(DirectoryReader reader, GlossarySearcher previous) {
    super(reader);
    this.reader = reader;
    setSimilarity(new BM25Similarity());
    this.derived = derive(reader, previous == null ? null : previous.derived);
    this.analysis = derived.analysis;
    this.termCount = reader.numDocs();
    this.highlighter = new LeanHighlighter(reader);
  }

  /** What a searcher derives from all names and aliases: shared by generations that have the same ones. */
  private static final class Derived {
    final GlossaryAnalysis analysis;
    private volatile Suggester suggester;

    Derived(GlossaryAnalysis analysis) {
      this.analysis = analysis;
    }

    /** Built on first use, from the names stored in the index: an application that never suggests never pays for it. */
    Suggester suggester(IndexReader reader) {
      Suggester s = suggester;
      if (s == null) {
        synchronized (this) {
          s = suggester;
          if (s == null) {
            suggester = s = new Suggester(readNameGroups(reader));
          }
        }
      }
      return s;
    }
  }

  private static Derived derive(IndexReader reader, Derived previous) {
    Map<String, String> userData = commitUserData(reader);
    String saved = userData.get(SavedAnalysis.USER_DATA_KEY);
    String fingerprint = SavedAnalysis.fingerprintOf(saved);
    if (previous != null && fingerprint != null && fingerprint.equals(previous.analysis.fingerprint())) {
      return previous; // same names and aliases as the generation before: its synonyms and suggester still hold
    }
    if (saved != null && reader instanceof DirectoryReader dr) {
      try {
        return new Derived(SavedAnalysis.read(dr.directory(), userData));
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.WARNING, "cannot read the saved analysis " + saved + " (" + e.getMessage()
            + "); deriving it from the names and aliases in the index instead");
      }
    }
    Map<String, List<String>> groups = readNameGroups(reader);
    if (previous != null && GlossaryAnalysis.fingerprintOf(groups).equals(previous.analysis.fingerprint())) {
      return previous;
    }
    return new Derived(GlossaryAnalysis.forNameGroups(groups));
  }

  private static Map<String, String> commitUserData(IndexReader reader) {
    if (!(reader instanceof DirectoryReader dr)) {
      return Map.of();
    }
    try {
      return dr.getIndexCommit().getUserData();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@return the point-in-time reader this searcher searches} */
  DirectoryReader directoryReader() {
    return reader;
  }

  private static Map<String, List<String>> readNameGroups(IndexReader reader) {
    List<String[]> rows = new ArrayList<>();
    try {
      for (LeafReaderContext leaf : reader.leaves()) {
        BinaryDocValues names = leaf.reader().getBinaryDocValues(Fields.NAMES);
        if (names == null) {
          continue;
        }
        Bits live = leaf.reader().getLiveDocs();
        for (int doc = names.nextDoc(); doc != BinaryDocValues.NO_MORE_DOCS; doc = names.nextDoc()) {
          if (live == null || live.get(doc)) {
            rows.add(names.binaryValue().utf8ToString().split(String.valueOf(TermDocument.NAMES_SEPARATOR), -1));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    rows.sort((a, b) -> a[0].compareTo(b[0])); // id order, as the corpus is, for a stable fingerprint
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (String[] r : rows) {
      groups.put(r[0], List.copyOf(Arrays.asList(r).subList(1, r.length)));
    }
    return groups;
  }

  /**
   * The values of a label field by lower case, of the live documents only: a segment keeps a deleted
   * term's value until it is merged away.
   */
  private static Map<String, String> labels(IndexReader reader, String field) {
    Map<String, String> out = new HashMap<>();
    try {
      for (LeafReaderContext leaf : reader.leaves()) {
        SortedDocValues dv = leaf.reader().getSortedDocValues(field);
        if (dv == null) {
          continue;
        }
        Bits live = leaf.reader().getLiveDocs();
        java.util.BitSet ords = new java.util.BitSet(dv.getValueCount());
        if (live == null) {
          ords.set(0, dv.getValueCount());
        } else {
          for (int doc = dv.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = dv.nextDoc()) {
            if (live.get(doc)) {
              ords.set(dv.ordValue());
            }
          }
        }
        for (int ord = ords.nextSetBit(0); ord >= 0; ord = ords.nextSetBit(ord + 1)) {
          BytesRef v = dv.lookupOrd(ord);
          String s = v.utf8ToString();
          out.put(s.toLowerCase(Locale.ROOT), s);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  GlossaryAnalysis analysis() {
    return analysis;
  }

  /** Built on first use: an application that never suggests never pays for its sorted keys. */
  Suggester suggester() {
    return derived.suggester(getIndexReader());
  }

  /** The spelling corrector of this view's {@link Fields#SPELL} terms, built on first use (one per searcher). */
  SpellingCorrector speller() {
    SpellingCorrector c = speller;
    if (c == null) {
      synchronized (this) {
        c = speller;
        if (c == null) {
          speller = c = SpellingCorrector.of(getIndexReader(), Fields.SPELL);
        }
      }
    }
    return c;
  }

  LeanHighlighter highlighter() {
    return highlighter;
  }

  /** A query factory for one search: it remembers the queries it analysed, so it is not shared between searches. */
  QueryFactory queries() {
    return new QueryFactory(analysis);
  }

  /** The service as indexed, whatever the case typed; null if no term has it. */
  String service(String typed) {
    if (typed == null) {
      return null;
    }
    return serviceLabels().get(typed.toLowerCase(Locale.ROOT));
  }

  /** The services of this view's terms, as indexed, in case-insensitive order. */
  List<String> services() {
    return serviceLabels().values().stream()
        .sorted(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder())).toList();
  }

  private Map<String, String> serviceLabels() {
    Map<String, String> m = services;
    if (m == null) {
      services = m = labels(getIndexReader(), Fields.SERVICE); // two threads may both read them: same maps
    }
    return m;
  }

  /** The category as indexed, whatever the case typed; null if no term has it. */
  String category(String typed) {
    if (typed == null) {
      return null;
    }
    Map<String, String> m = categories;
    if (m == null) {
      categories = m = labels(getIndexReader(), Fields.CATEGORY);
    }
    return m.get(typed.toLowerCase(Locale.ROOT));
  }

  /** {@return the number of terms in this view} */
  int termCount() {
    return termCount;
  }

  /** {@return the analysis fingerprint of this view's names and aliases} */
  String analysisFingerprint() {
    return analysis.fingerprint();
  }
}
