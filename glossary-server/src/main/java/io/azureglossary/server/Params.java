package io.azureglossary.server;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of a request's query string, parsed strictly: percent-encoded UTF-8 ({@code +} is
 * a space), each parameter at most once, only the names the endpoint takes, at most
 * {@link #MAX_PARAMETERS}. Anything else is a 400 that names the parameter.
 */
final class Params {
  /** More parameters than any endpoint takes, so a list of thousands is refused before it is read. */
  static final int MAX_PARAMETERS = 16;

  private final Map<String, String> values;

  private Params(Map<String, String> values) {
    this.values = values;
  }

  /**
   * Parses a raw (still percent-encoded) query string.
   *
   * @param raw the query string, or null for none
   * @param allowed the parameter names the endpoint takes, in the order its error message lists them
   */
  static Params parse(String raw, List<String> allowed) {
    Map<String, String> values = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return new Params(values);
    }
    int count = 1;
    for (int i = raw.indexOf('&'); i >= 0; i = raw.indexOf('&', i + 1)) {
      if (++count > MAX_PARAMETERS) { // counted before any is read: ten thousand are refused as cheaply as seventeen
        throw ApiException.badRequest("too many parameters (more than " + MAX_PARAMETERS + "); this endpoint takes "
            + String.join(", ", allowed));
      }
    }
    int from = 0;
    while (from <= raw.length()) {
      int amp = raw.indexOf('&', from);
      int end = amp < 0 ? raw.length() : amp;
      if (end > from) {
        int eq = raw.indexOf('=', from);
        String name;
        String value;
        if (eq < 0 || eq > end) {
          name = decode(raw, from, end, null);
          value = "";
        } else {
          name = decode(raw, from, eq, null);
          value = decode(raw, eq + 1, end, name);
        }
        if (!allowed.contains(name)) {
          throw ApiException.badRequest("unknown parameter '" + shorten(name) + "' (this endpoint takes "
              + String.join(", ", allowed) + ")");
        }
        if (values.putIfAbsent(name, value) != null) {
          throw ApiException.badRequest("parameter '" + name + "' is given more than once");
        }
      }
      if (amp < 0) {
        break;
      }
      from = amp + 1;
    }
    return new Params(values);
  }

  /** The value, or null when the parameter is absent. */
  String get(String name) {
    return values.get(name);
  }

  /** The value; a 400 naming the parameter when it is absent. */
  String required(String name) {
    String v = values.get(name);
    if (v == null) {
      throw ApiException.badRequest("missing parameter '" + name + "'");
    }
    return v;
  }

  /** An integer within bounds, {@code fallback} when absent; a 400 naming the range otherwise. */
  int integer(String name, int fallback, int min, int max) {
    String v = values.get(name);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.badRequest("parameter '" + name + "' must be a whole number from " + min + " to " + max
        + " (got '" + shorten(v) + "')");
  }

  /** A value from a closed set, compared exactly; null when absent; a 400 listing the set otherwise. */
  String oneOf(String name, Set<String> valid, List<String> inOrder) {
    String v = values.get(name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    if (!valid.contains(v)) {
      throw ApiException.badRequest("parameter '" + name + "' must be one of " + String.join(", ", inOrder)
          + " (got '" + shorten(v) + "')");
    }
    return v;
  }

  /** A value in a message: at most 60 characters. */
  static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }

  /** Percent-decodes {@code raw[from, to)} as UTF-8; a 400 naming the parameter when it is not. */
  private static String decode(String raw, int from, int to, String param) {
    boolean plain = true;
    for (int i = from; i < to; i++) {
      char c = raw.charAt(i);
      if (c == '%' || c == '+' || c > 0x7f) {
        plain = false;
        break;
      }
    }
    if (plain) {
      return raw.substring(from, to);
    }
    ByteBuffer bytes = ByteBuffer.allocate((to - from) * 3);
    for (int i = from; i < to; i++) {
      char c = raw.charAt(i);
      if (c == '+') {
        bytes.put((byte) ' ');
      } else if (c == '%') {
        int hi = i + 2 < to ? Character.digit(raw.charAt(i + 1), 16) : -1;
        int lo = i + 2 < to ? Character.digit(raw.charAt(i + 2), 16) : -1;
        if (hi < 0 || lo < 0) {
          throw ApiException.badRequest(what(param) + " has a '%' not followed by two hexadecimal digits");
        }
        bytes.put((byte) (hi << 4 | lo));
        i += 2;
      } else if (c > 0xff) {
        bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      } else if (c > 0x7f) { // the JDK server reads the request line as ISO-8859-1: one char per byte sent
        bytes.put((byte) c);
      } else {
        bytes.put((byte) c);
      }
    }
    bytes.flip();
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer chars = utf8.decode(bytes);
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw ApiException.badRequest(what(param) + " is not valid UTF-8 once percent-decoded");
    }
  }

  private static String what(String param) {
    return param == null ? "a parameter name" : "parameter '" + param + "'";
  }
}
