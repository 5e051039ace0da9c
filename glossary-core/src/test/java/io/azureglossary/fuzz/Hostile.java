package io.azureglossary.fuzz;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/**
 * Building blocks of hostile input for the fuzz tests ({@code QueryFuzzTest}, {@code TermFuzzTest},
 * {@code PageFuzzTest}), and the checks they share. Every generator is a pure function of its
 * arguments, so an input the fuzzer found is replayed exactly.
 */
public final class Hostile {
  private Hostile() {}

  /** Every character Lucene's classic query syntax gives a meaning to. */
  public static final String LUCENE_SYNTAX = "+-&|!(){}[]^\"~*?:\\/";

  /**
   * Characters that must never reach the index or break a one-line message: NUL, the index's own
   * separators U+001F and U+001E, bell, escape, the Unicode line breaks, invisible format characters.
   */
  public static final List<String> CONTROLS = List.of("\u0000", "\u001f", "\u001e", "\u0007", "\u001b", "\u0085",
      "\u2028", "\u2029", "\u200b", "\ufeff", "\u00a0", "\r", "\n", "\t", "\u007f", "\u0008");

  /** Emoji, a flag (two regional indicators) and a joined family: several chars, several code points. */
  public static final List<String> EMOJI = List.of("🙂", "🇩🇪", "👨‍👩‍👧", "🔥", "☁️");

  /**
   * Each call stays under this much CPU time of its thread, to catch blow-ups without being flaky;
   * speed itself is proven by the benchmarks. CPU time, not wall time: on a shared 2-core machine
   * under load a 0.5 s search can take 4 s of wall time.
   */
  public static final Duration TIME_BOUND = Duration.ofSeconds(2);

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** {@code n >= 0} copies of {@code s}. */
  public static String repeat(String s, int n) {
    return s.repeat(Math.max(0, n));
  }

  /** {@code n} copies of one ASCII letter, {@code which} choosing it. */
  public static String letters(int n, int which) {
    return repeat(String.valueOf((char) ('a' + Math.floorMod(which, 26))), n);
  }

  /** {@code n} CJK ideographs (3 bytes each in UTF-8), cycling through a few. */
  public static String cjk(int n) {
    String chars = "漢字検索語";
    StringBuilder sb = new StringBuilder(Math.max(0, n));
    for (int i = 0; i < n; i++) {
      sb.append(chars.charAt(i % chars.length()));
    }
    return sb.toString();
  }

