package io.azureglossary.search;

import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * The live terms each query matches, read once per search as one bit set per segment, and the
 * counting {@link Matching} does over them. A set array has one entry per segment, null where
 * nothing matched; sets are never changed once read, so one may be shared by several results.
 * One instance serves one search.
 */
final class WordSets {
  private final IndexSearcher searcher;
  private final List<LeafReaderContext> leaves;
  /** By query instance: a word's queries are asked for again by later steps of the rule. */
  private final Map<Query, FixedBitSet[]> read = new IdentityHashMap<>();

  WordSets(IndexSearcher searcher) {
    this.searcher = searcher;
    this.leaves = searcher.getIndexReader().leaves();
  }

  /** The terms {@code query} matches. */
  FixedBitSet[] of(Query query) throws IOException {
    FixedBitSet[] sets = read.get(query);
    if (sets != null) {
      return sets;
    }
    Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    sets = new FixedBitSet[leaves.size()];
    for (LeafReaderContext leaf : leaves) {
      Scorer scorer = weight.scorer(leaf);
      if (scorer == null) {
        continue;
      }
      FixedBitSet bits = new FixedBitSet(leaf.reader().maxDoc());
      Bits live = leaf.reader().getLiveDocs();
      DocIdSetIterator it = scorer.iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (live == null || live.get(doc)) {
          bits.set(doc);
        }
      }
      sets[leaf.ord] = bits;
    }
    read.put(query, sets);
    return sets;
  }

  /** The terms in both; {@code allowed} null means no restriction, and {@code sets} is returned as it is. */
  static FixedBitSet[] and(FixedBitSet[] sets, FixedBitSet[] allowed) {
    if (allowed == null) {
      return sets;
    }
    FixedBitSet[] out = new FixedBitSet[sets.length];
    for (int i = 0; i < sets.length; i++) {
      if (sets[i] != null && allowed[i] != null) {
        out[i] = sets[i].clone();
        out[i].and(allowed[i]);
      }
    }
    return out;
  }

  /** Number of terms in the sets. */
  static int count(FixedBitSet[] sets) {
    int n = 0;
    for (FixedBitSet s : sets) {
      n += s == null ? 0 : s.cardinality();
    }
    return n;
  }

  /** Per segment and term, in how many of {@code sets} the term is (0 outside {@code allowed}, when not null). */
  byte[][] counts(List<FixedBitSet[]> sets, FixedBitSet[] allowed) {
    byte[][] counts = new byte[leaves.size()][];
    for (LeafReaderContext leaf : leaves) {
      byte[] c = new byte[leaf.reader().maxDoc()];
      FixedBitSet only = allowed == null ? null : allowed[leaf.ord];
      if (allowed != null && only == null) {
        counts[leaf.ord] = c;
        continue;
      }
      for (FixedBitSet[] set : sets) {
        FixedBitSet bits = set[leaf.ord];
        if (bits == null) {
          continue;
        }
        for (int doc = bits.nextSetBit(0); doc != DocIdSetIterator.NO_MORE_DOCS;
            doc = doc + 1 < bits.length() ? bits.nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS) {
          if (only == null || only.get(doc)) {
            c[doc]++;
          }
        }
      }
      counts[leaf.ord] = c;
    }
    return counts;
  }

  /** The largest count. */
  static int max(byte[][] counts) {
    int max = 0;
    for (byte[] c : counts) {
      for (byte b : c) {
        max = Math.max(max, b);
      }
    }
    return max;
  }

  /** The terms counted at least {@code k} times ({@code k} at least 1). */
  static FixedBitSet[] atLeast(byte[][] counts, int k) {
    FixedBitSet[] out = new FixedBitSet[counts.length];
    for (int i = 0; i < counts.length; i++) {
      byte[] c = counts[i];
      FixedBitSet bits = null;
      for (int doc = 0; doc < c.length; doc++) {
        if (c[doc] >= k) {
          if (bits == null) {
            bits = new FixedBitSet(c.length);
          }
          bits.set(doc);
        }
      }
      out[i] = bits;
    }
    return out;
  }
}
