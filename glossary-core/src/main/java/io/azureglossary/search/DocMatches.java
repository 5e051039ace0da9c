package io.azureglossary.search;

import java.util.Arrays;

/**
 * The query-term occurrences in one document's body, as read from the postings: for each, its
 * offsets, the ordinal of its term in the sorted query terms and the term's frequency in the
 * document. Added term by term (ascending ordinal), each term's occurrences in position order.
 */
final class DocMatches {
  /** Start, end, term ordinal and frequency of each match, one after another. */
  private int[] matches = new int[4 * 32];
  private int size;

  void add(int start, int end, int ord, int freq) {
    int at = 4 * size;
    if (at == matches.length) {
      matches = Arrays.copyOf(matches, 2 * at);
    }
    matches[at] = start;
    matches[at + 1] = end;
    matches[at + 2] = ord;
    matches[at + 3] = freq;
    size++;
  }

  int size() {
    return size;
  }

  int start(int i) {
    return matches[4 * i];
  }

  int end(int i) {
    return matches[4 * i + 1];
  }

  int ord(int i) {
    return matches[4 * i + 2];
  }

  int freq(int i) {
    return matches[4 * i + 3];
  }
}
