package io.azureglossary.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersIndexInput;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.RandomAccessInput;
import org.apache.lucene.util.GroupVIntUtil;
import org.junit.jupiter.api.Test;

/** The heap input reads every value exactly as Lucene's own in-memory input does. */
class HeapIndexInputTest {

  @Test
  void readsWhatByteBuffersIndexInputReads_onRandomOperations() throws IOException {
    Random random = new Random(42);
    for (int round = 0; round < 200; round++) {
      byte[] file = file(random);
      int pad = random.nextInt(16); // the file sits inside a larger array, as the bundled index's do
      byte[] array = new byte[pad + file.length + random.nextInt(16)];
      System.arraycopy(file, 0, array, pad, file.length);
      IndexInput heap = new HeapIndexInput("heap", array, pad, file.length);
      IndexInput lucene = new ByteBuffersIndexInput(new ByteBuffersDataInput(List.of(ByteBuffer.wrap(file))), "lucene");
      if (random.nextBoolean()) { // and through a slice
        long from = random.nextInt(file.length / 2);
        long len = random.nextInt((int) (file.length - from));
        heap = heap.slice("s", from, len);
        lucene = lucene.slice("s", from, len);
      }
      compare(random, heap, lucene);
    }
  }

  @Test
  void readingPastTheEnd_fails() throws IOException {
    HeapIndexInput in = new HeapIndexInput("x", new byte[] {1, 2, 3, 4, 5}, 1, 3);
    assertEquals(2, in.readByte());
    assertThrows(EOFException.class, in::readInt);
    in.seek(3);
    assertThrows(EOFException.class, in::readByte);
    assertThrows(EOFException.class, () -> in.seek(4));
    assertThrows(EOFException.class, () -> in.readByte(3));
    assertThrows(IllegalArgumentException.class, () -> in.slice("s", 2, 2));
  }

  private static byte[] file(Random random) throws IOException {
    ByteBuffersDataOutput out = new ByteBuffersDataOutput();
    for (int i = 0; i < 400; i++) {
      switch (random.nextInt(6)) {
        case 0 -> out.writeByte((byte) random.nextInt());
        case 1 -> out.writeVInt(random.nextInt(1 << random.nextInt(31)));
        case 2 -> out.writeVLong((random.nextLong() >>> 1) >>> random.nextInt(63));
        case 3 -> out.writeInt(random.nextInt());
        case 4 -> out.writeLong(random.nextLong());
        default -> {
          int[] group = new int[1 + random.nextInt(64)];
          for (int j = 0; j < group.length; j++) {
            group[j] = random.nextInt(1 << random.nextInt(31));
          }
          out.writeGroupVInts(group, group.length);
        }
      }
    }
    return out.toArrayCopy();
  }

  /** Runs the same random reads on both and compares values, positions and failures. */
  private static void compare(Random random, IndexInput heap, IndexInput lucene) throws IOException {
    assertEquals(lucene.length(), heap.length());
    RandomAccessInput heapRandom = heap.randomAccessSlice(0, heap.length());
    RandomAccessInput luceneRandom = lucene.randomAccessSlice(0, lucene.length());
    for (int op = 0; op < 300; op++) {
      long left = lucene.length() - lucene.getFilePointer();
      int kind = random.nextInt(11);
      try {
        switch (kind) {
          case 0 -> assertEquals(lucene.readByte(), heap.readByte());
          case 1 -> assertEquals(lucene.readShort(), heap.readShort());
          case 2 -> assertEquals(lucene.readInt(), heap.readInt());
          case 3 -> assertEquals(lucene.readLong(), heap.readLong());
          case 4 -> assertEquals(lucene.readVInt(), heap.readVInt());
          case 5 -> {
            int n = random.nextInt(12);
            int[] a = new int[n + 2];
            int[] b = new int[n + 2];
            lucene.readInts(a, 1, n);
            heap.readInts(b, 1, n);
            assertArrayEquals(a, b);
          }
          case 6 -> {
            int n = random.nextInt(6);
            long[] a = new long[n];
            long[] b = new long[n];
            lucene.readLongs(a, 0, n);
            heap.readLongs(b, 0, n);
            assertArrayEquals(a, b);
          }
          case 7 -> {
            int[] a = new int[4];
            int[] b = new int[4];
            GroupVIntUtil.readGroupVInt(lucene, a, 0);
            GroupVIntUtil.readGroupVInt(heap, b, 0);
            assertArrayEquals(a, b);
          }
          case 8 -> {
            long to = random.nextInt((int) lucene.length() + 1);
            lucene.seek(to);
            heap.seek(to);
          }
          case 9 -> {
            long at = random.nextInt((int) Math.max(1, lucene.length()));
            if (at + 8 <= lucene.length()) {
              assertEquals(luceneRandom.readLong(at), heapRandom.readLong(at));
              assertEquals(luceneRandom.readInt(at), heapRandom.readInt(at));
              assertEquals(luceneRandom.readShort(at), heapRandom.readShort(at));
              assertEquals(luceneRandom.readByte(at), heapRandom.readByte(at));
            }
          }
          default -> {
            int n = (int) Math.min(left, random.nextInt(40));
            byte[] a = new byte[n];
            byte[] b = new byte[n];
            lucene.readBytes(a, 0, n);
            heap.readBytes(b, 0, n);
            assertArrayEquals(a, b);
          }
        }
      } catch (EOFException e) {
        // Lucene's input ran out: so must the heap's, from the same position
        long at = lucene.getFilePointer();
        heap.seek(Math.min(at, heap.length()));
        lucene.seek(Math.min(at, lucene.length()));
        continue;
      }
      assertEquals(lucene.getFilePointer(), heap.getFilePointer(), "after operation " + kind);
    }
  }
}
