package io.azureglossary.bench;

import io.azureglossary.analysis.GlossaryAnalysis;
import io.azureglossary.corpus.Corpus;
import io.azureglossary.eval.PlainBaseline;
import io.azureglossary.index.FreshIndex;
import io.azureglossary.index.IndexAnalyzers;
import io.azureglossary.index.TermDocument;
import io.azureglossary.model.Term;
import io.azureglossary.search.Glossary;
import io.azureglossary.store.Reindexer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.SingleInstanceLockFactory;

/**
 * Engine and baseline indexes of the synthetic corpora, written once to disk and reused by every
 * JMH fork. Indexing 100k terms takes about two minutes, and JMH forks a fresh JVM for each
 * benchmark and parameter, so building in every {@code @Setup} would spend most of a run
 * re-indexing. Each fork instead copies the files into a {@link ByteBuffersDirectory}, which
 * is exactly the in-memory, single-segment index {@code Glossary.of} builds.
 *
 * <p>The cache lives under {@code glossary.bench.cache} (default
 * {@code <java.io.tmpdir>/azure-glossary-bench}), in a folder named by a hash of the size, the
 * bundled terms and the bytes of the index-time classes, so a change to the corpus, the analysis
 * or the documents gives a new folder rather than a stale index.
 */
final class IndexCache {
  /** The classes whose bytecode decides what the engine and baseline indexes contain. */
  private static final List<Class<?>> INDEX_CODE = List.of(GlossaryAnalysis.class, TermDocument.class,
      IndexAnalyzers.class, FreshIndex.class, PlainBaseline.class, io.azureglossary.synth.SyntheticCorpus.class, BenchCorpus.class);
  /** Bump when {@link #writeEngine} changes. */
  private static final int WRITER_VERSION = 1;

  private IndexCache() {}

  /** The folder holding the {@code engine} and {@code baseline} indexes of a size, built if missing. */
  static synchronized Path folder(String size) {
    Path root = root();
    Path dir = root.resolve(size + "-" + key(size));
    if (Files.isDirectory(dir.resolve("engine")) && Files.isDirectory(dir.resolve("baseline"))) {
      return dir;
    }
    Corpus corpus = BenchCorpus.of(size);
    try {
      Files.createDirectories(root);
      Path tmp = Files.createTempDirectory(root, size + "-building-");
      try (Directory d = FSDirectory.open(tmp.resolve("engine"))) {
        writeEngine(corpus, d);
      }
      try (Directory d = FSDirectory.open(tmp.resolve("baseline"))) {
        PlainBaseline.write(corpus, d);
      }
      try {
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, dir);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the " + size + " benchmark index under " + root, e);
    }
  }

  /** The cache root: {@code glossary.bench.cache}, by default {@code <java.io.tmpdir>/azure-glossary-bench}. */
  static Path root() {
    return Path.of(System.getProperty("glossary.bench.cache",
        Path.of(System.getProperty("java.io.tmpdir"), "azure-glossary-bench").toString()));
  }

  /**
   * Where the persistent index of a size, as {@code glossary reindex} writes it, is cached: the
   * {@code index} folder under {@code <root>/<size>-reindexed-<key>}, whether built yet or not. The key
   * is {@link #key}'s (size, seed, bundled terms, index-time classes) plus every class of
   * glossary-core and glossary-index and the Lucene version: whatever the reindexer
   * writes, and a searcher may expect to find in the index, comes from that code, so changing any
   * of it (an index-time synonym map, say) gives a fresh index rather than one the new searcher
   * would have to work around. The cost is a rebuild after any engine change.
   */
  static Path reindexedFolder(String size) {
    return root().resolve(size + "-reindexed-" + reindexedKey(size)).resolve("index");
  }

