package io.azureglossary.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One benchmark result of a JMH JSON report ({@code -rf json}), reduced to what the report needs.
 *
 * @param benchmark simple class name and method, such as {@code SearchBenchmark.search}
 * @param params the JMH parameters, such as {@code corpus=bundled, kind=name}
 * @param medianMicros the median in microseconds (the 50th percentile JMH records)
 * @param samples how many samples the median is taken over
 * @param allocBytesPerOp bytes allocated per operation ({@code -prof gc}), or NaN without it
 * @param jdk the JDK version and VM name of the run
 * @param settings forks, warm-up and measurement as JMH ran them
 */
record JmhResult(String benchmark, Map<String, String> params, double medianMicros, long samples,
    double allocBytesPerOp, String jdk, String settings) {

  /** The {@code corpus} parameter, or {@code bundled} for a benchmark without one. */
  String corpus() {
    return params.getOrDefault("corpus", "bundled");
  }

  /** The {@code kind} parameter, or null. */
  String kind() {
    return params.get("kind");
  }

  /** The method name alone. */
  String method() {
    return benchmark.substring(benchmark.indexOf('.') + 1);
  }

  /** The class name alone. */
  String benchClass() {
    return benchmark.substring(0, benchmark.indexOf('.'));
  }

  /** Reads every result of a JMH JSON file. */
  static List<JmhResult> read(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    List<JmhResult> out = new ArrayList<>();
    for (JsonNode r : root) {
      String full = r.path("benchmark").asText();
      String[] parts = full.split("\\.");
      String benchmark = parts[parts.length - 2] + "." + parts[parts.length - 1];
      Map<String, String> params = new LinkedHashMap<>();
      r.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
      JsonNode alloc = r.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score");
      String jdk = r.path("jdkVersion").asText() + " (" + r.path("vmName").asText() + ")";
      String mode = switch (r.path("mode").asText()) {
        case "sample" -> "SampleTime";
        case "ss" -> "SingleShotTime";
        case "avgt" -> "AverageTime";
        default -> r.path("mode").asText();
      };
      int forks = r.path("forks").asInt();
      String settings = String.format(java.util.Locale.ROOT, "%s, %s, %d x %s warm-up, %d x %s measurement", mode,
          forks == 0 ? "one JVM for the run (-f 0)" : forks + (forks == 1 ? " fork" : " forks"),
          r.path("warmupIterations").asInt(), r.path("warmupTime").asText(),
          r.path("measurementIterations").asInt(), r.path("measurementTime").asText());
      // a JMH group (several methods measured at once, one thread each) reports each method as a
      // secondary metric with its own percentiles: one result per method, named Class.method
      List<String> members = new ArrayList<>();
      r.path("secondaryMetrics").fields().forEachRemaining(e -> {
        if (!e.getKey().contains(":") && !e.getKey().startsWith("gc.") && !e.getKey().matches("p\\d.*")
            && e.getValue().has("scorePercentiles")) {
          members.add(e.getKey());
        }
      });
      if (members.isEmpty()) {
        out.add(new JmhResult(benchmark, Map.copyOf(params), median(r.path("primaryMetric")),
            samples(r.path("primaryMetric")), alloc.isMissingNode() ? Double.NaN : alloc.asDouble(), jdk, settings));
      }
      for (String m : members) {
        JsonNode metric = r.path("secondaryMetrics").path(m);
        out.add(new JmhResult(parts[parts.length - 2] + "." + m, Map.copyOf(params), median(metric), samples(metric),
            Double.NaN, jdk, settings + ", " + members.size() + " methods at once"));
      }
    }
    return out;
  }

  private static double median(JsonNode metric) {
    double scale = toMicros(metric.path("scoreUnit").asText());
    JsonNode p50 = metric.path("scorePercentiles").path("50.0");
    return (p50.isMissingNode() ? metric.path("score").asDouble() : p50.asDouble()) * scale;
  }

  private static long samples(JsonNode metric) {
    long samples = 0;
    for (JsonNode fork : metric.path("rawDataHistogram")) {
      for (JsonNode iteration : fork) {
        for (JsonNode bucket : iteration) {
          samples += bucket.path(1).asLong();
        }
      }
    }
    if (samples == 0) {
      for (JsonNode fork : metric.path("rawData")) {
        samples += fork.size();
      }
    }
    return samples;
  }

  private static double toMicros(String unit) {
    return switch (unit) {
      case "ns/op" -> 1e-3;
      case "us/op" -> 1;
      case "ms/op" -> 1e3;
      case "s/op" -> 1e6;
      default -> throw new IllegalArgumentException("unsupported JMH score unit '" + unit
          + "' (expected a time per operation: SampleTime, AverageTime or SingleShotTime)");
    };
  }
}
