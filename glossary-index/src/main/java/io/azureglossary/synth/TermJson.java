package io.azureglossary.synth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.azureglossary.model.CaseStudy;
import io.azureglossary.model.CliCommand;
import io.azureglossary.model.Source;
import io.azureglossary.model.Term;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes a {@link Term} as a corpus file: the fields in the order of {@code term.schema.json},
 * optional fields omitted when absent or empty, two-space indentation, a final newline. What it
 * writes reads back, through the strict loader, as an equal {@code Term}.
 */
final class TermJson {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();
  private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(
      Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private TermJson() {}

  /** The UTF-8 bytes of a term's corpus file. */
  static byte[] bytes(Term t) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.setPrettyPrinter(PRETTY);
      write(g, t);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  private static void write(JsonGenerator g, Term t) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", t.id());
    g.writeStringField("name", t.name());
    strings(g, "aliases", t.aliases(), true);
    g.writeStringField("service", t.service());
    g.writeStringField("category", t.category());
    strings(g, "tags", t.tags(), false);
    g.writeStringField("difficulty", t.difficulty().label());
    g.writeStringField("lastVerified", t.lastVerified().toString());
    source(g, t.source());
    text(g, "definition", t.definition());
    text(g, "technicalContext", t.technicalContext());
    text(g, "whyItMatters", t.whyItMatters());
    strings(g, "whereYouSeeIt", t.whereYouSeeIt(), true);
    strings(g, "whenRelevant", t.whenRelevant(), true);
    if (!t.caseStudies().isEmpty()) {
      g.writeArrayFieldStart("caseStudies");
      for (CaseStudy c : t.caseStudies()) {
        g.writeStartObject();
        g.writeStringField("title", c.title());
        g.writeStringField("scenario", c.scenario());
        strings(g, "objectives", c.objectives(), true);
        g.writeStringField("solution", c.solution());
        strings(g, "results", c.results(), true);
        g.writeStringField("takeaway", c.takeaway());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    if (!t.cli().commands().isEmpty() || !t.cli().useCases().isEmpty()) {
      g.writeObjectFieldStart("cli");
      strings(g, "useCases", t.cli().useCases(), false);
      g.writeArrayFieldStart("commands");
      for (CliCommand c : t.cli().commands()) {
        g.writeStartObject();
        g.writeStringField("command", c.command());
        g.writeStringField("kind", c.kind().label());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    text(g, "architecture", t.architecture());
    text(g, "security", t.security());
    text(g, "cost", t.cost());
    text(g, "reliability", t.reliability());
    text(g, "performance", t.performance());
    text(g, "operations", t.operations());
    strings(g, "commonMistakes", t.commonMistakes(), true);
    g.writeEndObject();
  }

  private static void source(JsonGenerator g, Source s) throws IOException {
    if (s == null) {
      return;
    }
    g.writeObjectFieldStart("source");
    g.writeStringField("title", s.title());
    if (s.url() != null) {
      g.writeStringField("url", s.url());
    }
    if (s.date() != null) {
      g.writeStringField("date", s.date().toString());
    }
    g.writeEndObject();
  }

  private static void text(JsonGenerator g, String field, String value) throws IOException {
    if (value != null) {
      g.writeStringField(field, value);
    }
  }

  private static void strings(JsonGenerator g, String field, List<String> values, boolean required) throws IOException {
    if (values.isEmpty() && !required) {
      return;
    }
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
