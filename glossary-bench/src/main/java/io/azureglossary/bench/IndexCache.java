package io.azureglossary.bench;

import io.azureglossary.analysis.GlossaryAnalysis;
import io.azureglossary.corpus.Corpus;
import io.azureglossary.index.FreshIndex;
import io.azureglossary.eval.PlainBaseline;
import io.azureglossary.index.IndexAnalyzers;
import io.azureglossary.index.TermDocument;
import io.azureglossary.model.Term;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
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
    Path root = Path.of(System.getProperty("glossary.bench.cache",
        Path.of(System.getProperty("java.io.tmpdir"), "azure-glossary-bench").toString()));
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
