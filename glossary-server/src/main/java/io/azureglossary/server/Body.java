package io.azureglossary.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A response body: its bytes, content type, and for a cacheable one its entity tag.
 *
 * @param bytes the body
 * @param contentType the {@code Content-Type}
 * @param etag the quoted {@code ETag}, or null when the body is not meant to be cached
 */
record Body(byte[] bytes, String contentType, String etag) {
  static final String JSON = "application/json; charset=utf-8";
  static final String HTML = "text/html; charset=utf-8";

  /** Bodies smaller than this are sent as they are: gzip would save little and cost a frame. */
  static final int GZIP_MIN = 1024;

  static Body json(byte[] bytes) {
    return new Body(bytes, JSON, null);
  }

  /** A body with an entity tag computed from its bytes. */
  static Body tagged(byte[] bytes, String contentType) {
    return new Body(bytes, contentType, etag(bytes));
  }

  static Body text(String s, String contentType) {
    return new Body(s.getBytes(StandardCharsets.UTF_8), contentType, null);
  }

  /** A strong entity tag: the first 16 bytes of the SHA-256 of the body, in hex, quoted. */
  static String etag(byte[] bytes) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
      return "\"" + HexFormat.of().formatHex(d, 0, 16) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** The bytes gzipped, at the fastest level: a search's JSON is 2 to 8 KB and gzip's share should stay small. */
  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
    try (GZIPOutputStream z = new GZIPOutputStream(out, 4096) {
      {
        def.setLevel(Deflater.BEST_SPEED);
      }
    }) {
      z.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
