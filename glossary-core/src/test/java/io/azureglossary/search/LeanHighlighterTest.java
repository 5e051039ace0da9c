package io.azureglossary.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.azureglossary.eval.JudgedQuery;
import io.azureglossary.model.Section;
import io.azureglossary.search.Highlighting.Fragment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.junit.jupiter.api.Test;

/** The lean highlighter against the UnifiedHighlighter configuration it replaces, on the bundled glossary. */
class LeanHighlighterTest {
  private final Glossary glossary = Glossary.bundled();

  /** Queries with quoted phrases, exclusions and section scopes, beside the judged ones. */
  private static final List<String> EXTRA = List.of(
      "\"virtual network\" peering", "\"self-hosted IR\" node", "\"key vault\" soft delete", "\"private endpoint\"",
      "\"dedicated host\"", "\"service principal\" secret rotation", "\"blob storage\" lifecycle tier",
      "\"integration runtime\" offline", "\"availability zone\" vs region", "vnet \"network security group\" rules",
      "section:security key vault", "section:cost storage tiers", "section:operations vnet integ",
      "\"private endpoint\" section:security", "section:architecture hub and spoke", "section:cli az aks",
      "section:commonMistakes firewall", "section:whyItMatters managed identit", "key vault -\"soft delete\"",
      "storage account -firewall", "ADH \"dedicated host\"", "SHIR offline", "VNet integ", "a", "az", "sa");

  private static List<String> lines(String resource) throws IOException {
    try (InputStream in = LeanHighlighterTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertTrue(in != null, resource);
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return JudgedQuery.parse(resource, text).stream().map(JudgedQuery::query).toList();
    }
  }

  /** Every judged query and autocomplete prefix, the extra ones, and each judged query scoped to a section. */
  private static List<SearchRequest> requests() throws IOException {
    Set<String> queries = new LinkedHashSet<>(lines("glossary/eval/queries.tsv"));
    queries.addAll(lines("glossary/eval/suggestions.tsv"));
    queries.addAll(EXTRA);
    List<SearchRequest> out = new ArrayList<>();
    Section[] sections = Section.values();
    int i = 0;
    for (String q : queries) {
      out.add(SearchRequest.of(q));
      out.add(SearchRequest.of(q).prefixLast(false));
      out.add(SearchRequest.of(q).section(sections[i++ % sections.length].key()));
    }
    return out;
  }

  /** Compares both sources' candidates for every search it serves, keeping the reference's. */
  private static final class Comparing implements Highlighting.PassageSource {
    final List<String> differences = new ArrayList<>();
    int docs;
    int fragments;

    @Override
    public List<List<Fragment>> fragments(GlossarySearcher searcher, Query query, int[] sortedDocs) throws IOException {
      List<List<Fragment>> reference = UnifiedSectionHighlighter.SOURCE.fragments(searcher, query, sortedDocs);
      List<List<Fragment>> lean = Highlighting.LEAN.fragments(searcher, query, sortedDocs);
      List<List<Fragment>> uncached = new LeanHighlighter(searcher.getIndexReader(), false)
          .fragments(query, sortedDocs, Highlighting.CANDIDATES);
      docs += sortedDocs.length;
      for (int i = 0; i < sortedDocs.length; i++) {
        fragments += reference.get(i).size();
        String expected = render(reference.get(i));
        if (!expected.equals(render(lean.get(i))) || !expected.equals(render(uncached.get(i)))) {
          differences.add(query + " doc " + sortedDocs[i] + "\n  unified: " + expected + "\n  lean:    "
              + render(lean.get(i)) + "\n  uncached: " + render(uncached.get(i)));
        }
      }
      return reference;
    }

    /** Every field of every fragment, the score as its bits. */
    private static String render(List<Fragment> fragments) {
      StringBuilder sb = new StringBuilder();
      for (Fragment f : fragments) {
        sb.append(f.start()).append('/').append(Float.floatToIntBits(f.score())).append('/').append(f.html()).append(" | ");
      }
      return sb.toString();
    }
  }

  @Test
  void highlightsWhatUnifiedHighlighterHighlights() throws IOException {
    Comparing comparing = new Comparing();
    List<String> responseDifferences = new ArrayList<>();
    int highlights = 0;
    List<SearchRequest> requests = requests();
    for (SearchRequest r : requests) {
      SearchResponse lean = glossary.search(r);
      SearchResponse reference = glossary.search(r, comparing);
      List<List<Highlight>> leanHighlights = lean.results().stream().map(Hit::highlights).toList();
      List<List<Highlight>> referenceHighlights = reference.results().stream().map(Hit::highlights).toList();
      highlights += referenceHighlights.stream().mapToInt(List::size).sum();
      if (!leanHighlights.equals(referenceHighlights)
          || !lean.results().stream().map(Hit::id).toList().equals(reference.results().stream().map(Hit::id).toList())) {
        responseDifferences.add(r + "\n  unified: " + referenceHighlights + "\n  lean:    " + leanHighlights);
      }
    }
    System.out.printf("lean highlighter vs UnifiedHighlighter: %d searches, %d hits, %d candidate passages, %d highlights%n",
        requests.size(), comparing.docs, comparing.fragments, highlights);
    assertTrue(requests.size() > 1000 && comparing.fragments > 10_000,
        requests.size() + " searches, " + comparing.fragments + " candidate passages");
    assertEquals(List.of(), comparing.differences.stream().limit(5).toList(), comparing.differences.size() + " hits differ");
    assertEquals(List.of(), responseDifferences.stream().limit(5).toList(), responseDifferences.size() + " searches differ");
  }

  @Test
  void passageBreaks_areThoseOfTheSeparatorBreakIterator() {
    String p = String.valueOf('\u2029');
    for (String text : List.of("one sentence", p + "a" + p + p + "bc" + p, "ab" + p + "cd" + p + "ef", p, "x" + p)) {
      BreakIterator lucene = new CustomSeparatorBreakIterator('\u2029');
      lucene.setText(text);
      for (int offset = 1; offset <= text.length(); offset++) {
        assertEquals(lucene.preceding(offset), TopPassages.preceding(text, offset), text + " preceding " + offset);
      }
      for (int offset = 0; offset < text.length(); offset++) {
        assertEquals(lucene.following(offset), TopPassages.following(text, offset), text + " following " + offset);
      }
    }
  }
}