  /**
   * The persistent index of a size, written by {@code Reindexer.into(dir).run(BenchCorpus.of(size))}
   * once and reused; minutes at 100k terms. Several processes may build it at once (the cache root is
   * shared by every checkout on the machine): each builds in a temporary folder, the first to finish
   * publishes it with a rename, the others throw theirs away.
   */
  static synchronized Path reindexed(String size, Reindexer.Listener listener) {
    Path index = reindexedFolder(size);
    Path dir = index.getParent();
    if (Files.isDirectory(index)) {
      return index;
    }
    Corpus corpus = BenchCorpus.of(size);
    try {
      Files.createDirectories(dir.getParent());
      Path tmp = Files.createTempDirectory(dir.getParent(), size + "-reindexing-");
      Reindexer.into(tmp.resolve("index")).listener(listener).run(corpus);
      try {
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, dir);
      } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
        deleteTree(tmp); // another process published the same index first
      }
      return index;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the " + size + " persistent benchmark index under " + dir.getParent(), e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** {@link #key} of the size, plus the bytes of every engine class (not the CLI's) and the Lucene version. */
  static String reindexedKey(String size) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update((key(size) + "|" + org.apache.lucene.util.Version.LATEST).getBytes(StandardCharsets.UTF_8));
      Set<Path> sources = new TreeSet<>();
      for (Class<?> c : List.of(Glossary.class, Reindexer.class)) {
        sources.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()));
      }
      for (Path source : sources) {
        for (Map.Entry<String, byte[]> e : engineClasses(source).entrySet()) {
          md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
          md.update(e.getValue());
        }
      }
      return HexFormat.of().formatHex(md.digest(), 0, 6);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException | URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The class files under {@code io/azureglossary/} of a classes folder or jar, by name, except the
   * CLI's and the benchmarks' (the shaded benchmarks jar holds them all).
   */
  static SortedMap<String, byte[]> engineClasses(Path source) throws IOException {
    SortedMap<String, byte[]> out = new TreeMap<>();
    if (Files.isDirectory(source)) {
      Path base = source.resolve("io/azureglossary");
      if (Files.isDirectory(base)) {
        try (Stream<Path> s = Files.walk(base)) {
          for (Path p : s.filter(Files::isRegularFile).toList()) {
            String name = source.relativize(p).toString().replace('\\', '/');
            if (isEngineClass(name)) {
              out.put(name, Files.readAllBytes(p));
            }
          }
        }
      }
    } else {
      try (JarFile jar = new JarFile(source.toFile())) {
        for (JarEntry e : java.util.Collections.list(jar.entries())) {
          if (!e.isDirectory() && isEngineClass(e.getName())) {
            try (InputStream in = jar.getInputStream(e)) {
              out.put(e.getName(), in.readAllBytes());
            }
          }
        }
      }
    }
    return out;
  }

  static boolean isEngineClass(String name) {
    return name.startsWith("io/azureglossary/") && name.endsWith(".class")
        && !name.startsWith("io/azureglossary/cli/") && !name.startsWith("io/azureglossary/bench/");
  }

  /**
   * Writes the engine index of a corpus the way {@code Glossary.of} does: the corpus's synonym
   * analysis, one document per term, merged to one segment.
   */
  static void writeEngine(Corpus corpus, Directory dir) throws IOException {
    FreshIndex.write(corpus.terms(), dir);
  }


  /**
   * A heap copy of an index folder: the same bytes, in the same kind of directory
   * {@code Glossary.of} indexes into (each file one buffer once written).
   */
  static ByteBuffersDirectory inMemory(Path index) throws IOException {
    ByteBuffersDirectory out = new ByteBuffersDirectory(new SingleInstanceLockFactory(),
        ByteBuffersDataOutput::new, ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
    try (FSDirectory in = FSDirectory.open(index)) {
      for (String file : in.listAll()) {
        if (!file.equals("write.lock")) {
          out.copyFrom(in, file, file, IOContext.DEFAULT);
        }
      }
    }
    return out;
  }

  /** Bytes of the files of an index folder. */
  static long bytes(Path index) {
    try (Stream<Path> s = Files.list(index)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String key(String size) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update((size + "|" + BenchCorpus.SEED + "|" + WRITER_VERSION).getBytes(StandardCharsets.UTF_8));
      for (Term t : Corpus.bundled().terms()) {
        md.update(t.toString().getBytes(StandardCharsets.UTF_8));
      }
      for (Class<?> c : INDEX_CODE.stream().sorted(Comparator.comparing(Class::getName)).toList()) {
        try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
          md.update(in.readAllBytes());
        }
      }
      return HexFormat.of().formatHex(md.digest(), 0, 6);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
