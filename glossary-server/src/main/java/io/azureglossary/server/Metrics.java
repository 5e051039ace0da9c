package io.azureglossary.server;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counts and latency histograms per endpoint, written in the Prometheus text format
 * (version 0.0.4). Lock-free on the request path: one {@link LongAdder} per bucket.
 */
final class Metrics {
  /** Upper bounds of the latency buckets, in seconds. */
  static final double[] BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};

  /** The endpoints counted apart; {@code other} is every path that is not one of them. */
  enum Endpoint {
    SEARCH, SUGGEST, TERM, TERM_PAGE, PAGE, HEALTHZ, METRICS, OTHER;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final class Series {
    final Map<Integer, LongAdder> byStatus = new ConcurrentSkipListMap<>();
    final LongAdder[] buckets = new LongAdder[BUCKETS.length];
    final LongAdder count = new LongAdder();
    final LongAdder nanos = new LongAdder();

    Series() {
      for (int i = 0; i < buckets.length; i++) {
        buckets[i] = new LongAdder();
      }
    }
  }

  private final Map<Endpoint, Series> series = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();

  Metrics() {
    for (Endpoint e : Endpoint.values()) {
      series.put(e, new Series());
    }
  }

  void started() {
    inFlight.incrementAndGet();
  }

  /** One request answered: its endpoint, status and time from its first handling to its last byte. */
  void finished(Endpoint endpoint, int status, long nanos) {
    inFlight.decrementAndGet();
    Series s = series.get(endpoint);
    s.byStatus.computeIfAbsent(status, k -> new LongAdder()).increment();
    s.count.increment();
    s.nanos.add(nanos);
    double seconds = nanos / 1e9;
    for (int i = 0; i < BUCKETS.length; i++) {
      if (seconds <= BUCKETS[i]) {
        s.buckets[i].increment();
        break;
      }
    }
  }

  /** The exposition: counters, histograms, and the served index's gauges. */
  String text(Served.Health health) {
    StringBuilder sb = new StringBuilder(8192);
    sb.append("# HELP glossary_http_requests_total HTTP requests answered, by endpoint and status.\n");
    sb.append("# TYPE glossary_http_requests_total counter\n");
    for (Endpoint e : Endpoint.values()) {
      for (Map.Entry<Integer, LongAdder> st : series.get(e).byStatus.entrySet()) {
        sb.append("glossary_http_requests_total{endpoint=\"").append(e.label()).append("\",status=\"")
            .append(st.getKey()).append("\"} ").append(st.getValue().sum()).append('\n');
      }
    }
    sb.append("# HELP glossary_http_request_duration_seconds Time from a request's handling to its last byte sent.\n");
    sb.append("# TYPE glossary_http_request_duration_seconds histogram\n");
    for (Endpoint e : Endpoint.values()) {
      Series s = series.get(e);
      long cumulative = 0;
      for (int i = 0; i < BUCKETS.length; i++) {
        cumulative += s.buckets[i].sum();
        sb.append("glossary_http_request_duration_seconds_bucket{endpoint=\"").append(e.label()).append("\",le=\"")
            .append(java.math.BigDecimal.valueOf(BUCKETS[i]).stripTrailingZeros().toPlainString()).append("\"} ").append(cumulative).append('\n');
      }
      long count = s.count.sum();
      sb.append("glossary_http_request_duration_seconds_bucket{endpoint=\"").append(e.label())
          .append("\",le=\"+Inf\"} ").append(count).append('\n');
      sb.append("glossary_http_request_duration_seconds_sum{endpoint=\"").append(e.label()).append("\"} ")
          .append(String.format(Locale.ROOT, "%.6f", s.nanos.sum() / 1e9)).append('\n');
      sb.append("glossary_http_request_duration_seconds_count{endpoint=\"").append(e.label()).append("\"} ")
          .append(count).append('\n');
    }
    sb.append("# HELP glossary_http_requests_in_flight Requests being handled now.\n");
    sb.append("# TYPE glossary_http_requests_in_flight gauge\n");
    sb.append("glossary_http_requests_in_flight ").append(inFlight.get()).append('\n');
    sb.append("# HELP glossary_index_generation Index generations served since start (1: the first; +1 per reindex seen).\n");
    sb.append("# TYPE glossary_index_generation gauge\n");
    sb.append("glossary_index_generation ").append(health.generation()).append('\n');
    sb.append("# HELP glossary_index_terms Terms in the generation being served.\n");
    sb.append("# TYPE glossary_index_terms gauge\n");
    sb.append("glossary_index_terms ").append(health.terms()).append('\n');
    if (health.builtAt() != null) {
      sb.append("# HELP glossary_index_built_timestamp_seconds When the generation being served was built.\n");
      sb.append("# TYPE glossary_index_built_timestamp_seconds gauge\n");
      sb.append("glossary_index_built_timestamp_seconds ")
          .append(String.format(Locale.ROOT, "%.3f", health.builtAt().toEpochMilli() / 1000.0)).append('\n');
    }
    return sb.toString();
  }
}
