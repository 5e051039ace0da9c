package io.azureglossary.search;

import io.azureglossary.index.Fields;
import java.io.IOException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts every match per category and per service from sorted doc values, alongside the top-N
 * collector, so facets cover the whole match set and cost one pass.
 */
final class FacetCounts implements CollectorManager<FacetCounts.Counter, Facets> {

  /** The counts of a match set, read from doc values without searching. */
  static Facets of(IndexSearcher searcher, MatchSet matched) throws IOException {
    Counter counter = new Counter();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      DocIdSetIterator docs = matched.iterator(leaf);
      if (docs == null) {
        continue;
      }
      LeafCollector c = counter.getLeafCollector(leaf);
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        c.collect(doc);
      }
      c.finish();
    }
    return new FacetCounts().reduce(List.of(counter));
  }

  @Override
  public Counter newCollector() {
    return new Counter();
  }

  @Override
  public Facets reduce(Collection<Counter> collectors) {
    Map<String, Integer> cat = new HashMap<>();
    Map<String, Integer> svc = new HashMap<>();
    for (Counter c : collectors) {
      c.category.forEach((k, v) -> cat.merge(k, v, Integer::sum));
      c.service.forEach((k, v) -> svc.merge(k, v, Integer::sum));
    }
    return new Facets(sorted(cat), sorted(svc));
  }

  private static Map<String, Integer> sorted(Map<String, Integer> m) {
    Map<String, Integer> out = new LinkedHashMap<>();
    m.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<String, Integer> e) -> -e.getValue()).thenComparing(Map.Entry::getKey))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  static final class Counter implements Collector {
    final Map<String, Integer> category = new HashMap<>();
    final Map<String, Integer> service = new HashMap<>();
    int total;

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      SortedDocValues cat = context.reader().getSortedDocValues(Fields.CATEGORY);
      SortedDocValues svc = context.reader().getSortedDocValues(Fields.SERVICE);
      int[] catCounts = new int[cat == null ? 0 : cat.getValueCount()];
      int[] svcCounts = new int[svc == null ? 0 : svc.getValueCount()];
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          total++;
          if (cat != null && cat.advanceExact(doc)) {
            catCounts[cat.ordValue()]++;
          }
          if (svc != null && svc.advanceExact(doc)) {
            svcCounts[svc.ordValue()]++;
          }
        }

        @Override
        public void finish() throws IOException {
          flush(cat, catCounts, category);
          flush(svc, svcCounts, service);
        }
      };
    }

    private static void flush(SortedDocValues dv, int[] counts, Map<String, Integer> into) throws IOException {
      for (int ord = 0; ord < counts.length; ord++) {
        if (counts[ord] > 0) {
          into.merge(dv.lookupOrd(ord).utf8ToString(), counts[ord], Integer::sum);
        }
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
