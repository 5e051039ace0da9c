package io.azureglossary.index;

import io.azureglossary.corpus.Corpus;
import io.azureglossary.corpus.TermJson;
import io.azureglossary.model.Term;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;

/**
 * The index of the bundled glossary, written by the build and shipped on the class path as one
 * resource, {@code glossary/index/bundled.idx}, so that no process indexes the bundled corpus at
 * run time.
 *
 * <p>The build (phase {@code process-classes} of {@code glossary-core}) runs {@link #main} with the
 * bundled corpus from the {@code glossary-corpus} jar and {@link FreshIndex}, the same code that
 * indexes a user's corpus in memory; so the packaged index is never older than the corpus it was
 * built with, and the commit records {@link #corpusHash} of that corpus for tests to check.
 * {@link #open()} reads the resource once and serves each index file as a read-only slice of it:
 * no copy, no file system, nothing to close but the memory.
 */
public final class BundledIndex {
  /** The resource: the index files packed one after another (see {@link #main}). */
  static final String RESOURCE = "glossary/index/bundled.idx";
  private static final int MAGIC = 0x474c4958; // "GLIX"
  private static final int FORMAT = 1;
  /** The commit user data key of the hash of the corpus the index was built from. */
  public static final String CORPUS_HASH_KEY = "glossary.bundledCorpusHash";

  private BundledIndex() {}

  /**
   * Reads the packaged index into memory, as a read-only directory.
   *
   * @return a new directory over the packaged index
   * @throws IllegalStateException if the class path holds no packaged index (glossary-core was
   *     compiled but not built with Maven's {@code process-classes} phase), or a damaged one
   */
  public static Directory open() {
    byte[] bytes;
    // through the class, not its loader: on the module path the resource is in this module, not opened
    try (InputStream in = BundledIndex.class.getResourceAsStream("/" + RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the bundled glossary index is not on the class path (" + RESOURCE
            + "); build glossary-core with Maven (mvn package), which writes it");
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled glossary index " + RESOURCE, e);
    }
    try {
      return unpack(bytes);
    } catch (RuntimeException e) {
      throw new IllegalStateException("the bundled glossary index " + RESOURCE + " is damaged: " + e.getMessage(), e);
    }
  }

  /** The files of a packed index as slices of its bytes. */
  static Directory unpack(byte[] bytes) {
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    if (buf.getInt() != MAGIC || buf.getInt() != FORMAT) {
      throw new IllegalArgumentException("not a packed index of format " + FORMAT);
    }
    int count = buf.getInt();
    Map<String, HeapDirectory.Region> files = new TreeMap<>();
    for (int i = 0; i < count; i++) {
      byte[] name = new byte[buf.getShort()];
      buf.get(name);
      int length = buf.getInt();
      files.put(new String(name, StandardCharsets.UTF_8), new HeapDirectory.Region(bytes, buf.position(), length));
      buf.position(buf.position() + length);
    }
    if (buf.hasRemaining()) {
      throw new IllegalArgumentException(buf.remaining() + " bytes after the last file");
    }
    return new HeapDirectory("bundled", files);
  }

  /** Packs the files of a directory (but its lock) into one buffer for {@link #unpack}. */
  static byte[] pack(Directory dir) throws IOException {
    List<String> names = new ArrayList<>();
    for (String f : dir.listAll()) {
      if (!f.equals("write.lock")) {
        names.add(f);
      }
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
    out.writeInt(MAGIC);
    out.writeInt(FORMAT);
    out.writeInt(names.size());
    for (String f : names) {
      byte[] name = f.getBytes(StandardCharsets.UTF_8);
      out.writeShort(name.length);
      out.write(name);
      try (IndexInput in = dir.openInput(f, IOContext.READONCE)) {
        byte[] content = new byte[Math.toIntExact(in.length())];
        in.readBytes(content, 0, content.length);
        out.writeInt(content.length);
        out.write(content);
      }
    }
    out.flush();
    return bytes.toByteArray();
  }

  /**
   * A hash of every term as its JSON, in id order: equal hashes mean the same corpus.
   *
   * @param terms the corpus's terms, in any order
   * @return 32 hex digits of SHA-256
   */
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
   * The build step: indexes the bundled corpus and writes it packed to
   * {@code args[0]}/{@value #RESOURCE}, replacing what was there.
   *
   * @param args one argument: the classes folder to write into, {@code target/classes}
   * @throws IOException if the index cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: BundledIndex OUTPUT_CLASSES_DIR");
    }
    Path target = Path.of(args[0]).resolve(RESOURCE);
    List<Term> terms = Corpus.bundled().terms();
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    FreshIndex.write(terms, dir, Map.of(CORPUS_HASH_KEY, corpusHash(terms)));
    byte[] packed = pack(dir);
    Files.createDirectories(target.getParent());
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.write(tmp, packed);
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    System.out.println("bundled glossary index: " + terms.size() + " terms, " + packed.length + " bytes in " + target);
  }
}
