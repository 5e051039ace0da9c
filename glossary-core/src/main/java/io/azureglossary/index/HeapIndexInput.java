package io.azureglossary.index;

import java.io.EOFException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.RandomAccessInput;

/**
 * An index file held in a region of a heap byte array, read directly: a read is an array access,
 * a slice or clone shares the array. Lucene's {@code ByteBuffersIndexInput} goes through a list of
 * buffers for every byte and builds a description string for every slice, and a search opens many
 * slices (one per term looked up); on the bundled glossary that was about a sixth of a search's CPU
 * time. Group-varint blocks of postings are read through {@link RandomAccessInput}, which
 * Lucene's decoder uses when an input offers it. Little-endian, as Lucene's files are. Not thread-safe, like every {@link IndexInput}; clones
 * are independent.
 */
final class HeapIndexInput extends IndexInput implements RandomAccessInput {
  private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final byte[] bytes;
  /** The input this one is a slice of, for {@link #toString()}; null for a whole file. */
  private final HeapIndexInput parent;
  /** Where the file (or slice) starts in {@link #bytes}. */
  private final int start;
  private final int length;
  /** The read position, relative to {@link #start}. */
  private int pos;

  HeapIndexInput(String description, byte[] bytes, int start, int length) {
    this(description, null, bytes, start, length);
  }

  private HeapIndexInput(String description, HeapIndexInput parent, byte[] bytes, int start, int length) {
    super(description);
    this.parent = parent;
    if (start < 0 || length < 0 || start > bytes.length - length) {
      throw new IllegalArgumentException("region " + start + "+" + length + " outside " + bytes.length + " bytes");
    }
    this.bytes = bytes;
    this.start = start;
    this.length = length;
  }

  private void need(int n) throws EOFException {
    if (n > length - pos) {
      throw new EOFException("read past EOF: " + this + " (position " + pos + ", " + n + " bytes wanted, length " + length + ")");
    }
  }

  private int at(long p, int n) throws EOFException {
    if (p < 0 || p > length - n) {
      throw new EOFException("read past EOF: " + this + " (position " + p + ", " + n + " bytes wanted, length " + length + ")");
    }
    return start + (int) p;
  }

  @Override
  public byte readByte() throws IOException {
    if (pos >= length) {
      need(1);
    }
    return bytes[start + pos++];
  }

  @Override
  public void readBytes(byte[] b, int offset, int len) throws IOException {
    need(len);
    System.arraycopy(bytes, start + pos, b, offset, len);
    pos += len;
  }

  @Override
  public short readShort() throws IOException {
    need(Short.BYTES);
    short v = (short) SHORT.get(bytes, start + pos);
    pos += Short.BYTES;
    return v;
  }

  @Override
  public int readInt() throws IOException {
    need(Integer.BYTES);
    int v = (int) INT.get(bytes, start + pos);
    pos += Integer.BYTES;
    return v;
  }

  @Override
  public long readLong() throws IOException {
    need(Long.BYTES);
    long v = (long) LONG.get(bytes, start + pos);
    pos += Long.BYTES;
    return v;
  }

  @Override
  public void readInts(int[] dst, int offset, int len) throws IOException {
    need(len * Integer.BYTES);
    int p = start + pos;
    for (int i = 0; i < len; i++, p += Integer.BYTES) {
      dst[offset + i] = (int) INT.get(bytes, p);
    }
    pos += len * Integer.BYTES;
  }

  @Override
  public void readLongs(long[] dst, int offset, int len) throws IOException {
    need(len * Long.BYTES);
    int p = start + pos;
    for (int i = 0; i < len; i++, p += Long.BYTES) {
      dst[offset + i] = (long) LONG.get(bytes, p);
    }
    pos += len * Long.BYTES;
  }

  @Override
  public void readFloats(float[] dst, int offset, int len) throws IOException {
    need(len * Float.BYTES);
    int p = start + pos;
    for (int i = 0; i < len; i++, p += Float.BYTES) {
      dst[offset + i] = Float.intBitsToFloat((int) INT.get(bytes, p));
    }
    pos += len * Float.BYTES;
  }

  @Override
  public long getFilePointer() {
    return pos;
  }

  @Override
  public void seek(long p) throws IOException {
    if (p < 0 || p > length) {
      throw new EOFException("seek outside the file: " + this + " (position " + p + ", length " + length + ")");
    }
    pos = (int) p;
  }

  @Override
  public long length() {
    return length;
  }

  @Override
  public IndexInput slice(String description, long offset, long len) throws IOException {
    if (offset < 0 || len < 0 || offset > length - len) {
      throw new IllegalArgumentException("slice " + offset + "+" + len + " outside " + this + " (length " + length + ")");
    }
    // the full description is only built when asked for: a search opens a slice per term it looks up
    return new HeapIndexInput(description, this, bytes, start + (int) offset, (int) len);
  }

  @Override
  public HeapIndexInput clone() {
    return (HeapIndexInput) super.clone();
  }

  @Override
  public RandomAccessInput randomAccessSlice(long offset, long len) throws IOException {
    return (RandomAccessInput) slice("randomaccess", offset, len);
  }

  @Override
  public byte readByte(long p) throws IOException {
    return bytes[at(p, 1)];
  }

  @Override
  public void readBytes(long p, byte[] b, int offset, int len) throws IOException {
    System.arraycopy(bytes, at(p, len), b, offset, len);
  }

  @Override
  public short readShort(long p) throws IOException {
    return (short) SHORT.get(bytes, at(p, Short.BYTES));
  }

  @Override
  public int readInt(long p) throws IOException {
    return (int) INT.get(bytes, at(p, Integer.BYTES));
  }

  @Override
  public long readLong(long p) throws IOException {
    return (long) LONG.get(bytes, at(p, Long.BYTES));
  }

  @Override
  public String toString() {
    return parent == null ? super.toString() : parent + " [slice=" + super.toString() + "]";
  }

  @Override
  public void close() {}
}
