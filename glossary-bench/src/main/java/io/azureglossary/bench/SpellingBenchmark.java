package io.azureglossary.bench;

import io.azureglossary.eval.JudgedQuery;
import io.azureglossary.index.BundledIndex;
import io.azureglossary.index.Fields;
import io.azureglossary.search.SpellingProbe;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.Directory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * "Did you mean" for one word, the cost a search pays per misspelled word: the engine's spelling
 * corrector ({@link #corrector}) beside the {@code DirectSpellChecker} it replaced, with the
 * settings and the term lookup the engine used ({@link #directSpellChecker}); both give the same
 * answers (glossary-core's SpellingCorrectorTest). {@link #buildCorrector} is the one-off cost of
 * a searcher's first correction.
 *
 * <p>The words are those of the judged {@code typo} queries the engine sends to the corrector: 4
 * or more letters and in no term of the bundled glossary, taken in turn.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SpellingBenchmark {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");

  /** The bundled index, both correctors and the misspelled words. */
  @State(Scope.Benchmark)
  public static class Words {
    Directory dir;
    DirectoryReader reader;
    SpellingProbe probe;
    DirectSpellChecker oneEdit;
    DirectSpellChecker twoEdits;
    String[] words;
    private int next = -1;

    /** Opens the bundled index and picks the words. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
      dir = BundledIndex.open();
      reader = DirectoryReader.open(dir);
      probe = SpellingProbe.over(reader);
      oneEdit = spellChecker(1);
      twoEdits = spellChecker(2);
      Set<String> picked = new LinkedHashSet<>();
      for (JudgedQuery q : judged()) {
        if (q.kind().equals("typo")) {
          Matcher m = WORD.matcher(q.query());
          while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT);
            if (w.length() >= 4 && w.chars().allMatch(Character::isLetter)
                && reader.docFreq(new Term(Fields.SPELL, w)) == 0) {
              picked.add(w);
            }
          }
        }
      }
      words = picked.toArray(String[]::new);
      List<String> differ = new ArrayList<>();
      for (String w : words) {
        if (!java.util.Objects.equals(probe.suggest(w), direct(this, w))) {
          differ.add(w);
        }
      }
      if (!differ.isEmpty() || words.length == 0) {
        throw new IllegalStateException("the correctors differ on " + differ + " of " + words.length + " words");
      }
    }

    /** Closes the index. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      reader.close();
      dir.close();
    }

    String advance() {
      next = next + 1 == words.length ? 0 : next + 1;
      return words[next];
    }
  }

  private static DirectSpellChecker spellChecker(int maxEdits) {
    DirectSpellChecker c = new DirectSpellChecker();
    c.setMaxEdits(maxEdits);
    c.setMinPrefix(0);
    c.setAccuracy(0.5f);
    c.setMinQueryLength(4);
    return c;
  }

  private static List<JudgedQuery> judged() throws IOException {
    try (InputStream in = SpellingBenchmark.class.getClassLoader().getResourceAsStream("glossary/eval/queries.tsv")) {
      return JudgedQuery.parse("queries.tsv", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** What the engine did before: the term lookup, then the spell checker for the word's length. */
  static String direct(Words s, String word) {
    try {
      Term t = new Term(Fields.SPELL, word);
      if (s.reader.docFreq(t) > 0) {
        return null;
      }
      SuggestWord[] sw = (word.length() <= 7 ? s.oneEdit : s.twoEdits)
          .suggestSimilar(t, 1, s.reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
      return sw.length == 0 ? null : sw[0].string;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The engine: the spelling corrector's trie walk. */
  @Benchmark
  public String corrector(Words s) {
    return s.probe.suggest(s.advance());
  }

  /** Before: a term lookup, then DirectSpellChecker's Levenshtein automata over the terms dictionary. */
  @Benchmark
  public String directSpellChecker(Words s) {
    return direct(s, s.advance());
  }

  /** A searcher's first correction: reading the spelling terms into the trie. */
  @Benchmark
  public SpellingProbe buildCorrector(Words s) {
    return SpellingProbe.over(s.reader);
  }
}
