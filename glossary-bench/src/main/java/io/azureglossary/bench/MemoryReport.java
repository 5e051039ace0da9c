package io.azureglossary.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.azureglossary.corpus.Corpus;
import io.azureglossary.search.Glossary;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.management.ObjectName;

/**
 * Measures memory beside the latency table: the index bytes per term at each corpus size (engine
 * and plain baseline, from the files of the {@link IndexCache}), the heap a process retains to
 * serve each size (used heap after full collections, before and after opening the engine), and a
 * class histogram of the heap serving the bundled glossary, to say what the retained bytes are.
 *
 * <pre>MemoryReport OUT.json [SIZE...]   (sizes default to bundled 10k 100k)</pre>
 *
 * <p>Run it in a JVM of its own: the heap figures are differences of a quiet heap.
 */
public final class MemoryReport {
  /** Histogram lines kept: the classes holding the most bytes. */
  static final int HISTOGRAM_LINES = 12;

  private MemoryReport() {}

  /** One corpus size's memory figures. */
  record Size(String corpus, int terms, long engineIndexBytes, long baselineIndexBytes, long heapRetainedBytes) {}

  /** Every size's figures, and the histogram of the bundled glossary's heap. */
  record Figures(List<Size> sizes, String histogram) {
    int terms(String corpus) {
      return sizes.stream().filter(s -> s.corpus().equals(corpus)).mapToInt(Size::terms).findFirst().orElse(-1);
    }

    /** The memory table, and the histogram as a folded block. */
    String markdown() {
      StringBuilder sb = new StringBuilder("### Memory\n\n")
          .append("| corpus | terms | engine index | bytes/term | plain index | bytes/term | heap retained serving |\n")
          .append("|---|---:|---:|---:|---:|---:|---:|\n");
      for (Size s : sizes) {
        sb.append(String.format(Locale.ROOT, "| %s | %,d | %s | %,d | %s | %,d | %s |%n", s.corpus(), s.terms(),
            BenchReport.bytes(s.engineIndexBytes()), s.engineIndexBytes() / s.terms(),
            BenchReport.bytes(s.baselineIndexBytes()), s.baselineIndexBytes() / s.terms(),
            BenchReport.bytes(s.heapRetainedBytes())));
      }
      sb.append("\nHeap retained: used heap after full GCs with the engine open minus before (the engine's in-memory "
          + "index, synonyms and spell checkers; for the bundled size `Glossary.bundled()` after one search: the "
          + "packaged index read into memory, no corpus parsed). "
          + "Allocation per query is in the tables above (JMH `-prof gc`).\n");
      if (histogram != null && !histogram.isBlank()) {
        sb.append("\n<details><summary>Heap histogram serving the bundled glossary (top ").append(HISTOGRAM_LINES)
            .append(" classes)</summary>\n\n```\n").append(histogram.strip()).append("\n```\n</details>\n");
      }
      return sb.toString();
    }
  }

  /** Measures the sizes given (default: all) and writes the figures as JSON. */
  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.out.println("usage: MemoryReport OUT.json [SIZE...]");
      System.exit(2);
    }
    List<String> sizes = args.length > 1 ? List.of(args).subList(1, args.length) : BenchCorpus.SIZES;
    List<Size> out = new ArrayList<>();
    String histogram = null;
    for (String size : sizes) {
      boolean bundled = size.equals("bundled");
      // the bundled glossary as an application gets it: Glossary.bundled(), over the packaged index,
      // with no corpus parsed; a synthetic corpus is generated, and its index cached, before
      // measuring, and only the engine over the cached index is kept
      Path folder = bundled ? null : IndexCache.folder(size);
      long before = usedAfterGc();
      Object served;
      if (size.equals("bundled")) {
        served = Glossary.bundled();
        ((Glossary) served).search("key vault soft delete"); // what a first search keeps (bodies it highlighted)
      } else {
        served = Served.engine(size);
      }
      long after = usedAfterGc();
      if (size.equals("bundled")) {
        histogram = histogram();
      }
      Reference.reachabilityFence(served);
      ((java.io.Closeable) served).close();
      folder = bundled ? IndexCache.folder(size) : folder;
      int terms = bundled ? Glossary.bundled().size() : BenchCorpus.termCount(size);
      out.add(new Size(size, terms, IndexCache.bytes(folder.resolve("engine")),
          IndexCache.bytes(folder.resolve("baseline")), Math.max(0, after - before)));
      System.out.printf(Locale.ROOT, "%s: %d terms, heap retained %s%n", size, terms, BenchReport.bytes(after - before));
    }
    write(new Figures(out, histogram), Path.of(args[0]));
  }

  static long usedAfterGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  /** The HotSpot class histogram (as {@code jcmd GC.class_histogram}), header and top classes. */
  static String histogram() {
    try {
      Object text = ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
          new Object[] {new String[0]}, new String[] {String[].class.getName()});
      String[] lines = text.toString().split("\n");
      return String.join("\n", List.of(lines).subList(0, Math.min(lines.length, HISTOGRAM_LINES + 2)));
    } catch (Exception e) {
      return "class histogram unavailable: " + e;
    }
  }

  static void write(Figures f, Path file) throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("sizes", f.sizes());
    root.put("histogram", f.histogram());
    if (file.toAbsolutePath().getParent() != null) {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    Files.writeString(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n");
  }

  static Figures read(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    List<Size> sizes = new ArrayList<>();
    for (JsonNode s : root.path("sizes")) {
      sizes.add(new Size(s.path("corpus").asText(), s.path("terms").asInt(), s.path("engineIndexBytes").asLong(),
          s.path("baselineIndexBytes").asLong(), s.path("heapRetainedBytes").asLong()));
    }
    return new Figures(sizes, root.path("histogram").asText(null));
  }
}
