package io.azureglossary.bench;

import io.azureglossary.corpus.Corpus;
import io.azureglossary.eval.JudgedQuery;
import io.azureglossary.model.Term;
import io.azureglossary.search.SearchRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The benchmark query mix: the judged queries of {@code glossary/eval/queries.tsv} (packaged by the
 * corpus module), split by {@link QueryKind} and shuffled with a fixed {@code Random(42)} so every
 * run replays the same sequence. Queries are taken from user phrasing, not chosen to flatter the
 * engine; the same words go to the engine and to the plain baseline.
 */
public final class QueryMix {
  /** Classpath location of the judged queries. */
  public static final String RESOURCE = "glossary/eval/queries.tsv";

  /** One benchmark query: the text, and the category filter for {@link QueryKind#CATEGORY}. */
  public record Query(String text, String category) {
    /** The engine request for this query: top 10, with or without highlighting. */
    public SearchRequest request(boolean highlight) {
      SearchRequest r = SearchRequest.of(text).limit(10).highlight(highlight);
      return category == null ? r : r.category(category);
    }

    /** The same request with the last word read as finished ({@link SearchRequest#prefixLast(boolean)} off). */
    public SearchRequest wholeWordsRequest(boolean highlight) {
      return request(highlight).prefixLast(false);
    }
  }

  private final Map<QueryKind, List<Query>> byKind;

  private QueryMix(Map<QueryKind, List<Query>> byKind) {
    this.byKind = byKind;
  }

  /** Reads the packaged judged queries; categories come from the bundled corpus. */
  public static QueryMix bundled() {
    try (InputStream in = QueryMix.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " not found on the classpath; add the glossary-corpus jar");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), Corpus.bundled());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /**
   * Splits judged queries ({@link JudgedQuery#parse}) into benchmark kinds. Judged kinds
   * {@code symptom} and {@code confusable} are relevance kinds, not distinct engine paths, and are
   * left out.
   *
   * @throws IllegalArgumentException on a malformed line, naming it
   */
  public static QueryMix parse(String tsv, Corpus corpus) {
    Map<QueryKind, List<Query>> m = new EnumMap<>(QueryKind.class);
    for (QueryKind k : QueryKind.values()) {
      m.put(k, new ArrayList<>());
    }
    for (JudgedQuery j : JudgedQuery.parse(RESOURCE, tsv)) {
      String text = j.query();
      switch (j.kind()) {
        case "name" -> {
          m.get(QueryKind.NAME).add(new Query(text, null));
          corpus.term(j.expected().get(0)).map(Term::category)
              .ifPresent(c -> m.get(QueryKind.CATEGORY).add(new Query(text, c)));
        }
        case "alias" -> m.get(text.contains(" ") ? QueryKind.ALIAS : QueryKind.ACRONYM).add(new Query(text, null));
        case "cli" -> m.get(QueryKind.CLI).add(new Query(text, null));
        case "typo" -> m.get(QueryKind.TYPO).add(new Query(text, null));
        case "question" -> m.get(QueryKind.QUESTION).add(new Query(text, null));
        case "partial" -> m.get(QueryKind.PARTIAL).add(new Query(text, null));
        default -> { }
      }
    }
    Random random = new Random(42);
    for (QueryKind k : QueryKind.values()) {
      if (k != QueryKind.MIX) {
        Collections.shuffle(m.get(k), random);
        m.get(QueryKind.MIX).addAll(m.get(k));
      }
    }
    Collections.shuffle(m.get(QueryKind.MIX), random);
    Map<QueryKind, List<Query>> frozen = new EnumMap<>(QueryKind.class);
    m.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    return new QueryMix(frozen);
  }

  /** The queries of one kind, in a fixed shuffled order; never empty for the bundled file. */
  public List<Query> queries(QueryKind kind) {
    return byKind.get(kind);
  }
}
