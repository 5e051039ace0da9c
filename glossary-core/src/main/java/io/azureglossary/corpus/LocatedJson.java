package io.azureglossary.corpus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON tree whose every value remembers where it started in the source, so validation can report
 * line:column. Jackson's own tree drops locations, hence this small reader over the streaming parser.
 */
final class LocatedJson {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
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
    try (JsonParser p = FACTORY.createParser(json)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new SyntaxError("file is empty; expected a JSON object", 1, 1, "$");
      }
      Node root = read(p, "$");
      if (p.nextToken() != null) {
        throw new SyntaxError("unexpected content after the end of the JSON object",
            p.currentTokenLocation().getLineNr(), p.currentTokenLocation().getColumnNr(), "$");
      }
      return root;
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      String path = pathOf(e);
      throw new SyntaxError("malformed JSON: " + e.getOriginalMessage(),
          loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(), path);
    } catch (IOException e) {
      throw new SyntaxError("cannot read JSON: " + e.getMessage(), 0, 0, "$");
    }
  }

  private static String pathOf(JsonProcessingException e) {
    if (e.getProcessor() instanceof JsonParser jp) {
      return "$" + jp.getParsingContext().pathAsPointer().toString().replace('/', '.');
    }
    return "$";
  }

  private static Node read(JsonParser p, String path) throws IOException {
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
          keys.put(name, new int[] {kl.getLineNr(), kl.getColumnNr()});
          p.nextToken();
          fields.put(name, read(p, path + "." + name));
        }
        return new Obj(line, col, fields, keys);
      }
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(read(p, path + "[" + i++ + "]"));
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
      default -> throw new IllegalStateException("unexpected token " + t + " at " + path);
    }
  }
}
