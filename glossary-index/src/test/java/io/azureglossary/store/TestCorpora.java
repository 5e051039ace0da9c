package io.azureglossary.store;

import io.azureglossary.corpus.Corpus;
import io.azureglossary.model.Term;
import io.azureglossary.synth.SyntheticCorpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Small corpora for store tests: synthetic terms, and edited copies of them. */
final class TestCorpora {
  private TestCorpora() {}

  static Corpus synthetic(int n, long seed) {
    return Corpus.of("synthetic-" + n + "-" + seed, SyntheticCorpus.generate(Corpus.bundled(), n, seed));
  }

  static Term withDefinition(Term t, String definition) {
    return t.toBuilder().definition(definition).build();
  }

  static Term withAliases(Term t, List<String> aliases) {
    return t.toBuilder().aliases(aliases).build();
  }

  /**
   * The base corpus without the terms at {@code deleteAt}, with {@code marker} appended to the
   * definition of the terms at {@code editAt}, plus {@code added}.
   */
  static Corpus edit(Corpus base, Set<Integer> deleteAt, Set<Integer> editAt, String marker, List<Term> added) {
    List<Term> out = new ArrayList<>();
    List<Term> terms = base.terms();
    for (int i = 0; i < terms.size(); i++) {
      if (deleteAt.contains(i)) {
        continue;
      }
      Term t = terms.get(i);
      out.add(editAt.contains(i) ? withDefinition(t, t.definition() + " " + marker) : t);
    }
    out.addAll(added);
    return Corpus.of(base.origin() + "-edited", out);
  }
}
