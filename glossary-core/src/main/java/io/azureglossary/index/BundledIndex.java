package io.azureglossary.index;

import io.azureglossary.corpus.Corpus;
import io.azureglossary.corpus.TermJson;
import io.azureglossary.model.Term;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.SingleInstanceLockFactory;

/**
 * The index of the bundled glossary, written by the build and shipped on the class path under
 * {@code glossary/index/}, so that no process indexes the bundled corpus at run time.
 *
 * <p>The build (phase {@code process-classes} of {@code glossary-core}) runs {@link #main} with the
 * bundled corpus from the {@code glossary-corpus} jar and {@link FreshIndex}, the same code that
 * indexes a user's corpus in memory; so the packaged index is never older than the corpus it was
 * built with, and the commit records {@link #corpusHash} of that corpus for tests to check.
 * {@link #open()} copies the files into a {@link ByteBuffersDirectory}, the directory
 * {@code Glossary.of} indexes into.
 */
public final class BundledIndex {
  /** Where the index files live on the class path. */
  static final String ROOT = "glossary/index/";
  /** The listing of the index files, one {@code name<TAB>length} per line: a class path cannot be listed. */
  static final String LISTING = "files.tsv";
  /** The commit user data key of the hash of the corpus the index was built from. */
  public static final String CORPUS_HASH_KEY = "glossary.bundledCorpusHash";

  private BundledIndex() {}

  /**
   * Reads the packaged index into memory.
   *
   * @throws IllegalStateException if the class path holds no packaged index (glossary-core was
   *     compiled but not built with Maven's {@code process-classes} phase)
   */
  public static Directory open() {
    ClassLoader loader = BundledIndex.class.getClassLoader();
    InputStream listing = loader.getResourceAsStream(ROOT + LISTING);
    if (listing == null) {
      throw new IllegalStateException("the bundled glossary index is not on the class path (" + ROOT + LISTING
          + "); build glossary-core with Maven (mvn package), which writes it");
    }
    // each file as one buffer: see Glossary.of for why
    ByteBuffersDirectory dir = new ByteBuffersDirectory(new SingleInstanceLockFactory(),
        ByteBuffersDataOutput::new, ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(listing, StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        String[] f = line.split("\t");
        long length = Long.parseLong(f[1]);
        try (InputStream in = loader.getResourceAsStream(ROOT + f[0]);
            IndexOutput out = dir.createOutput(f[0], IOContext.DEFAULT)) {
          if (in == null) {
            throw new IllegalStateException("the bundled glossary index lists " + f[0] + " but the class path lacks it");
          }
          byte[] bytes = in.readAllBytes();
          if (bytes.length != length) {
            throw new IllegalStateException("the bundled glossary index file " + f[0] + " has " + bytes.length
                + " bytes, its listing says " + length);
          }
          out.writeBytes(bytes, bytes.length);
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled glossary index", e);
    }
  }

  /** A hash of every term as its JSON, in id order: equal hashes mean the same corpus. */
  public static String corpusHash(List<Term> terms) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      terms.stream().sorted(Comparator.comparing(Term::id))
          .forEach(t -> md.update((TermJson.write(t) + "\n").getBytes(StandardCharsets.UTF_8)));
      return HexFormat.of().formatHex(md.digest()).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The build step: indexes the bundled corpus into {@code args[0]}/{@value #ROOT}, replacing what
   * was there, and writes the listing.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: BundledIndex OUTPUT_CLASSES_DIR");
    }
    Path target = Path.of(args[0]).resolve(ROOT);
    deleteRecursively(target);
    Files.createDirectories(target);
    List<Term> terms = Corpus.bundled().terms();
    try (Directory dir = FSDirectory.open(target)) {
      FreshIndex.write(terms, dir, Map.of(CORPUS_HASH_KEY, corpusHash(terms)));
      List<String> rows = new ArrayList<>();
      for (String f : dir.listAll()) {
        if (!f.equals("write.lock")) {
          rows.add(f + "\t" + dir.fileLength(f));
        }
      }
      Files.write(target.resolve(LISTING), rows, StandardCharsets.UTF_8);
    }
    Files.deleteIfExists(target.resolve("write.lock"));
    System.out.println("bundled glossary index: " + terms.size() + " terms in " + target);
  }

  private static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(x);
      }
    }
  }
}
