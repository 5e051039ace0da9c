package io.azureglossary.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.azureglossary.eval.JudgedQuery;
import io.azureglossary.index.Fields;
import io.azureglossary.model.Section;
import io.azureglossary.search.Highlighting.Fragment;
import io.azureglossary.search.UnifiedSectionHighlighter.Candidate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.CharsRef;
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

  /**
   * Compares the lean candidates of every search it serves with the UnifiedHighlighter's, as they
   * were formatted, and hands the UnifiedHighlighter's passages on.
   */
  private static final class Comparing implements Highlighting.PassageSource {
    final List<String> differences = new ArrayList<>();
    int docs;
    int fragments;

    @Override
    public List<List<Fragment>> fragments(GlossarySearcher searcher, Query query, int[] sortedDocs) throws IOException {
      List<List<Candidate>> reference = UnifiedSectionHighlighter.of(searcher).candidates(query, sortedDocs);
      List<List<Fragment>> lean = Highlighting.LEAN.fragments(searcher, query, sortedDocs);
      docs += sortedDocs.length;
      for (int i = 0; i < sortedDocs.length; i++) {
        fragments += reference.get(i).size();
        String expected = renderReference(reference.get(i));
        if (!expected.equals(render(lean.get(i)))) {
          differences.add(query + " doc " + sortedDocs[i] + "\n  unified: " + expected + "\n  lean:    " + render(lean.get(i)));
        }
      }
      return reference.stream().map(c -> c.stream().map(Candidate::fragment).toList()).toList();
    }
  }

  /** Every field of every candidate, the score as its bits, the text as the old formatter made it. */
  static String renderReference(List<Candidate> candidates) {
    StringBuilder sb = new StringBuilder();
    for (Candidate c : candidates) {
      sb.append(c.fragment().start()).append('/').append(Float.floatToIntBits(c.fragment().score())).append('/')
          .append(c.html()).append(" | ");
    }
    return sb.toString();
  }

  /** Every field of every fragment, the score as its bits, the text as {@link Fragment#html()} makes it. */
  static String render(List<Fragment> fragments) {
    StringBuilder sb = new StringBuilder();
    for (Fragment f : fragments) {
      sb.append(f.start()).append('/').append(Float.floatToIntBits(f.score())).append('/').append(f.html()).append(" | ");
    }
    return sb.toString();
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

  /**
   * Random sentences in many segments, indexed with a synonym at the same offsets as its word, so
   * that two query terms share a match and a document has more passages than are kept.
   */
  @Test
  void highlightsWhatUnifiedHighlighterHighlights_onRandomTextInManySegments() throws IOException {
    String[] words = {"alpha", "beta", "gamma", "delta", "vault", "key", "network", "the", "of", "zone"};
    Analyzer analyzer = new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        SynonymMap.Builder b = new SynonymMap.Builder(true);
        b.add(new CharsRef("key"), new CharsRef("secret"), true);
        b.add(new CharsRef("vault"), new CharsRef("alpha"), true);
        Tokenizer source = new WhitespaceTokenizer();
        try {
          return new TokenStreamComponents(source, new SynonymGraphFilter(source, b.build(), true));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
    FieldType body = new FieldType(TextField.TYPE_STORED);
    body.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    Random random = new Random(7);
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer).setMergePolicy(NoMergePolicy.INSTANCE))) {
        for (int d = 0; d < 300; d++) {
          StringBuilder text = new StringBuilder();
          int sentences = random.nextInt(30);
          for (int i = 0; i < sentences; i++) {
            for (int k = 1 + random.nextInt(12); k > 0; k--) {
              text.append(words[random.nextInt(words.length)]).append(random.nextInt(5) == 0 ? ", " : " ");
            }
            text.append(random.nextBoolean() ? "." : "").append('\u2029');
          }
          Document doc = new Document();
          doc.add(new Field(Fields.BODY, text.toString(), body));
          w.addDocument(doc);
          if (random.nextInt(40) == 0) {
            w.commit(); // a new segment
          }
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertTrue(reader.leaves().size() > 3, "segments: " + reader.leaves().size());
        UnifiedSectionHighlighter reference = new UnifiedSectionHighlighter(new IndexSearcher(reader), analyzer);
        LeanHighlighter cached = new LeanHighlighter(reader, true);
        LeanHighlighter uncached = new LeanHighlighter(reader, false);
        String[] queryWords = {"alpha", "beta", "gamma", "vault", "key", "secret", "network", "zone", "missing"};
        int passages = 0;
        for (int q = 0; q < 300; q++) {
          BooleanQuery.Builder b = new BooleanQuery.Builder();
          for (int c = 1 + random.nextInt(3); c > 0; c--) {
            String w1 = queryWords[random.nextInt(queryWords.length)];
            String w2 = queryWords[random.nextInt(queryWords.length)];
            Query clause = switch (random.nextInt(3)) {
              case 0 -> new TermQuery(new Term(Fields.BODY, w1));
              case 1 -> new SynonymQuery.Builder(Fields.BODY).addTerm(new Term(Fields.BODY, w1))
                  .addTerm(new Term(Fields.BODY, w2)).build();
              default -> new PhraseQuery(Fields.BODY, w1, w2);
            };
            b.add(clause, Occur.SHOULD);
          }
          Query query = b.build();
          int[] docs = random.ints(0, reader.maxDoc()).distinct().limit(10).sorted().toArray();
          List<List<Candidate>> expected = reference.candidates(query, docs);
          passages += expected.stream().mapToInt(List::size).sum();
          String rendered = expected.stream().map(LeanHighlighterTest::renderReference).toList().toString();
          assertEquals(rendered, cached.fragments(query, docs, Highlighting.CANDIDATES).stream()
              .map(LeanHighlighterTest::render).toList().toString(), query.toString());
          assertEquals(rendered, uncached.fragments(query, docs, Highlighting.CANDIDATES).stream()
              .map(LeanHighlighterTest::render).toList().toString(), query.toString());
        }
        assertTrue(passages > 5000, "passages: " + passages);
      }
    }
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
