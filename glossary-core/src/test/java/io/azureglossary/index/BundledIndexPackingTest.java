package io.azureglossary.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.azureglossary.corpus.Corpus;
import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.junit.jupiter.api.Test;

/** How the bundled index travels on the class path: packed into one resource, served as read-only slices. */
class BundledIndexPackingTest {
  private static byte[] content(Directory dir, String name) throws IOException {
    try (IndexInput in = dir.openInput(name, IOContext.DEFAULT)) {
      byte[] b = new byte[(int) in.length()];
      in.readBytes(b, 0, b.length);
      return b;
    }
  }

  @Test
  void packThenUnpack_servesEveryFileByteForByte() throws IOException {
    try (ByteBuffersDirectory written = new ByteBuffersDirectory()) {
      FreshIndex.write(Corpus.bundled().terms().subList(0, 20), written);
      Directory unpacked = BundledIndex.unpack(BundledIndex.pack(written));

      String[] files = Arrays.stream(written.listAll()).filter(f -> !f.equals("write.lock")).sorted().toArray(String[]::new);
      assertArrayEquals(files, unpacked.listAll());
      for (String f : files) {
        assertArrayEquals(content(written, f), content(unpacked, f), f);
        assertEquals(written.fileLength(f), unpacked.fileLength(f), f);
      }
      try (DirectoryReader reader = DirectoryReader.open(unpacked)) {
        assertEquals(20, reader.numDocs());
      }
    }
  }

  @Test
  void unpacked_isReadOnly() throws IOException {
    try (ByteBuffersDirectory written = new ByteBuffersDirectory()) {
      FreshIndex.write(Corpus.bundled().terms().subList(0, 3), written);
      Directory unpacked = BundledIndex.unpack(BundledIndex.pack(written));
      String any = unpacked.listAll()[0];
      assertThrows(UnsupportedOperationException.class, () -> unpacked.createOutput("x", IOContext.DEFAULT));
      assertThrows(UnsupportedOperationException.class, () -> unpacked.deleteFile(any));
    }
  }

  @Test
  void unpack_truncatedOrForeignBytes_fails() throws IOException {
    try (ByteBuffersDirectory written = new ByteBuffersDirectory()) {
      FreshIndex.write(Corpus.bundled().terms().subList(0, 3), written);
      byte[] packed = BundledIndex.pack(written);
      assertThrows(RuntimeException.class, () -> BundledIndex.unpack(Arrays.copyOf(packed, packed.length - 10)));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BundledIndex.unpack(new byte[16]));
      assertTrue(e.getMessage().startsWith("not a packed index"), e.getMessage());
      byte[] longer = Arrays.copyOf(packed, packed.length + 3);
      e = assertThrows(IllegalArgumentException.class, () -> BundledIndex.unpack(longer));
      assertEquals("3 bytes after the last file", e.getMessage());
    }
  }
}
