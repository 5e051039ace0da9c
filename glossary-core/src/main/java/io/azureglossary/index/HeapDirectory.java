package io.azureglossary.index;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.store.BaseDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.NoLockFactory;

/**
 * A finished index held in heap byte arrays and read through {@link HeapIndexInput}: the in-memory
 * engine's directory once written, and the bundled index's. Read-only: every write fails.
 */
final class HeapDirectory extends BaseDirectory {
  /** One file: a region of an array (several files may share one array). */
  record Region(byte[] bytes, int start, int length) {}

  private final String name;
  private final Map<String, Region> files;

  /** @param files by file name, sorted */
  HeapDirectory(String name, Map<String, Region> files) {
    super(NoLockFactory.INSTANCE);
    this.name = name;
    this.files = files;
  }

  /** A read-only copy of every file of {@code dir} but its write lock, one array per file. */
  static HeapDirectory copyOf(String name, Directory dir) throws IOException {
    Map<String, Region> files = new TreeMap<>();
    for (String f : dir.listAll()) {
      if (f.equals("write.lock")) {
        continue;
      }
      try (IndexInput in = dir.openInput(f, IOContext.READONCE)) {
        byte[] content = new byte[Math.toIntExact(in.length())];
        in.readBytes(content, 0, content.length);
        files.put(f, new Region(content, 0, content.length));
      }
    }
    return new HeapDirectory(name, files);
  }

  @Override
  public String[] listAll() {
    return files.keySet().toArray(String[]::new); // sorted: a TreeMap
  }

  @Override
  public long fileLength(String file) throws IOException {
    return region(file).length();
  }

  @Override
  public IndexInput openInput(String file, IOContext context) throws IOException {
    ensureOpen();
    Region r = region(file);
    return new HeapIndexInput(name + ":" + file, r.bytes(), r.start(), r.length());
  }

  private Region region(String file) throws NoSuchFileException {
    Region r = files.get(file);
    if (r == null) {
      throw new NoSuchFileException("the " + name + " glossary index has no file " + file);
    }
    return r;
  }

  @Override
  public void deleteFile(String file) {
    throw readOnly();
  }

  @Override
  public IndexOutput createOutput(String file, IOContext context) {
    throw readOnly();
  }

  @Override
  public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) {
    throw readOnly();
  }

  @Override
  public void sync(Collection<String> names) {}

  @Override
  public void syncMetaData() {}

  @Override
  public void rename(String source, String dest) {
    throw readOnly();
  }

  @Override
  public Set<String> getPendingDeletions() {
    return Set.of();
  }

  @Override
  public void close() {
    isOpen = false;
  }

  private UnsupportedOperationException readOnly() {
    return new UnsupportedOperationException("the " + name + " glossary index is read-only");
  }
}
