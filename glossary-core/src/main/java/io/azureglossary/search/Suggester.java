package io.azureglossary.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup.LookupResult;
import org.apache.lucene.search.suggest.analyzing.FuzzySuggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Completions over names and aliases with Lucene's {@link FuzzySuggester}: an FST looked up with a
 * Levenshtein automaton (one edit from the fourth character on), so "integ" and "intgr" both reach
 * "Integration runtime". Each label is also entered from every later word ("runtime" completes to
 * "Integration runtime") at a lower weight. Immutable once built; lookups are thread-safe.
 */
final class Suggester {
  private static final char SEP = '\u001f';
  private static final Analyzer ANALYZER = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String field) {
      Tokenizer src = new StandardTokenizer();
      return new TokenStreamComponents(src, new ASCIIFoldingFilter(new LowerCaseFilter(src)));
    }
  };

  private final FuzzySuggester fuzzy;
  private final boolean empty;

  /** @param groups term id to its name followed by its aliases */
  Suggester(Map<String, List<String>> groups) {
    List<Entry> entries = new ArrayList<>();
    for (var g : groups.entrySet()) {
      List<String> labels = g.getValue();
      String name = labels.get(0);
      // well-known terms collect aliases: among equal matches, more aliases ranks first
      long known = 1_000L * Math.min(labels.size(), 20);
      for (int i = 0; i < labels.size(); i++) {
        String label = labels.get(i);
        long base = (i == 0 ? 1_000_000 : 600_000) + known;
        // shorter labels first among equals: "SHIR" before "self-hosted integration runtime"
        entries.add(new Entry(label, base - label.length(), g.getKey(), name, label));
        String[] words = label.split("[\\s\\-/]+");
        int offset = 0;
        for (int w = 1; w < words.length; w++) {
          offset = label.indexOf(words[w], offset + 1);
          if (offset > 0 && words[w].length() >= 3) {
            entries.add(new Entry(label.substring(offset), 200_000 + known - label.length(), g.getKey(), name, label));
          }
        }
      }
    }
    this.empty = entries.isEmpty();
    try {
      // maxEdits 1, transpositions, the first character exact, fuzzy from 3 characters
      this.fuzzy = new FuzzySuggester(new ByteBuffersDirectory(), "suggest", ANALYZER, ANALYZER,
          FuzzySuggester.PRESERVE_SEP, 256, -1, true, 1, true, 1, 3, false);
      if (!empty) {
        fuzzy.build(new Entries(entries.iterator()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Suggestion> suggest(String prefix, int limit) {
    String p = prefix == null ? "" : prefix.strip();
    if (empty || p.isEmpty() || p.length() > 100) {
      return List.of();
    }
    {
      List<LookupResult> results = fuzzy.lookup(p, null, false, limit * 4);
      Set<String> seen = new LinkedHashSet<>();
      List<Suggestion> out = new ArrayList<>();
      for (LookupResult r : results) {
        String[] parts = r.payload.utf8ToString().split(String.valueOf(SEP), -1);
        if (seen.add(parts[0] + SEP + parts[2]) && out.size() < limit) {
          out.add(new Suggestion(parts[2], parts[0], parts[1]));
        }
      }
      return List.copyOf(out);
    }
  }

  private record Entry(String key, long weight, String id, String name, String label) {}

  private static final class Entries implements InputIterator {
    private final Iterator<Entry> it;
    private Entry current;

    Entries(Iterator<Entry> it) {
      this.it = it;
    }

    @Override
    public BytesRef next() {
      if (!it.hasNext()) {
        return null;
      }
      current = it.next();
      return new BytesRef(current.key());
    }

    @Override
    public long weight() {
      return current.weight();
    }

    @Override
    public BytesRef payload() {
      return new BytesRef((current.id() + SEP + current.name() + SEP + current.label()).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean hasPayloads() {
      return true;
    }

    @Override
    public Set<BytesRef> contexts() {
      return null;
    }

    @Override
    public boolean hasContexts() {
      return false;
    }
  }
}
