package io.azureglossary.corpus;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.azureglossary.model.CaseStudy;
import io.azureglossary.model.Cli;
import io.azureglossary.model.CliCommand;
import io.azureglossary.model.Source;
import io.azureglossary.model.Term;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.CopyOption;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * Writes a {@link Term} as a corpus file ({@code terms/<id>.json}): fields in the order of
 * {@code term.schema.json}, two-space indentation with one array item per line, non-ASCII text as
 * is, and a final newline; save it as UTF-8, or let {@link #writeFile} save it whole or not at all.
 * Optional fields the term does not have ({@code tags}, {@code source} and its {@code url} and
 * {@code date}, {@code caseStudies}, {@code cli}, {@code architecture}) are left out, so the corpus
 * loader reads the output back as an equal term.
 */
public final class TermJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter WRITER;

  static {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withArrayEmptySeparator("")
        .withObjectEmptySeparator("");
    WRITER = MAPPER.writer(new DefaultPrettyPrinter(separators)
        .withObjectIndenter(indenter).withArrayIndenter(indenter));
  }

  private TermJson() {}

  /**
   * The term as the text of a corpus file, in the layout described above.
   *
   * @param term the term to write
   * @return the JSON text
   */
  public static String write(Term term) {
    ObjectNode o = MAPPER.createObjectNode();
    put(o, "id", term.id());
    put(o, "name", term.name());
    strings(o, "aliases", term.aliases());
    put(o, "service", term.service());
    put(o, "category", term.category());
    if (!term.tags().isEmpty()) {
      strings(o, "tags", term.tags());
    }
    put(o, "difficulty", term.difficulty().label());
    put(o, "lastVerified", term.lastVerified().toString());
    if (term.source() != null) {
      Source s = term.source();
      ObjectNode so = o.putObject("source");
      put(so, "title", s.title());
      put(so, "url", s.url());
      put(so, "date", s.date() == null ? null : s.date().toString());
    }
    put(o, "definition", term.definition());
    put(o, "technicalContext", term.technicalContext());
    put(o, "whyItMatters", term.whyItMatters());
    strings(o, "whereYouSeeIt", term.whereYouSeeIt());
    strings(o, "whenRelevant", term.whenRelevant());
    if (!term.caseStudies().isEmpty()) {
      ArrayNode cases = o.putArray("caseStudies");
      for (CaseStudy c : term.caseStudies()) {
        ObjectNode co = cases.addObject();
        put(co, "title", c.title());
        put(co, "scenario", c.scenario());
        strings(co, "objectives", c.objectives());
        put(co, "solution", c.solution());
        strings(co, "results", c.results());
        put(co, "takeaway", c.takeaway());
      }
    }
    if (!term.cli().equals(Cli.NONE)) {
      ObjectNode cli = o.putObject("cli");
      if (!term.cli().useCases().isEmpty()) {
        strings(cli, "useCases", term.cli().useCases());
      }
      ArrayNode commands = cli.putArray("commands");
      for (CliCommand c : term.cli().commands()) {
        commands.addObject().put("command", c.command()).put("kind", c.kind().label());
      }
    }
    put(o, "architecture", term.architecture());
    put(o, "security", term.security());
    put(o, "cost", term.cost());
    put(o, "reliability", term.reliability());
    put(o, "performance", term.performance());
    put(o, "operations", term.operations());
    strings(o, "commonMistakes", term.commonMistakes());
    try {
      return WRITER.writeValueAsString(o) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write term '" + term.id() + "' as JSON", e);
    }
  }

  /**
   * Writes the term's corpus file (UTF-8), whole or not at all: the text goes to a temporary file in
   * the same folder ({@code .<name>.<random>.tmp}), which is then renamed to {@code file} in one
   * step. On any failure the temporary file is deleted and {@code file} is left as it was. Nothing
   * is forced to disk (no fsync): that guards against a failed write, not against a power cut.
   *
   * @param term the term to write
   * @param file the corpus file to write, normally {@code <id>.json}
   * @param replace whether an existing {@code file} may be replaced
   * @throws IOException if the file cannot be written; {@code file} is then unchanged
   * @throws FileAlreadyExistsException if {@code file} exists and {@code replace} is false
   */
  public static void writeFile(Term term, Path file, boolean replace) throws IOException {
    writeFile(write(term).getBytes(StandardCharsets.UTF_8), file, replace, out -> out);
  }

  /** {@link #writeFile(Term, Path, boolean)}; {@code wrap} wraps the output stream, so tests can make it fail. */
  static void writeFile(byte[] bytes, Path file, boolean replace, UnaryOperator<OutputStream> wrap) throws IOException {
    if (!replace && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new FileAlreadyExistsException(file.toString());
    }
    String random = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
    Path tmp = file.resolveSibling("." + file.getFileName() + "." + random + ".tmp");
    // CREATE_NEW, not Files.createTempFile: that one makes the file private (rw-------)
    OutputStream raw = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    try {
      try (raw; OutputStream out = wrap.apply(raw)) {
        out.write(bytes);
      }
      // without REPLACE_EXISTING a file made since the check above may still be replaced: rename(2) does
      CopyOption[] options = replace ? new CopyOption[] {ATOMIC_MOVE, REPLACE_EXISTING} : new CopyOption[] {ATOMIC_MOVE};
      Files.move(tmp, file, options);
    } catch (Throwable e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** Puts a string field, leaving it out when the value is null. */
  private static void put(ObjectNode o, String key, String value) {
    if (value != null) {
      o.put(key, value);
    }
  }

  private static void strings(ObjectNode o, String key, List<String> values) {
    ArrayNode a = o.putArray(key);
    values.forEach(a::add);
  }
}
