package io.azureglossary.search;

import java.util.Arrays;

/**
 * The query-term occurrences in one document's body, as read from the postings: for each, its
 * offsets, the ordinal of its term in the sorted query terms and the term's frequency in the
 * document. Added term by term (ascending ordinal), each term's occurrences in position order.
 */
final class DocMatches {
  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private int[] ords = new int[16];
  private int[] freqs = new int[16];
  private int size;

  void add(int start, int end, int ord, int freq) {
    if (size == starts.length) {
      int n = size * 2;
      starts = Arrays.copyOf(starts, n);
      ends = Arrays.copyOf(ends, n);
      ords = Arrays.copyOf(ords, n);
      freqs = Arrays.copyOf(freqs, n);
    }
    starts[size] = start;
    ends[size] = end;
    ords[size] = ord;
    freqs[size] = freq;
    size++;
  }

  int size() {
    return size;
  }

  int start(int i) {
    return starts[i];
  }

  int end(int i) {
    return ends[i];
  }

  int ord(int i) {
    return ords[i];
  }

  int freq(int i) {
    return freqs[i];
  }
}
