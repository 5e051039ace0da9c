package io.azureglossary.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.azureglossary.eval.JudgedQuery;
import io.azureglossary.model.Section;
import io.azureglossary.model.Term;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The glossary as shipped: valid, complete, balanced, judged, and written once per sentence. */
class BundledCorpusTest {
  private static final Path REQUIRED = Path.of("../corpus/spec/required-terms.tsv");
  private static final Path QUERIES = Path.of("../corpus/eval/queries.tsv");
  private static final Path SUGGESTIONS = Path.of("../corpus/eval/suggestions.tsv");
  private static final Set<String> KINDS =
      Set.of("name", "alias", "cli", "typo", "symptom", "question", "confusable", "partial");
  private static final Set<String> SUGGESTION_KINDS = Set.of("acronym", "name", "word", "multiword", "typo");

  private final Corpus corpus = Corpus.bundled();

  @Test
  void bundledCorpus_validatesWithoutErrors() {
    Validation v = Corpus.validateBundled();
    assertEquals(List.of(), v.errors());
    assertTrue(v.terms().size() >= 250, "only " + v.terms().size() + " terms");
  }

  @Test
  void everyRequiredTerm_isPresentWithItsListedFields() throws IOException {
    List<String> problems = new ArrayList<>();
    List<String> lines = Files.readAllLines(REQUIRED);
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split("\t", -1);
      Term t = corpus.term(c[0]).orElse(null);
      if (t == null) {
        problems.add(c[0] + ": missing");
        continue;
      }
      if (!t.name().equals(c[1]) || !t.service().equals(c[2]) || !t.category().equals(c[3])) {
        problems.add(c[0] + ": name/service/category differ");
      }
      Set<String> aliases = t.aliases().stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
      for (String a : c[4].split(";")) {
        if (!a.isBlank() && !aliases.contains(a.strip().toLowerCase(Locale.ROOT))) {
          problems.add(c[0] + ": missing alias " + a.strip());
        }
      }
    }
    assertEquals(List.of(), problems);
    assertTrue(lines.size() > 100, "required list looks truncated");
  }

  @Test
  void everyCategory_hasAtLeastSixTerms() {
    Map<String, Long> counts = corpus.terms().stream().collect(Collectors.groupingBy(Term::category, TreeMap::new, Collectors.counting()));
    for (String category : Term.CATEGORIES) {
      assertTrue(counts.getOrDefault(category, 0L) >= 6, category + " has " + counts.get(category));
    }
  }

  @Test
  void everyEntry_hasTheSectionsAReaderNeeds() {
    List<String> problems = new ArrayList<>();
    for (Term t : corpus.terms()) {
      if (t.whenRelevant().size() < 3) {
        problems.add(t.id() + ": whenRelevant < 3");
      }
      if (t.commonMistakes().size() < 3) {
        problems.add(t.id() + ": commonMistakes < 3");
      }
      if (t.whereYouSeeIt().size() < 2) {
        problems.add(t.id() + ": whereYouSeeIt < 2");
      }
      int defSentences = sentences(t.definition()).size();
      if (defSentences < 1 || defSentences > 3) {
        problems.add(t.id() + ": definition has " + defSentences + " sentences");
      }
    }
    assertEquals(List.of(), problems);
    long withCaseStudies = corpus.terms().stream().filter(t -> !t.caseStudies().isEmpty()).count();
    assertTrue(withCaseStudies >= 40, withCaseStudies + " entries with case studies");
  }

  @Test
  void judgedQueries_nameOnlyExistingTermsAndKnownKinds() {
    List<JudgedQuery> queries = JudgedQuery.read(QUERIES);
    assertTrue(queries.size() >= 200, queries.size() + " queries");
    List<String> problems = new ArrayList<>();
    for (JudgedQuery q : queries) {
      q.expected().stream().filter(id -> corpus.term(id).isEmpty())
          .forEach(id -> problems.add("line " + q.line() + ": unknown id " + id));
      if (!KINDS.contains(q.kind())) {
        problems.add("line " + q.line() + ": unknown kind " + q.kind());
      }
    }
    assertEquals(List.of(), problems);
    long partial = queries.stream().filter(q -> q.kind().equals("partial")).count();
    assertTrue(partial >= 80, partial + " partial queries");
  }

  @Test
  void judgedSuggestions_nameOnlyExistingTermsAndKnownKinds() {
    List<JudgedQuery> prefixes = JudgedQuery.read(SUGGESTIONS);
    assertTrue(prefixes.size() >= 100, prefixes.size() + " prefixes");
    List<String> problems = new ArrayList<>();
    for (JudgedQuery p : prefixes) {
      p.expected().stream().filter(id -> corpus.term(id).isEmpty())
          .forEach(id -> problems.add("line " + p.line() + ": unknown id " + id));
      if (!SUGGESTION_KINDS.contains(p.kind())) {
        problems.add("line " + p.line() + ": unknown kind " + p.kind());
      }
      if (p.query().length() < 2 || p.query().length() > 12) {
        problems.add("line " + p.line() + ": prefix of " + p.query().length() + " characters: " + p.query());
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void noSentenceOfTwelveWordsOrMore_appearsInTwoEntries() {
    Map<String, Set<String>> seen = new HashMap<>();
    for (Term t : corpus.terms()) {
      for (Section s : Section.values()) {
        // command lines may rightly repeat (two terms can map one command); their use cases may not
        String text = s == Section.CLI ? String.join("\n", t.cli().useCases()) : s.textOf(t);
        for (String sentence : sentences(text)) {
          List<String> words = words(sentence);
          if (words.size() >= 12) {
            seen.computeIfAbsent(String.join(" ", words), k -> new TreeSet<>()).add(t.id());
          }
        }
      }
    }
    List<String> repeated = seen.entrySet().stream().filter(e -> e.getValue().size() > 1)
        .map(e -> e.getValue() + ": " + e.getKey()).sorted().toList();
    assertEquals(List.of(), repeated);
  }

  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z0-9\"'(])|\\n+");
  private static final Pattern WORD = Pattern.compile("[a-z0-9']+");

  static List<String> sentences(String text) {
    return List.of(SENTENCE_END.split(text.strip())).stream().filter(s -> !s.isBlank()).toList();
  }

  static List<String> words(String sentence) {
    return WORD.matcher(sentence.toLowerCase(Locale.ROOT)).results().map(m -> m.group()).toList();
  }
}
