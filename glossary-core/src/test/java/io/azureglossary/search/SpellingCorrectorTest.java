package io.azureglossary.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.azureglossary.eval.JudgedQuery;
import io.azureglossary.index.BundledIndex;
import io.azureglossary.index.Fields;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * {@link SpellingCorrector} against the {@link DirectSpellChecker} it replaces, configured as
 * {@code Glossary} configured it: the same suggestion, or none, for every word.
 */
class SpellingCorrectorTest {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");

  /** The spell checker the corrector replaces, with the settings it had: the oracle. */
  private static DirectSpellChecker oracle(int maxEdits) {
    DirectSpellChecker c = new DirectSpellChecker();
    c.setMaxEdits(maxEdits);
    c.setMinPrefix(0);
    c.setAccuracy(0.5f);
    c.setMinQueryLength(4);
    return c;
  }

  private static final DirectSpellChecker ONE_EDIT = oracle(1);
  private static final DirectSpellChecker TWO_EDITS = oracle(2);

  /** What the oracle suggests for a lower-case word, edits chosen by length as Glossary chose them. */
  private static String oracleSuggestion(IndexReader reader, String word) throws IOException {
    DirectSpellChecker c = word.length() <= 7 ? ONE_EDIT : TWO_EDITS;
    SuggestWord[] sw = c.suggestSimilar(new Term(Fields.SPELL, word), 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
    return sw.length == 0 ? null : sw[0].string;
  }

  @Test
  void suggestsWhatDirectSpellCheckerSuggests() throws IOException {
    try (Directory dir = BundledIndex.open(); DirectoryReader reader = DirectoryReader.open(dir)) {
      SpellingCorrector corrector = SpellingCorrector.of(reader, Fields.SPELL);
      Set<String> words = probeWords(reader, new Random(20261203L));
      List<String> differences = new ArrayList<>();
      int suggested = 0;
      for (String w : words) {
        String expected = oracleSuggestion(reader, w);
        String actual = corrector.suggest(w);
        if (expected != null) {
          suggested++;
        }
        if (!java.util.Objects.equals(expected, actual)) {
          differences.add(w + ": expected " + expected + ", got " + actual);
        }
      }
      assertEquals(List.of(), differences.subList(0, Math.min(20, differences.size())),
          differences.size() + " differences of " + words.size() + " words");
      assertTrue(words.size() > 8_000, "words probed: " + words.size());
      assertTrue(suggested > 3_000, "words the oracle corrects: " + suggested + " of " + words.size());
      System.out.println("SpellingCorrectorTest: " + words.size() + " words, " + suggested + " corrected, "
          + corrector.nodes() + " trie nodes");
    }
  }

  /**
   * Every word of the judged typo queries; 1- and 2-edit mutations of vocabulary words of 4 to 14
   * letters (ASCII and accented); random letter strings; the vocabulary words themselves.
   */
  private static Set<String> probeWords(IndexReader reader, Random random) throws IOException {
    Set<String> out = new LinkedHashSet<>();
    for (JudgedQuery q : judged()) {
      if (q.kind().equals("typo")) {
        Matcher m = WORD.matcher(q.query());
        while (m.find()) {
          out.add(m.group().toLowerCase(Locale.ROOT));
        }
      }
    }
    assertTrue(out.size() > 30, "typo query words: " + out.size());
    List<String> vocabulary = vocabulary(reader);
    String ascii = "abcdefghijklmnopqrstuvwxyz";
    String accented = "éèêëàâäîïôöùûüçñßøå";
    for (int i = 0; i < 6_000; i++) {
      String w = vocabulary.get(random.nextInt(vocabulary.size()));
      String alphabet = random.nextInt(5) == 0 ? accented : ascii;
      String m = mutate(w, random, alphabet);
      if (random.nextBoolean()) {
        m = mutate(m, random, alphabet);
      }
      out.add(m);
    }
    for (int i = 0; i < 1_000; i++) {
      out.add(vocabulary.get(random.nextInt(vocabulary.size())));
    }
    for (int i = 0; i < 1_500; i++) {
      int len = 4 + random.nextInt(9);
      StringBuilder b = new StringBuilder();
      String alphabet = i % 10 == 0 ? accented + ascii : ascii;
      for (int k = 0; k < len; k++) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      out.add(b.toString());
    }
    // words outside the basic multilingual plane: code points, not chars, count as letters and edits
    out.add("\uD835\uDC9Cure");
    out.add("a\uD835\uDC9Cure");
    out.add("az\uD835\uDC9Cre");
    return out;
  }

  /** Vocabulary words of 4 to 14 letters. */
  private static List<String> vocabulary(IndexReader reader) throws IOException {
    List<String> out = new ArrayList<>();
    Terms terms = MultiTerms.getTerms(reader, Fields.SPELL);
    TermsEnum te = terms.iterator();
    for (BytesRef t = te.next(); t != null; t = te.next()) {
      String s = t.utf8ToString();
      if (s.length() >= 4 && s.length() <= 14 && s.chars().allMatch(Character::isLetter)) {
        out.add(s);
      }
    }
    assertTrue(out.size() > 1_000, "vocabulary words: " + out.size());
    return out;
  }

  /** One random insertion, deletion, substitution or transposition. */
  private static String mutate(String w, Random random, String alphabet) {
    StringBuilder b = new StringBuilder(w);
    int at = random.nextInt(w.length());
    char c = alphabet.charAt(random.nextInt(alphabet.length()));
    switch (random.nextInt(4)) {
      case 0 -> b.insert(random.nextInt(w.length() + 1), c);
      case 1 -> b.deleteCharAt(at);
      case 2 -> b.setCharAt(at, c);
      default -> {
        if (at + 1 < w.length()) {
          b.setCharAt(at, w.charAt(at + 1));
          b.setCharAt(at + 1, w.charAt(at));
        } else {
          b.insert(0, c);
        }
      }
    }
    return b.toString();
  }

  private static List<JudgedQuery> judged() throws IOException {
    try (InputStream in = SpellingCorrectorTest.class.getClassLoader().getResourceAsStream("glossary/eval/queries.tsv")) {
      return JudgedQuery.parse("queries.tsv", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** An index of the given words in the spelling field, each in as many documents as its count. */
  private static Directory index(Object... wordsAndCounts) throws IOException {
    Directory dir = new ByteBuffersDirectory();
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new KeywordAnalyzer()))) {
      for (int i = 0; i < wordsAndCounts.length; i += 2) {
        for (int k = 0; k < (Integer) wordsAndCounts[i + 1]; k++) {
          Document d = new Document();
          d.add(new StringField(Fields.SPELL, (String) wordsAndCounts[i], Field.Store.NO));
          w.addDocument(d);
        }
      }
    }
    return dir;
  }

  @Test
  void tiedCandidates_onlyTheFiveFirstInTermOrderCompeteOnFrequency() throws IOException {
    // six words one substitution from "cart", all equally close; the most frequent sorts last
    try (Directory dir = index("bart", 1, "dart", 1, "kart", 1, "mart", 1, "part", 1, "wart", 9);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      SpellingCorrector corrector = SpellingCorrector.of(reader, Fields.SPELL);
      assertEquals("bart", corrector.suggest("cart"));
      assertEquals(oracleSuggestion(reader, "cart"), corrector.suggest("cart"));
    }
    try (Directory dir = index("bart", 1, "dart", 3, "kart", 1, "mart", 1, "part", 1, "wart", 9);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      SpellingCorrector corrector = SpellingCorrector.of(reader, Fields.SPELL);
      assertEquals("dart", corrector.suggest("cart"));
      assertEquals(oracleSuggestion(reader, "cart"), corrector.suggest("cart"));
    }
  }

  @Test
  void twoEdits_keepTheFirstLetter_oneEditNeedNot() throws IOException {
    try (Directory dir = index("abcdefgh", 2, "bcdefghi", 1); DirectoryReader reader = DirectoryReader.open(dir)) {
      SpellingCorrector corrector = SpellingCorrector.of(reader, Fields.SPELL);
      assertNull(corrector.suggest("xbcdefgx"), "two edits, one of them the first letter");
      assertNull(oracleSuggestion(reader, "xbcdefgx"));
      assertEquals("abcdefgh", corrector.suggest("xbcdefgh"), "one edit, the first letter");
      assertEquals("abcdefgh", corrector.suggest("abdcefhg"), "two transpositions");
      assertEquals(oracleSuggestion(reader, "abdcefhg"), corrector.suggest("abdcefhg"));
    }
  }

  @Test
  void wordInTheVocabulary_orShorterThanFourLetters_getsNoSuggestion() throws IOException {
    try (Directory dir = index("cart", 1, "car", 5, "cars", 5); DirectoryReader reader = DirectoryReader.open(dir)) {
      SpellingCorrector corrector = SpellingCorrector.of(reader, Fields.SPELL);
      assertNull(corrector.suggest("cart"));
      assertNull(corrector.suggest("cat"));
      assertEquals("cars", corrector.suggest("carz"));
    }
  }

  @Test
  void severalSegments_addTheirDocumentFrequencies() throws IOException {
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new KeywordAnalyzer()))) {
        for (int seg = 0; seg < 3; seg++) {
          // "mart" leads in one segment, "dart" in total
          for (String word : seg == 0 ? List.of("mart", "mart", "mart", "dart") : List.of("dart", "dart")) {
            Document d = new Document();
            d.add(new StringField(Fields.SPELL, word, Field.Store.NO));
            w.addDocument(d);
          }
          w.commit();
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertTrue(reader.leaves().size() > 1, "segments: " + reader.leaves().size());
        SpellingCorrector corrector = SpellingCorrector.of(reader, Fields.SPELL);
        assertEquals("dart", corrector.suggest("cart"));
        assertEquals(oracleSuggestion(reader, "cart"), corrector.suggest("cart"));
      }
    }
  }
}
