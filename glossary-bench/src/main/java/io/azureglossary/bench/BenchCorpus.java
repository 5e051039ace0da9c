package io.azureglossary.bench;

import io.azureglossary.corpus.Corpus;
import io.azureglossary.model.Term;
import io.azureglossary.synth.SyntheticCorpus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The corpus sizes the benchmarks run at, named as in the JMH {@code corpus} parameter:
 * {@code bundled} (the real glossary, about 250 terms), {@code 10k} and {@code 100k}.
 *
 * <p>A synthetic corpus is the real glossary plus terms from {@link SyntheticCorpus#generate}
 * (seed 42) up to the size, so every judged query still has its answer in the index while the
 * synthetic terms, built from the same vocabulary, compete for it as a large glossary's would.
 * Synthetic terms whose id or name equals a real one are dropped.
 */
public final class BenchCorpus {
  /** The seed of every synthetic corpus, so all runs index the same terms. */
  public static final long SEED = 42;

  private BenchCorpus() {}

  /** The corpus sizes of a full run, smallest first. */
  public static final List<String> SIZES = List.of("bundled", "10k", "100k");

  /**
   * The corpus of a size name.
   *
   * @throws IllegalArgumentException for a name other than {@code bundled} or a count such as
   *     {@code 10k}, {@code 2500}
   */
  public static Corpus of(String size) {
    Corpus base = Corpus.bundled();
    if (size.equals("bundled")) {
      return base;
    }
    int n = termCount(size);
    if (n <= base.size()) {
      throw new IllegalArgumentException("a synthetic corpus must be larger than the bundled "
          + base.size() + " terms (got " + size + ")");
    }
    Set<String> taken = new HashSet<>();
    for (Term t : base.terms()) {
      taken.add(t.id());
      taken.add(t.name().toLowerCase(Locale.ROOT));
    }
    List<Term> terms = new ArrayList<>(base.terms());
    for (Term t : SyntheticCorpus.generate(base, n - base.size() + 64, SEED)) {
      if (terms.size() == n) {
        break;
      }
      if (!taken.contains(t.id()) && !taken.contains(t.name().toLowerCase(Locale.ROOT))) {
        terms.add(t);
      }
    }
    if (terms.size() < n) {
      throw new IllegalStateException("only " + terms.size() + " distinct terms for " + size);
    }
    return Corpus.of("synthetic:" + size, terms);
  }

  /** Terms in a size: {@code 10k} is 10,000; a plain number is taken as is. */
  public static int termCount(String size) {
    String s = size.strip().toLowerCase(Locale.ROOT);
    try {
      return s.endsWith("k") ? Integer.parseInt(s.substring(0, s.length() - 1)) * 1000 : Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("corpus size must be 'bundled' or a count such as 10k (got '" + size + "')", e);
    }
  }
}
