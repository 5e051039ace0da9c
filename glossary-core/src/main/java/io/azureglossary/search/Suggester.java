package io.azureglossary.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.util.IntroSorter;

/**
 * Completions of a typed prefix to term names and aliases: at most one suggestion per term, its
 * best-matching label. Built for the job, not a search: a sorted array of keys with a range-minimum
 * tree over their rank, looked up in time that depends on the limit and the length of the prefix,
 * not on the size of the glossary. Immutable once built; lookups are thread-safe.
 *
 * <p><b>Keys.</b> Each name and alias is {@linkplain #normalize normalized} (lower case, folded to
 * ASCII, every run of characters that are not letters or digits one space), and entered from its
 * start and from each later word of three or more characters ("runtime" reaches "Integration
 * runtime"); a key is the label from that word to its end. A term's labels that normalize alike
 * ("Private Link service", "private-link service") give one key, the name's.
 *
 * <p><b>Order.</b> A key's rank is fixed when it is built, and the suggestions for a prefix are the
 * best-ranked keys that start with it, one per term. Keys are ranked by
 * <ol>
 *   <li>where the match starts: at the start of the label, then at its second word, third, …;
 *   <li>the key's length, shorter first: the typed prefix is then more of it, so an exact name or
 *       alias match ({@code sas} → "SAS") ranks before every longer completion;
 *   <li>a name before an alias;
 *   <li>the term with more names and aliases first (a well-known term collects aliases);
 *   <li>the key's text, then the term's place in the input: a total order, so results are stable.
 * </ol>
 * A prefix of four or more characters that completes to fewer than {@code limit} terms then gets
 * typo matches, after the prefix matches and in the same order: keys with a start one edit away
 * from the prefix (an insertion, deletion, substitution or transposition of neighbours; the first
 * character exact), found by walking the sorted keys as a trie with a Levenshtein row. Shorter
 * prefixes get none: one edit in three characters matches most keys that share the first two.
 *
 * <p><b>Cost.</b> A lookup binary-searches the prefix's key range, then takes keys best-first from
 * it with the tree, each in a logarithmic number of steps ({@link #examined} counts them): a
 * one-letter prefix over a hundred thousand terms reads a few hundred entries, not its range of
 * hundreds of thousands of keys. The typo pass reads only the trie nodes within one edit of the
 * prefix, and off the exact path only the children that keep it within one edit. Building sorts the
 * keys twice; nothing else is built, the typo pass included.
 */
final class Suggester {
  /** The longest prefix completed; a longer one completes to nothing. */
  static final int MAX_PREFIX = 100;
  /** Typo matches only for normalized prefixes at least this long. */
  static final int MIN_TYPO_PREFIX = 4;
  /** Later words shorter than this are not entered as keys ("of", "vm"). */
  private static final int MIN_LATER_WORD = 3;

  /** Normalized labels, one after another; a key is a range of it ending where its label ends. */
  private final char[] text;
  private final int[] labelEnd;
  private final int[] labelTerm;
  /** Original labels, for the suggestion's text. */
  private final String[] labels;
  private final String[] termIds;
  private final String[] termNames;
  /** Keys in text order: where each starts in {@link #text}, and its label. */
  private final int[] keyStart;
  private final int[] keyLabel;
  /** Range-minimum tree over key ranks: leaves at {@code keys + position}. */
  private final int[] tree;
  /** The key position of each rank. */
  private final int[] keyOfRank;
  private final int keys;

