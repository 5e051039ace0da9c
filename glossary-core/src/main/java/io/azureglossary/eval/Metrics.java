package io.azureglossary.eval;

/**
 * Relevance over a set of queries: mean reciprocal rank of the first right answer in the top 10,
 * and the share of queries with a right answer first (success@1) or in the top three (success@3).
 *
 * @param queries the number of queries measured
 * @param mrr10 mean reciprocal rank at 10, from 0 to 1
 * @param success1 the share of queries answered first, from 0 to 1
 * @param success3 the share of queries answered in the top three, from 0 to 1
 */
public record Metrics(int queries, double mrr10, double success1, double success3) {
  static Metrics of(int[] ranks) {
    double rr = 0;
    int s1 = 0;
    int s3 = 0;
    for (int r : ranks) {
      if (r > 0 && r <= 10) {
        rr += 1.0 / r;
      }
      if (r == 1) {
        s1++;
      }
      if (r > 0 && r <= 3) {
        s3++;
      }
    }
    int n = ranks.length;
    return n == 0 ? new Metrics(0, 0, 0, 0) : new Metrics(n, rr / n, (double) s1 / n, (double) s3 / n);
  }
}
