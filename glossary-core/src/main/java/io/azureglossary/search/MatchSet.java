package io.azureglossary.search;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * The terms the match rule selected ({@link Matching#select}), one bit set per segment, as a filter for the ranking
 * query: the ranking then scores only the matches (ten terms, say) instead of every term sharing
 * a word with the query and re-running the match rule's clauses beside it. Valid only on the
 * searcher that collected it; never cached.
 */
final class MatchSet extends Query {
  private final FixedBitSet[] byLeaf;
  private final int count;

  private MatchSet(FixedBitSet[] byLeaf, int count) {
    this.byLeaf = byLeaf;
    this.count = count;
  }

  /** Number of matching terms. */
  int count() {
    return count;
  }

  /** The terms of bit sets per segment (null where none), which the match set then owns. */
  static MatchSet of(FixedBitSet[] byLeaf) {
    return new MatchSet(byLeaf, WordSets.count(byLeaf));
  }

  /** The matched documents of one segment, or null when it has none. */
  DocIdSetIterator iterator(LeafReaderContext leaf) {
    FixedBitSet bits = leaf.ord < byLeaf.length ? byLeaf[leaf.ord] : null;
    if (bits == null) {
      return null;
    }
    int cardinality = bits.cardinality();
    return cardinality == 0 ? null : new BitSetIterator(bits, cardinality);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
    return new ConstantScoreWeight(this, boost) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) {
        FixedBitSet bits = context.ord < byLeaf.length ? byLeaf[context.ord] : null;
        if (bits == null) {
          return null;
        }
        int cardinality = bits.cardinality();
        if (cardinality == 0) {
          return null;
        }
        return new DefaultScorerSupplier(new ConstantScoreScorer(score(), scoreMode, new BitSetIterator(bits, cardinality)));
      }

      @Override
      public boolean isCacheable(LeafReaderContext context) {
        return false;
      }
    };
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.visitLeaf(this);
  }

  @Override
  public String toString(String field) {
    return "MatchSet(" + count + " terms)";
  }

  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
