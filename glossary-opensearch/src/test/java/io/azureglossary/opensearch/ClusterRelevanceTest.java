package io.azureglossary.opensearch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.azureglossary.corpus.Corpus;
import io.azureglossary.eval.JudgedQuery;
import io.azureglossary.eval.Metrics;
import io.azureglossary.eval.RelevanceReport;
import io.azureglossary.search.Glossary;
import io.azureglossary.search.Hit;
import io.azureglossary.search.SearchRequest;
import io.azureglossary.search.SearchResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled glossary published to a real node and the judged queries run through it and through
 * the in-process engine: the cluster may fall at most {@value #OVERALL} below the engine's MRR@10
 * overall and {@value #PER_KIND} on any kind (issue 15).
 */
class ClusterRelevanceTest {
  static final double OVERALL = 0.02;
  static final double PER_KIND = 0.05;
  private static ClusterGlossary cluster;
  private static PublishResult published;

  @BeforeAll
  static void publish() {
    TestNode node = TestNode.get();
    published = new Publisher(node.connection(), "relevance", "relevance-glossary").publish(IndexDefinition.of(Corpus.bundled()));
    cluster = ClusterGlossary.open(node.connection(), "relevance-glossary");
    System.out.printf(Locale.ROOT, "[opensearch] node up in %d ms; bundled glossary published in %d ms%n",
        node.startMillis, published.millis());
  }

  static Path queries() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path q = p.resolve("corpus/eval/queries.tsv");
      if (Files.isRegularFile(q)) {
        return q;
      }
    }
    throw new IllegalStateException("corpus/eval/queries.tsv not found above " + Path.of("").toAbsolutePath());
  }

  @Test
  void judgedQueries_clusterWithinBoundsOfEngine() {
    List<JudgedQuery> judged = JudgedQuery.read(queries());
    Glossary engine = Glossary.bundled();
    RelevanceReport r = RelevanceReport.run(judged, q -> {
      SearchResponse s = cluster.search(SearchRequest.of(q).limit(10).highlight(false));
      return new RelevanceReport.Answer(s.results().stream().map(Hit::id).toList(), s.total());
    }, q -> engine.search(SearchRequest.of(q).limit(10).highlight(false)).results().stream().map(Hit::id).toList());
    StringBuilder table = new StringBuilder("kind        queries  engine  cluster\n");
    List<String> misses = new ArrayList<>();
    r.engineByKind().forEach((kind, c) -> {
      Metrics e = r.baselineByKind().get(kind);
      table.append(String.format(Locale.ROOT, "%-10s %8d  %.3f   %.3f%n", kind, c.queries(), e.mrr10(), c.mrr10()));
      if (c.mrr10() < e.mrr10() - PER_KIND) {
        misses.add(kind + String.format(Locale.ROOT, " %.3f < %.3f - %.2f", c.mrr10(), e.mrr10(), PER_KIND));
      }
    });
    table.append(String.format(Locale.ROOT, "%-10s %8d  %.3f   %.3f%n", "all", r.engine().queries(), r.baseline().mrr10(),
        r.engine().mrr10()));
    System.out.print(table);
    r.failures().forEach(f -> System.out.println("  " + f.kind() + " rank " + f.rank() + " " + f.query() + " expected "
        + f.expected() + " got " + f.top()));
    if (r.engine().mrr10() < r.baseline().mrr10() - OVERALL) {
      misses.add(String.format(Locale.ROOT, "all %.3f < %.3f - %.2f", r.engine().mrr10(), r.baseline().mrr10(), OVERALL));
    }
    assertTrue(misses.isEmpty(), "cluster MRR@10 below the engine's bounds: " + misses + "\n" + table);
  }
}
