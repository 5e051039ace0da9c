package io.azureglossary.cli;

import io.azureglossary.model.Difficulty;
import io.azureglossary.model.Term;
import io.azureglossary.search.Glossary;
import io.azureglossary.search.Highlight;
import io.azureglossary.search.Hit;
import io.azureglossary.search.SearchRequest;
import io.azureglossary.search.SearchResponse;
import io.azureglossary.server.ApiJson;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "search", mixinStandardHelpOptions = true,
    description = "Search the glossary: ranked terms with highlighted, section-labelled passages.")
final class SearchCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "QUERY", description = "What to search for; several words are one query.")
  List<String> query;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Option(names = "--limit", defaultValue = "10", description = "Most results to show (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--service", description = "Only terms of this service (case ignored); an unknown one is an error listing them.")
  String service;

  @Option(names = "--category", description = "Only terms of this category (case ignored); an unknown one is an error listing them.")
  String category;

  @Option(names = "--difficulty", description = "Only terms of this difficulty: beginner, intermediate, advanced.")
  String difficulty;

  @Option(names = "--section", description = "Match only inside this section (definition, security, cli, ...).")
  String section;

  @Option(names = "--explain", description = "Show why each hit scored as it did.")
  boolean explain;

  @Option(names = "--whole-words", description = "Read the last word as finished; by default it may be the start of a word, as typed in a search box.")
  boolean wholeWords;

  @Option(names = "--corpus", paramLabel = "DIR", description = "Search this corpus folder instead of the bundled glossary.")
  Path corpus;

  @Option(names = "--index", paramLabel = "DIR", description = "Search this persistent index (built by reindex) instead.")
  Path index;

  @Option(names = "--opensearch", paramLabel = "URL", description = "Search the glossary published to this cluster"
      + " (glossary publish opensearch); credentials from OPENSEARCH_API_KEY or OPENSEARCH_USERNAME/OPENSEARCH_PASSWORD.")
  String opensearch;

  @Option(names = "--alias", defaultValue = "glossary", paramLabel = "NAME",
      description = "With --opensearch: the alias it was published to (default: ${DEFAULT-VALUE}).")
  String alias;

  @Override
  public Integer call() throws Exception {
    return run(spec.commandLine().getOut());
  }

  /** Runs the search with the options as set, printing to {@code out}. */
  int run(PrintWriter out) throws Exception {
    SearchRequest request = SearchRequest.of(String.join(" ", query)).limit(limit).service(service)
        .category(category).section(section).explain(explain).prefixLast(!wholeWords);
    if (difficulty != null) {
      Difficulty d = Difficulty.fromLabel(difficulty.toLowerCase(Locale.ROOT));
      if (d == null) {
        throw unknown("difficulty", difficulty, Arrays.stream(Difficulty.values()).map(Difficulty::label).toList());
      }
      request = request.difficulty(d);
    }
    if (category != null && !containsIgnoringCase(Term.CATEGORIES, category)) {
      throw unknown("category", category, Term.CATEGORIES);
    }
    if (opensearch != null) {
      if (corpus != null || index != null) {
        throw new IllegalArgumentException("--opensearch searches the cluster: it takes no --corpus or --index");
      }
      SearchResponse r = io.azureglossary.opensearch.ClusterGlossary.open(
          io.azureglossary.opensearch.ClusterConnection.of(opensearch, System.getenv()), alias).search(request);
      print(out, r);
      return GlossaryCli.OK;
    }
    try (Glossaries.Opened opened = Glossaries.open(corpus, index)) {
      Glossary glossary = opened.glossary();
      if (service != null && !containsIgnoringCase(glossary.services(), service)) {
        throw unknown("service", service, glossary.services());
      }
      SearchResponse r = glossary.search(request);
      print(out, r);
    }
    return GlossaryCli.OK;
  }

  private void print(PrintWriter out, SearchResponse r) {
    if (json) {
      out.println(new String(ApiJson.search(r, true), StandardCharsets.UTF_8));
    } else {
      printText(out, r);
    }
  }

  /** Whether the value is one of the labels, as the library matches filters: case ignored. */
  private static boolean containsIgnoringCase(List<String> labels, String value) {
    String v = value.toLowerCase(Locale.ROOT);
    return labels.stream().anyMatch(l -> l.toLowerCase(Locale.ROOT).equals(v));
  }

  /** A filter no term can match is a usage error, worded as the library words a {@code service:} scope's. */
  private static IllegalArgumentException unknown(String option, String value, List<String> expected) {
    return new IllegalArgumentException("unknown " + option + " '" + value + "' (expected one of "
        + String.join(", ", expected) + ")");
  }

  private static void printText(PrintWriter out, SearchResponse r) {
    if (r.truncated()) {
      out.println("The query is longer than a search takes: only its first part was searched");
    }
    if (r.didYouMean() != null) {
      out.println("Showing results for: " + r.didYouMean());
    }
    if (r.relaxed()) {
      out.println("No term holds enough of the words; relaxed to " + r.matching());
    }
    out.printf(Locale.ROOT, "%d matching term%s%s (%.1f ms)%n", r.total(), r.total() == 1 ? "" : "s",
        r.matching() == null || r.relaxed() ? "" : ": " + r.matching(), r.tookMicros() / 1000.0);
    int i = 1;
    for (Hit h : r.results()) {
      out.printf(Locale.ROOT, "%n%2d. %s  [%s]  %s · %s · %s  (score %.2f)%n", i++, h.name(), h.id(), h.service(),
          h.category(), h.difficulty(), h.score());
      for (Highlight hl : h.highlights()) {
        out.printf(Locale.ROOT, "    %-16s %s%n", hl.section() + ":", plain(hl.text()));
      }
      if (h.explanation() != null) {
        h.explanation().lines().forEach(l -> out.println("    " + l));
      }
    }
  }

  /** Marks as *word* and HTML entities decoded, for a terminal. */
  static String plain(String html) {
    return html.replace("<mark>", "*").replace("</mark>", "*").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
  }
}