  /** @param groups term id to its name followed by its aliases, in a stable order */
  Suggester(Map<String, List<String>> groups) {
    Builder b = new Builder(groups);
    this.text = b.text.toString().toCharArray();
    this.labelEnd = Arrays.copyOf(b.labelEnd, b.labelCount);
    this.labelTerm = Arrays.copyOf(b.labelTerm, b.labelCount);
    this.labels = b.labels.toArray(String[]::new);
    this.termIds = b.termIds.toArray(String[]::new);
    this.termNames = b.termNames.toArray(String[]::new);
    this.keys = b.keyCount;
    int[] start = b.keyStart;
    int[] label = b.keyLabel;
    int[] word = b.keyWord;

    // text order, ties (the same key in two terms) by term, so the order is total
    int[] byText = identity(keys);
    new IntSorter(byText) {
      @Override
      int compareValues(int a, int b) {
        int c = compareKeys(start[a], labelEnd[label[a]], start[b], labelEnd[label[b]]);
        return c != 0 ? c : Integer.compare(label[a], label[b]);
      }
    }.sort(0, keys);
    this.keyStart = new int[keys];
    this.keyLabel = new int[keys];
    int[] keyWord = new int[keys];
    for (int i = 0; i < keys; i++) {
      keyStart[i] = start[byText[i]];
      keyLabel[i] = label[byText[i]];
      keyWord[i] = word[byText[i]];
    }

    // rank order: see the class comment
    int[] byRank = identity(keys);
    boolean[] isName = b.isName;
    int[] labelsOfTerm = b.labelsOfTerm;
    new IntSorter(byRank) {
      @Override
      int compareValues(int x, int y) {
        int c = Integer.compare(keyWord[x], keyWord[y]);
        if (c == 0) {
          c = Integer.compare(keyEnd(x) - keyStart[x], keyEnd(y) - keyStart[y]);
        }
        if (c == 0) {
          c = Boolean.compare(!isName[keyLabel[x]], !isName[keyLabel[y]]);
        }
        if (c == 0) {
          c = Integer.compare(labelsOfTerm[labelTerm[keyLabel[y]]], labelsOfTerm[labelTerm[keyLabel[x]]]);
        }
        return c != 0 ? c : Integer.compare(x, y);
      }
    }.sort(0, keys);
    this.keyOfRank = byRank;
    this.tree = new int[2 * keys];
    for (int rank = 0; rank < keys; rank++) {
      tree[keys + byRank[rank]] = rank;
    }
    for (int i = keys - 1; i >= 1; i--) {
      tree[i] = Math.min(tree[2 * i], tree[2 * i + 1]);
    }
  }

  /**
   * Up to {@code limit} suggestions for {@code prefix}, one per term, best first (see the class
   * comment); empty for a null, blank or over-long prefix. Control characters are spaces.
   */
  List<Suggestion> suggest(String prefix, int limit) {
    return new Lookup(prefix, limit).run().out;
  }

  /** The entries, tree nodes and trie nodes a lookup reads: what bounds its time. */
  int examined(String prefix, int limit) {
    return new Lookup(prefix, limit).run().examined;
  }

  /**
   * The same suggestions as {@link #suggest}, found by reading every key in rank order and
   * computing each one's edit distance: the reference the tests hold the fast path to.
   */
  List<Suggestion> suggestByScan(String prefix, int limit) {
    Lookup l = new Lookup(prefix, limit);
    if (l.p.length == 0) {
      return List.of();
    }
    String p = new String(l.p);
    for (int rank = 0; rank < keys; rank++) {
      int pos = keyOfRank[rank];
      if (l.comparePrefix(pos) == 0) {
        l.take(pos);
      }
    }
    if (p.length() >= MIN_TYPO_PREFIX) {
      for (int rank = 0; rank < keys; rank++) {
        int pos = keyOfRank[rank];
        if (text[keyStart[pos]] == p.charAt(0)
            && prefixDistance(p, new String(text, keyStart[pos], keyEnd(pos) - keyStart[pos])) <= 1) {
          l.take(pos);
        }
      }
    }
    return l.out;
  }

  /** The least optimal-string-alignment distance between {@code p} and a prefix of {@code key}. */
  private static int prefixDistance(String p, String key) {
    int[][] d = new int[key.length() + 1][p.length() + 1];
    for (int i = 0; i <= key.length(); i++) {
      for (int k = 0; k <= p.length(); k++) {
        if (i == 0 || k == 0) {
          d[i][k] = i + k;
          continue;
        }
        int cost = key.charAt(i - 1) == p.charAt(k - 1) ? 0 : 1;
        d[i][k] = Math.min(Math.min(d[i - 1][k] + 1, d[i][k - 1] + 1), d[i - 1][k - 1] + cost);
        if (i > 1 && k > 1 && key.charAt(i - 1) == p.charAt(k - 2) && key.charAt(i - 2) == p.charAt(k - 1)) {
          d[i][k] = Math.min(d[i][k], d[i - 2][k - 2] + 1);
        }
      }
    }
    int best = Integer.MAX_VALUE;
    for (int i = 0; i <= key.length(); i++) {
      best = Math.min(best, d[i][p.length()]);
    }
    return best;
  }

