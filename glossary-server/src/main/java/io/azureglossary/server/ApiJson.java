package io.azureglossary.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.azureglossary.search.Highlight;
import io.azureglossary.search.Hit;
import io.azureglossary.search.SearchResponse;
import io.azureglossary.search.Suggestion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The JSON contract of search results and completions, written the same way by the HTTP API
 * ({@code /api/search}, {@code /api/suggest}) and the command line ({@code glossary search --json},
 * {@code glossary suggest --json}).
 *
 * <p>A search is {@code {"query", "total", "tookMicros", "results": [{"id", "name", "service",
 * "category", "difficulty", "score", "highlights": [{"section", "text"}], "explanation"?}],
 * "didYouMean", "matching", "relaxed", "truncated", "facets": {"category": {NAME: COUNT},
 * "service": {NAME: COUNT}}}}: {@code explanation} only when the request asked for one,
 * {@code didYouMean} and {@code matching} null when there is none, highlight texts HTML with the
 * matches in {@code <mark>} and everything else escaped. Completions are {@code {"prefix",
 * "suggestions": [{"text", "id", "name"}]}}.
 */
public final class ApiJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private ApiJson() {}

  /**
   * A search response as JSON.
   *
   * @param r the response
   * @param pretty indented (as the command line prints it) rather than compact (as the API sends it)
   * @return the JSON text, UTF-8 encoded
   */
  public static byte[] search(SearchResponse r, boolean pretty) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(2048 + 1024 * r.results().size());
    try (JsonGenerator g = generator(out, pretty)) {
      g.writeStartObject();
      g.writeStringField("query", r.query());
      g.writeNumberField("total", r.total());
      g.writeNumberField("tookMicros", r.tookMicros());
      g.writeArrayFieldStart("results");
      for (Hit h : r.results()) {
        g.writeStartObject();
        g.writeStringField("id", h.id());
        g.writeStringField("name", h.name());
        g.writeStringField("service", h.service());
        g.writeStringField("category", h.category());
        g.writeStringField("difficulty", h.difficulty());
        g.writeNumberField("score", h.score());
        g.writeArrayFieldStart("highlights");
        for (Highlight hl : h.highlights()) {
          g.writeStartObject();
          g.writeStringField("section", hl.section());
          g.writeStringField("text", hl.text());
          g.writeEndObject();
        }
        g.writeEndArray();
        if (h.explanation() != null) {
          g.writeStringField("explanation", h.explanation());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeStringField("didYouMean", r.didYouMean());
      g.writeStringField("matching", r.matching());
      g.writeBooleanField("relaxed", r.relaxed());
      g.writeBooleanField("truncated", r.truncated());
      g.writeObjectFieldStart("facets");
      counts(g, "category", r.facets().category());
      counts(g, "service", r.facets().service());
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return out.toByteArray();
  }

  /**
   * Completions as JSON.
   *
   * @param prefix the prefix as requested
   * @param suggestions the completions, best first
   * @param pretty indented rather than compact
   * @return the JSON text, UTF-8 encoded
   */
  public static byte[] suggestions(String prefix, List<Suggestion> suggestions, boolean pretty) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128 + 96 * suggestions.size());
    try (JsonGenerator g = generator(out, pretty)) {
      g.writeStartObject();
      g.writeStringField("prefix", prefix);
      g.writeArrayFieldStart("suggestions");
      for (Suggestion s : suggestions) {
        g.writeStartObject();
        g.writeStringField("text", s.text());
        g.writeStringField("id", s.id());
        g.writeStringField("name", s.name());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** An object of string fields and number fields, in the order given; values are strings, numbers or null. */
  static byte[] object(Map<String, ?> fields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    try (JsonGenerator g = generator(out, false)) {
      g.writeStartObject();
      for (Map.Entry<String, ?> e : fields.entrySet()) {
        Object v = e.getValue();
        if (v == null) {
          g.writeNullField(e.getKey());
        } else if (v instanceof Integer i) {
          g.writeNumberField(e.getKey(), i);
        } else if (v instanceof Long l) {
          g.writeNumberField(e.getKey(), l);
        } else if (v instanceof List<?> list) {
          g.writeArrayFieldStart(e.getKey());
          for (Object o : list) {
            g.writeString(String.valueOf(o));
          }
          g.writeEndArray();
        } else {
          g.writeStringField(e.getKey(), v.toString());
        }
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The bytes as a string, for callers that print. */
  static String text(byte[] json) {
    return new String(json, StandardCharsets.UTF_8);
  }

  private static JsonGenerator generator(ByteArrayOutputStream out, boolean pretty) throws IOException {
    JsonGenerator g = FACTORY.createGenerator(out);
    return pretty ? g.useDefaultPrettyPrinter() : g;
  }

  private static void counts(JsonGenerator g, String name, Map<String, Integer> counts) throws IOException {
    g.writeObjectFieldStart(name);
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
  }
}