  /** {@code parts} parts of {@code partLength} letters joined by hyphens: 150 two-letter parts make 449 characters. */
  public static String hyphenChain(int parts, int partLength) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < parts; i++) {
      if (i > 0) {
        sb.append('-');
      }
      for (int j = 0; j < Math.max(1, partLength); j++) {
        sb.append((char) ('a' + (i + j) % 26));
      }
    }
    return sb.toString();
  }

  /** {@code n} printable ASCII characters, half of them from {@link #LUCENE_SYNTAX}. */
  public static String printable(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder(Math.max(0, n));
    for (int i = 0; i < n; i++) {
      sb.append(r.nextBoolean() ? LUCENE_SYNTAX.charAt(r.nextInt(LUCENE_SYNTAX.length())) : (char) r.nextInt(0x20, 0x7f));
    }
    return sb.toString();
  }

  /** {@code n} characters of {@link #CONTROLS}. */
  public static String controls(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(CONTROLS.get(r.nextInt(CONTROLS.size())));
    }
    return sb.toString();
  }

  /** A high (even {@code which}) or low half of a surrogate pair on its own. */
  public static String loneSurrogate(int which) {
    return Math.floorMod(which, 2) == 0 ? "\ud83d" : "\ude42";
  }

  /** {@code n} emoji of {@link #EMOJI}. */
  public static String emoji(int n, int which) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(EMOJI.get(Math.floorMod(which + i, EMOJI.size())));
    }
    return sb.toString();
  }

  /**
   * Decodes UTF-8 that may also encode lone surrogates (WTF-8: {@code ED A0 80} is U+D800 on its
   * own), so a seed file can hold any Java string; a byte that starts no valid sequence is read as
   * the Latin-1 character of the same value, so every byte array is some text.
   */
  public static String wtf8(byte[] b) {
    StringBuilder sb = new StringBuilder(b.length);
    int i = 0;
    while (i < b.length) {
      int c = b[i] & 0xff;
      int need = c >= 0xf0 && c <= 0xf4 ? 3 : c >= 0xe0 ? (c <= 0xef ? 2 : -1) : c >= 0xc2 && c <= 0xdf ? 1 : 0;
      if (need > 0 && continuation(b, i + 1, need)) {
        int cp = need == 1 ? c & 0x1f : need == 2 ? c & 0x0f : c & 0x07;
        for (int k = 1; k <= need; k++) {
          cp = (cp << 6) | (b[i + k] & 0x3f);
        }
        boolean minimal = need == 1 || (need == 2 && cp >= 0x800) || (need == 3 && cp >= 0x10000 && cp <= 0x10ffff);
        if (minimal) {
          sb.appendCodePoint(cp); // surrogates included: that is the point
          i += need + 1;
          continue;
        }
      }
      sb.append((char) c);
      i++;
    }
    return sb.toString();
  }

  private static boolean continuation(byte[] b, int from, int n) {
    if (from + n > b.length) {
      return false;
    }
    for (int k = 0; k < n; k++) {
      if ((b[from + k] & 0xc0) != 0x80) {
        return false;
      }
    }
    return true;
  }

  /** The inverse of {@link #wtf8(byte[])} for any Java string, lone surrogates included. */
  public static byte[] toWtf8(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i); // a lone surrogate comes back as itself
      i += Character.charCount(cp);
      if (cp < 0x80) {
        out.write(cp);
      } else if (cp < 0x800) {
        out.write(0xc0 | cp >> 6);
        out.write(0x80 | cp & 0x3f);
      } else if (cp < 0x10000) {
        out.write(0xe0 | cp >> 12);
        out.write(0x80 | cp >> 6 & 0x3f);
        out.write(0x80 | cp & 0x3f);
      } else {
        out.write(0xf0 | cp >> 18);
        out.write(0x80 | cp >> 12 & 0x3f);
        out.write(0x80 | cp >> 6 & 0x3f);
        out.write(0x80 | cp & 0x3f);
      }
    }
    return out.toByteArray();
  }

  /**
   * An input as a failure message shows it: its length and its first and last characters with
   * everything outside printable ASCII escaped, so that a 40,000-character input stays readable.
   */
  public static String describe(String s) {
    if (s == null) {
      return "null";
    }
    String shown = s.length() <= 160 ? escape(s) : escape(s.substring(0, 100)) + " ... " + escape(s.substring(s.length() - 40));
    return s.length() + " chars: \"" + shown + "\"";
  }

  /** Printable ASCII as it is, everything else as {@code \\uXXXX}. */
  public static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x7f && c != '\\') {
        sb.append(c);
      } else {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      }
    }
    return sb.toString();
  }

  /** An exception as a failure message names it: its class and the start of its message. */
  public static String brief(Throwable e) {
    String m = e.getMessage();
    return e.getClass().getName() + (m == null ? "" : ": " + (m.length() <= 300 ? m : m.substring(0, 300) + "..."));
  }

  /**
   * The failure for an exception that the contract does not allow: an AssertionError saying what
   * was being done, caused by it. A {@link VirtualMachineError} (a stack overflow) is returned
   * itself with that AssertionError attached as suppressed, so that Jazzer deduplicates it by its
   * repeating frames as it does every stack overflow.
   */
  public static Error unexpected(String what, Throwable e) {
    if (e instanceof VirtualMachineError v) {
      v.addSuppressed(new AssertionError(what + " " + v.getClass().getName()));
      return v;
    }
    return new AssertionError(what + " " + brief(e), e);
  }

  /** {@code folder/terms}, created or emptied: each fuzzed corpus holds the one file under test. */
  public static java.nio.file.Path emptyTermsFolder(java.nio.file.Path folder) throws java.io.IOException {
    java.nio.file.Path terms = folder.resolve("terms");
    if (java.nio.file.Files.isDirectory(terms)) {
      try (var old = java.nio.file.Files.list(terms)) {
        for (java.nio.file.Path p : old.toList()) {
          java.nio.file.Files.delete(p);
        }
      }
    }
    return java.nio.file.Files.createDirectories(terms);
  }

  /**
   * Runs a call and fails when it took more than {@link #TIME_BOUND} of this thread's CPU time (wall
   * time where the JVM cannot measure that), whether it returned or threw: a refusal that takes ten
   * seconds is a blow-up too. Otherwise the call's own exceptions pass through unchanged, for the
   * caller to judge.
   */
  public static <T> T timed(String what, Callable<T> call) throws Exception {
    long wall = System.nanoTime();
    long cpu = cpuNanos();
    T result;
    try {
      result = call.call();
    } catch (Exception | Error e) {
      checkTime(what, wall, cpu, e);
      throw e;
    }
    checkTime(what, wall, cpu, null);
    return result;
  }

  private static long cpuNanos() {
    return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
  }

  private static void checkTime(String what, long wallStart, long cpuStart, Throwable thrown) {
    long wallMillis = (System.nanoTime() - wallStart) / 1_000_000;
    long cpuMillis = cpuStart < 0 ? wallMillis : (cpuNanos() - cpuStart) / 1_000_000;
    if (cpuMillis > TIME_BOUND.toMillis()) {
      throw new AssertionError(what + " took " + cpuMillis + " ms of CPU time (" + wallMillis + " ms wall; bound "
          + TIME_BOUND.toMillis() + " ms)" + (thrown == null ? "" : " and then threw " + brief(thrown)), thrown);
    }
  }
}
