package io.azureglossary.corpus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON tree whose every value remembers where it started in the source, so validation can report
 * line:column. Jackson's own tree drops locations, hence this small reader over the streaming parser.
 * Columns count characters, not bytes, so they match what an editor shows on lines with non-ASCII text.
 */
final class LocatedJson {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .build();

  private LocatedJson() {}

  /** A parsed value with the line and column of its first character. */
  sealed interface Node permits Obj, Arr, Str, Other {
    int line();

    int column();

    /** A short name of the JSON type, for messages: object, array, string, number, boolean, null. */
    String type();
  }

  record Obj(int line, int column, Map<String, Node> fields, Map<String, int[]> keyLocations) implements Node {
    public String type() {
      return "object";
    }
  }

  record Arr(int line, int column, List<Node> items) implements Node {
    public String type() {
      return "array";
    }
  }

  record Str(int line, int column, String value) implements Node {
    public String type() {
      return "string";
    }
  }

  record Other(int line, int column, String type, String text) implements Node {}

  /** A syntax error: malformed JSON, a duplicate key, or trailing content. */
  static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;
    final int line;
    final int column;
    final String path;

    SyntaxError(String message, int line, int column, String path) {
      super(message);
      this.line = line;
      this.column = column;
      this.path = path;
    }
  }

  static Node parse(byte[] json) throws SyntaxError {
    try (JsonParser p = FACTORY.createParser(decode(json))) {
      try {
        JsonToken first = p.nextToken();
        if (first == null) {
          throw new SyntaxError("file is empty; expected a JSON object", 1, 1, "$");
        }
        Node root = read(p);
        if (p.nextToken() != null) {
          throw new SyntaxError("unexpected content after the end of the JSON object",
              p.currentTokenLocation().getLineNr(), p.currentTokenLocation().getColumnNr(), "$");
        }
        return root;
      } catch (StreamConstraintsException e) { // Jackson's limits: thrown with neither a location nor the parser
        JsonLocation loc = e.getLocation() != null ? e.getLocation() : p.currentLocation();
        throw new SyntaxError("beyond the JSON reader's limits: " + plain(String.valueOf(e.getOriginalMessage())),
            loc.getLineNr(), loc.getColumnNr(), pathOf(p.getParsingContext()));
      }
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      String path = e.getProcessor() instanceof JsonParser jp ? pathOf(jp.getParsingContext()) : "$";
      throw new SyntaxError("malformed JSON: " + e.getOriginalMessage(),
          loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(), path);
    } catch (IOException e) {
      throw new SyntaxError("cannot read JSON: " + e.getMessage(), 0, 0, "$");
    }
  }

  /**
   * A limit's message without Jackson's pointer to its own settings, first letter in lower case:
   * {@code number value length (5000) exceeds the maximum allowed (1000)}.
   */
  private static String plain(String message) {
    int from = message.indexOf(", from `");
    String m = from >= 0 && message.endsWith(")") ? message.substring(0, from) + ")" : message;
    return m.isEmpty() ? m : Character.toLowerCase(m.charAt(0)) + m.substring(1);
  }

  /** Strict UTF-8 decoding (a byte-oriented parser would count columns in bytes); drops a byte order mark. */
  private static String decode(byte[] json) throws SyntaxError {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
    ByteBuffer in = ByteBuffer.wrap(json);
    CharBuffer out = CharBuffer.allocate(json.length);
    CoderResult r = decoder.decode(in, out, true);
    if (r.isError()) {
      String before = new String(json, 0, in.position(), StandardCharsets.UTF_8);
      throw new SyntaxError("file is not valid UTF-8 (bad byte 0x" + Integer.toHexString(json[in.position()] & 0xff)
          + ")", (int) before.chars().filter(c -> c == '\n').count() + 1, before.length() - before.lastIndexOf('\n'),
          "$");
    }
    decoder.flush(out);
    String text = out.flip().toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /**
   * The JSON path of a parser position, such as {@code $.cli.commands[0].kind}; an array or object
   * just opened, with no item or key yet, is named by the path of the value it is.
   */
  private static String pathOf(JsonStreamContext context) {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray() && c.getEntryCount() > 0) {
        parts.push("[" + c.getCurrentIndex() + "]");
      } else if (c.getCurrentName() != null) {
        parts.push("." + c.getCurrentName());
      }
    }
    return "$" + String.join("", parts);
  }

  /**
   * Reads the value at the parser's current token. Paths are made only for problems, from the
   * parser's context: made for every value, a long key would be copied into each of its items' paths.
   */
  private static Node read(JsonParser p) throws IOException, SyntaxError {
    var loc = p.currentTokenLocation();
    int line = loc.getLineNr();
    int col = loc.getColumnNr();
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        Map<String, Node> fields = new LinkedHashMap<>();
        Map<String, int[]> keys = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          var kl = p.currentTokenLocation();
          int[] first = keys.get(name);
          if (first != null) {
            throw new SyntaxError("duplicate key '" + name + "' (first at " + first[0] + ":" + first[1] + ")",
                kl.getLineNr(), kl.getColumnNr(), pathOf(p.getParsingContext()));
          }
          keys.put(name, new int[] {kl.getLineNr(), kl.getColumnNr()});
          p.nextToken();
          fields.put(name, read(p));
        }
        return new Obj(line, col, fields, keys);
      }
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(read(p));
        }
        return new Arr(line, col, items);
      }
      case VALUE_STRING -> {
        return new Str(line, col, p.getText());
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return new Other(line, col, "number", p.getText());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new Other(line, col, "boolean", p.getText());
      }
      case VALUE_NULL -> {
        return new Other(line, col, "null", "null");
      }
      default -> throw new IllegalStateException("unexpected token " + t + " at " + pathOf(p.getParsingContext()));
    }
  }
}
