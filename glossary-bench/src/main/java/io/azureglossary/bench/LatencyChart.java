package io.azureglossary.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A hand-written SVG line chart of median latency against corpus size, both axes logarithmic:
 * the engine's search with and without highlighting, the plain baseline, suggest, and the floor.
 * Search lines use the {@code mix} kind, or the geometric mean of the kinds when a run has no mix.
 */
final class LatencyChart {
  private static final int W = 720;
  private static final int H = 440;
  private static final int LEFT = 70;
  private static final int RIGHT = 230;
  private static final int TOP = 30;
  private static final int BOTTOM = 50;

  private record Series(String label, String color, String dash, Predicate<JmhResult> select) {}

  private static final List<Series> SERIES = List.of(
      new Series("engine search, highlighted", "#d62728", "", r -> r.benchmark().equals("SearchBenchmark.search")),
      new Series("engine search, no highlight", "#ff7f0e", "", r -> r.benchmark().equals("SearchBenchmark.searchNoHighlight")),
      new Series("plain Lucene search", "#1f77b4", "6,4", r -> r.benchmark().equals("SearchBenchmark.plain")),
      new Series("engine suggest", "#2ca02c", "", r -> r.benchmark().equals("SuggestBenchmark.suggest")),
      new Series("plain prefix query", "#17becf", "6,4", r -> r.benchmark().equals("SuggestBenchmark.plainPrefix")),
      new Series("floor: one TermQuery count", "#7f7f7f", "2,3", r -> r.benchmark().equals(BenchReport.FLOOR)));

  private LatencyChart() {}

  static String svg(List<JmhResult> results) {
    List<Map<Integer, Double>> lines = new ArrayList<>();
    double minY = Double.MAX_VALUE;
    double maxY = 0;
    int minX = Integer.MAX_VALUE;
    int maxX = 0;
    for (Series s : SERIES) {
      Map<Integer, Double> points = new TreeMap<>();
      for (String corpus : BenchReport.corpora(results)) {
        List<JmhResult> rs = results.stream().filter(s.select()).filter(r -> r.corpus().equals(corpus)).toList();
        List<JmhResult> mix = rs.stream().filter(r -> "mix".equals(r.kind())).toList();
        List<JmhResult> use = mix.isEmpty() ? rs : mix;
        if (use.isEmpty()) {
          continue;
        }
        double logSum = use.stream().mapToDouble(r -> Math.log(r.medianMicros())).sum();
        double y = Math.exp(logSum / use.size());
        int x = corpus.equals("bundled") ? io.azureglossary.corpus.Corpus.bundled().size() : BenchCorpus.termCount(corpus);
        points.put(x, y);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
      }
      lines.add(points);
    }
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", W, H, W, H));
    sb.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", W, H));
    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"14\" font-weight=\"bold\">"
        + "Median latency against corpus size (log-log)</text>%n", LEFT));
    if (maxY == 0) {
      return sb.append("<text x=\"70\" y=\"60\">no latency results</text>\n</svg>\n").toString();
    }
    double loY = Math.pow(10, Math.floor(Math.log10(minY)));
    double hiY = Math.pow(10, Math.ceil(Math.log10(maxY)));
    double loX = Math.pow(10, Math.floor(Math.log10(minX)));
    double hiX = Math.pow(10, Math.ceil(Math.log10(Math.max(maxX, minX * 10))));
    // grid and axes
    for (double y = loY; y <= hiY * 1.0001; y *= 10) {
      double py = py(y, loY, hiY);
      sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n", LEFT, py, W - RIGHT, py));
      sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT - 6, py + 4, label(y)));
    }
    for (double x = loX; x <= hiX * 1.0001; x *= 10) {
      double px = px(x, loX, hiX);
      sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n", px, TOP, px, H - BOTTOM));
      sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", px, H - BOTTOM + 16,
          String.format(Locale.ROOT, "%,.0f", x)));
    }
    sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#444\"/>%n",
        LEFT, TOP, W - RIGHT - LEFT, H - BOTTOM - TOP));
    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">terms in the glossary</text>%n",
        (LEFT + W - RIGHT) / 2, H - 12));
    sb.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 16 %d)\">"
        + "median per operation</text>%n", (TOP + H - BOTTOM) / 2, (TOP + H - BOTTOM) / 2));
    for (int i = 0; i < SERIES.size(); i++) {
      Series s = SERIES.get(i);
      Map<Integer, Double> points = lines.get(i);
      if (points.isEmpty()) {
        continue;
      }
      StringBuilder path = new StringBuilder();
      for (var p : points.entrySet()) {
        path.append(path.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f",
            px(p.getKey(), loX, hiX), py(p.getValue(), loY, hiY)));
      }
      sb.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
          path, s.color(), s.dash().isEmpty() ? "" : " stroke-dasharray=\"" + s.dash() + "\""));
      for (var p : points.entrySet()) {
        sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s, %,d terms: %s</title></circle>%n",
            px(p.getKey(), loX, hiX), py(p.getValue(), loY, hiY), s.color(), s.label(), p.getKey(), label(p.getValue())));
      }
      int ly = TOP + 10 + i * 20;
      sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
          W - RIGHT + 12, ly, W - RIGHT + 36, ly, s.color(), s.dash().isEmpty() ? "" : " stroke-dasharray=\"" + s.dash() + "\""));
      sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", W - RIGHT + 42, ly + 4, s.label()));
    }
    return sb.append("</svg>\n").toString();
  }

  private static double px(double x, double lo, double hi) {
    return LEFT + (Math.log10(x) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) * (W - RIGHT - LEFT);
  }

  private static double py(double y, double lo, double hi) {
    return H - BOTTOM - (Math.log10(y) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) * (H - BOTTOM - TOP);
  }

  private static String label(double micros) {
    if (micros >= 1e6) {
      return String.format(Locale.ROOT, "%.0f s", micros / 1e6);
    }
    if (micros >= 1e3) {
      return String.format(Locale.ROOT, "%.0f ms", micros / 1e3);
    }
    return micros >= 1 ? String.format(Locale.ROOT, "%.0f µs", micros) : String.format(Locale.ROOT, "%.1f µs", micros);
  }
}