  /**
   * The form labels and prefixes are compared in: lower case, folded to ASCII ("É" → "e"), each run
   * of characters that are neither letters nor digits (spaces, hyphens, slashes, dots, controls) one
   * space, none at either end. "Self-hosted IR" and "self hosted ir" are the same.
   */
  static String normalize(String s) {
    char[] folded = s.toCharArray();
    int n = folded.length;
    for (char c : folded) {
      if (c >= 0x80) { // ASCII folds to itself: fold only what is not, and load the folding only then
        char[] in = folded;
        folded = new char[n * 4];
        n = ASCIIFoldingFilter.foldToASCII(in, 0, folded, 0, in.length);
        break;
      }
    }
    StringBuilder out = new StringBuilder(n);
    boolean gap = false;
    for (int i = 0; i < n; ) {
      int cp = Character.codePointAt(folded, i, n);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        if (gap && !out.isEmpty()) {
          out.append(' ');
        }
        gap = false;
        out.appendCodePoint(Character.toLowerCase(cp));
      } else {
        gap = true;
      }
    }
    return out.toString();
  }

  private int keyEnd(int pos) {
    return labelEnd[keyLabel[pos]];
  }

  private int compareKeys(int a, int aEnd, int b, int bEnd) {
    int n = Math.min(aEnd - a, bEnd - b);
    for (int i = 0; i < n; i++) {
      int c = text[a + i] - text[b + i];
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(aEnd - a, bEnd - b);
  }

  private static int[] identity(int n) {
    int[] a = new int[n];
    Arrays.setAll(a, i -> i);
    return a;
  }

  /** One lookup: its prefix, what it has found, and the work it has done. */
  private final class Lookup {
    final char[] p;
    final int limit;
    final List<Suggestion> out = new ArrayList<>();
    /** Terms already suggested; small, so a list beats a set. */
    private final int[] seen;
    int examined;
    /** A heap of key ranges by their best rank: rank, start, end of each. */
    private int[] heapRank = new int[16];
    private int[] heapLo = new int[16];
    private int[] heapHi = new int[16];
    private int heapSize;

    Lookup(String prefix, int limit) {
      String stripped = prefix == null ? "" : prefix.strip();
      this.p = stripped.length() > MAX_PREFIX || keys == 0 ? new char[0] : normalize(stripped).toCharArray();
      this.limit = limit;
      this.seen = new int[Math.max(limit, 0)];
    }

    Lookup run() {
      if (p.length == 0) {
        return this;
      }
      int lo = lowerBound();
      int hi = upperBound(lo);
      push(lo, hi);
      drain();
      if (out.size() < limit && p.length >= MIN_TYPO_PREFIX) {
        typos();
        drain();
      }
      return this;
    }

    /** Takes keys best-first from the ranges in the heap until {@code limit} terms are found. */
    private void drain() {
      while (heapSize > 0 && out.size() < limit) {
        int lo = heapLo[0];
        int hi = heapHi[0];
        int pos = keyOfRank[heapRank[0]];
        pop();
        take(pos);
        push(lo, pos);
        push(pos + 1, hi);
      }
      heapSize = 0;
    }

    /** Suggests the key at {@code pos} unless its term has been. */
    void take(int pos) {
      examined++;
      int label = keyLabel[pos];
      int term = labelTerm[label];
      for (int i = 0; i < out.size(); i++) {
        if (seen[i] == term) {
          return;
        }
      }
      if (out.size() < limit) {
        seen[out.size()] = term;
        out.add(new Suggestion(labels[label], termIds[term], termNames[term]));
      }
    }

    /** The first key not before the prefix. */
    int lowerBound() {
      int lo = 0;
      int hi = keys;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (comparePrefix(mid) < 0) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    /** The first key from {@code from} on that does not start with the prefix. */
    int upperBound(int from) {
      int lo = from;
      int hi = keys;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (comparePrefix(mid) <= 0) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    /** Below zero: the key sorts before every key starting with the prefix; zero: it starts with it. */
    int comparePrefix(int pos) {
      examined++;
      int s = keyStart[pos];
      int len = keyEnd(pos) - s;
      for (int i = 0; i < p.length; i++) {
        if (i == len) {
          return -1;
        }
        int c = text[s + i] - p[i];
        if (c != 0) {
          return c;
        }
      }
      return 0;
    }

    // ---- typo pass: the sorted keys walked as a trie, with an optimal-string-alignment row per depth

    private int[][] rows;
    private char[] path;
    /** Per depth: the next characters that can keep a spent edit budget. */
    private char[][] candidates;

    private void typos() {
      int m = p.length;
      rows = new int[m + 3][m + 1];
      path = new char[m + 2];
      candidates = new char[m + 2][2 * m + 1];
      for (int k = 0; k <= m; k++) {
        rows[0][k] = k;
      }
      // the first character exact: start at the child for p[0]
      int lo = childEnd(0, keys, 0, (char) (p[0] - 1));
      int hi = childEnd(lo, keys, 0, p[0]);
      if (lo < hi) {
        descend(lo, hi, 0, p[0]);
      }
    }

    /** Visits the trie node one deeper than {@code depth} through character {@code c}: keys [lo, hi). */
    private void descend(int lo, int hi, int depth, char c) {
      examined++;
      int d = depth + 1;
      path[depth] = c;
      int[] prev = rows[depth];
      int[] row = rows[d];
      int m = p.length;
      row[0] = d;
      int best = d;
      for (int k = 1; k <= m; k++) {
        int v = Math.min(Math.min(prev[k] + 1, row[k - 1] + 1), prev[k - 1] + (p[k - 1] == c ? 0 : 1));
        if (k > 1 && d > 1 && p[k - 1] == path[depth - 1] && p[k - 2] == c) {
          v = Math.min(v, rows[d - 2][k - 2] + 1);
        }
        row[k] = v;
        best = Math.min(best, v);
      }
      if (row[m] <= 1) {
        push(lo, hi); // every key here starts with a string one edit from the prefix
        return;
      }
      if (best > 1 || d > m) {
        return;
      }
      if (best == 0) { // on the exact path: any next character may be the one edit
        int i = lo;
        while (i < hi && keyEnd(i) - keyStart[i] == d) {
          i++; // keys that end here sort first
        }
        while (i < hi) {
          char next = text[keyStart[i] + d];
          int j = childEnd(i, hi, d, next);
          descend(i, j, d, next);
          i = j;
        }
        return;
      }
      // the edit is spent: only a character that continues an alignment of cost 1 exactly, or
      // completes a transposition, keeps the distance at 1; look those children up alone
      char[] next = candidates[d];
      int n = 0;
      for (int k = 0; k < m; k++) {
        if (row[k] == 1) {
          n = addCandidate(next, n, p[k]);
        }
        if (k >= 2 && rows[d - 1][k - 2] == 0 && p[k - 1] == c) {
          n = addCandidate(next, n, p[k - 2]);
        }
      }
      if (m >= 2 && rows[d - 1][m - 2] == 0 && p[m - 1] == c) {
        n = addCandidate(next, n, p[m - 2]);
      }
      for (int x = 0; x < n; x++) {
        int from = childEnd(lo, hi, d, (char) (next[x] - 1));
        int to = childEnd(from, hi, d, next[x]);
        if (from < to) {
          descend(from, to, d, next[x]);
        }
      }
    }

    private static int addCandidate(char[] into, int n, char c) {
      for (int i = 0; i < n; i++) {
        if (into[i] == c) {
          return n;
        }
      }
      into[n] = c;
      return n + 1;
    }

    /** The first key in [lo, hi) whose character at {@code depth} is after {@code c}; the keys share what is before it. */
    private int childEnd(int lo, int hi, int depth, char c) {
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        examined++;
        int s = keyStart[mid];
        if (keyEnd(mid) - s <= depth || text[s + depth] <= c) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    // ---- range-minimum tree and heap of ranges

    /** The best rank among keys [lo, hi), or MAX_VALUE when empty. */
    private int minRank(int lo, int hi) {
      int best = Integer.MAX_VALUE;
      for (int l = lo + keys, r = hi + keys; l < r; l >>= 1, r >>= 1) {
        examined++;
        if ((l & 1) == 1) {
          best = Math.min(best, tree[l++]);
        }
        if ((r & 1) == 1) {
          best = Math.min(best, tree[--r]);
        }
      }
      return best;
    }

    private void push(int lo, int hi) {
      if (lo >= hi) {
        return;
      }
      int rank = minRank(lo, hi);
      if (heapSize == heapRank.length) {
        heapRank = Arrays.copyOf(heapRank, heapSize * 2);
        heapLo = Arrays.copyOf(heapLo, heapSize * 2);
        heapHi = Arrays.copyOf(heapHi, heapSize * 2);
      }
      int i = heapSize++;
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        if (heapRank[parent] <= rank) {
          break;
        }
        move(parent, i);
        i = parent;
      }
      heapRank[i] = rank;
      heapLo[i] = lo;
      heapHi[i] = hi;
    }

    private void pop() {
      int last = --heapSize;
      int rank = heapRank[last];
      int lo = heapLo[last];
      int hi = heapHi[last];
      int i = 0;
      while (true) {
        int child = 2 * i + 1;
        if (child >= heapSize) {
          break;
        }
        if (child + 1 < heapSize && heapRank[child + 1] < heapRank[child]) {
          child++;
        }
        if (heapRank[child] >= rank) {
          break;
        }
        move(child, i);
        i = child;
      }
      heapRank[i] = rank;
      heapLo[i] = lo;
      heapHi[i] = hi;
    }

    private void move(int from, int to) {
      heapRank[to] = heapRank[from];
      heapLo[to] = heapLo[from];
      heapHi[to] = heapHi[from];
    }
  }

  /** Collects the labels and keys of the groups, before they are sorted. */
  private static final class Builder {
    final StringBuilder text = new StringBuilder();
    final List<String> labels = new ArrayList<>();
    final List<String> termIds = new ArrayList<>();
    final List<String> termNames = new ArrayList<>();
    int labelCount;
    int[] labelEnd = new int[64];
    int[] labelTerm = new int[64];
    boolean[] isName = new boolean[64];
    int[] labelsOfTerm = new int[64];
    int keyCount;
    int[] keyStart = new int[256];
    int[] keyLabel = new int[256];
    int[] keyWord = new int[256];

    Builder(Map<String, List<String>> groups) {
      Map<String, Integer> termKeys = new HashMap<>(); // a term's key text to its key
      Set<String> termLabels = new HashSet<>();
      for (var g : groups.entrySet()) {
        List<String> group = g.getValue();
        if (group.isEmpty()) {
          continue;
        }
        int term = termIds.size();
        termIds.add(g.getKey());
        termNames.add(group.get(0));
        if (term == labelsOfTerm.length) {
          labelsOfTerm = Arrays.copyOf(labelsOfTerm, term * 2);
        }
        labelsOfTerm[term] = group.size();
        termKeys.clear();
        termLabels.clear();
        for (int i = 0; i < group.size(); i++) {
          String normalized = normalize(group.get(i));
          if (normalized.isEmpty() || !termLabels.add(normalized)) {
            continue; // nothing to complete, or the same as a label before it: the name wins
          }
          int label = addLabel(group.get(i), term, i == 0, normalized);
          int start = text.length() - normalized.length();
          for (int at = 0, word = 0; ; word++) {
            int end = normalized.indexOf(' ', at);
            if (word == 0 || (end < 0 ? normalized.length() : end) - at >= MIN_LATER_WORD) {
              addKey(termKeys, normalized.substring(at), start + at, label, word);
            }
            if (end < 0) {
              break;
            }
            at = end + 1;
          }
        }
      }
    }

    /** Adds a key, or keeps the one the term has with the same text if that starts at an earlier word. */
    private void addKey(Map<String, Integer> termKeys, String key, int start, int label, int word) {
      Integer before = termKeys.get(key);
      if (before != null && keyWord[before] <= word) {
        return;
      }
      int k = before != null ? before : keyCount++;
      if (k == keyStart.length) {
        keyStart = Arrays.copyOf(keyStart, k * 2);
        keyLabel = Arrays.copyOf(keyLabel, k * 2);
        keyWord = Arrays.copyOf(keyWord, k * 2);
      }
      keyStart[k] = start;
      keyLabel[k] = label;
      keyWord[k] = word;
      termKeys.put(key, k);
    }

    private int addLabel(String original, int term, boolean name, String normalized) {
      if (labelCount == labelEnd.length) {
        labelEnd = Arrays.copyOf(labelEnd, labelCount * 2);
        labelTerm = Arrays.copyOf(labelTerm, labelCount * 2);
        isName = Arrays.copyOf(isName, labelCount * 2);
      }
      text.append(normalized);
      labels.add(original);
      labelEnd[labelCount] = text.length();
      labelTerm[labelCount] = term;
      isName[labelCount] = name;
      return labelCount++;
    }
  }

  /** Sorts an int array by a comparison of its values. */
  private abstract static class IntSorter extends IntroSorter {
    private final int[] a;
    private int pivot;

    IntSorter(int[] a) {
      this.a = a;
    }

    /** Compares two of the array's values. */
    abstract int compareValues(int x, int y);

    @Override
    protected int compare(int i, int j) {
      return compareValues(a[i], a[j]);
    }

    @Override
    protected void swap(int i, int j) {
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }

    @Override
    protected void setPivot(int i) {
      pivot = a[i];
    }

    @Override
    protected int comparePivot(int j) {
      return compareValues(pivot, a[j]);
    }
  }
}
