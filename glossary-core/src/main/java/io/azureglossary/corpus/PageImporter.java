package io.azureglossary.corpus;

import io.azureglossary.model.Term;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Turns a glossary page in the published plain-text layout into a {@link Term} that passes corpus
 * validation. The layout, one item per line, blank lines ignored:
 *
 * <pre>
 * Analytics Data Factory etl data-movement      category, service, then lowercase tags
 * Integration runtime                           the name
 * The integration runtime is ...                the definition
 * Aliases / Difficulty / CLI mappings / Last verified, each label followed by its value
 * Microsoft Learn                               optional: a summary, "Microsoft Learn: TITLEyyyy-mm-dd", a URL
 * Technical context, Why it matters             prose
 * Where you see it                              an intro, then "Signal 01" and its text, ...
 * When this becomes relevant                    an intro, then "  • " bullets
 * Real-world case studies                       optional: "Case study 01", title, Scenario, ...
 * Why use Azure CLI for this?, CLI use cases, Before you run CLI, What output tells you   optional
 * Mapped Azure CLI commands                     optional: a command line, then GROUPkindCategory
 * Architecture context                          optional prose
 * Security, Cost, Reliability, Performance, Operations   prose
 * Common mistakes                               bullets
 * </pre>
 *
 * <p>The Microsoft Learn summary, the intros and the generic CLI advice are not kept. The result is
 * written as JSON with {@link TermJson} and read back through the corpus loader before it is
 * returned, so an imported term always passes {@code glossary validate} on its own.
 */
public final class PageImporter {
  private PageImporter() {}

  /**
   * An imported page: the term, and warnings about the page that did not stop the import, each as
   * {@code file:line: warning: ...} (for example a {@code CLI mappings} count that does not match the
   * commands listed).
   *
   * @param term the term, valid on its own
   * @param warnings the warnings, in page order; may be empty
   */
  public record Imported(Term term, List<String> warnings) {
    /** Copies the warnings. */
    public Imported {
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * Imports a page, taking the term's id from its name ({@link #slug}).
   *
   * @param fileName the page's file name, used in messages
   * @param text the page's whole text
   * @return the term and the warnings
   * @throws PageFormatException listing every problem of the page (see {@link #importPage(String, String, String)})
   */
  public static Imported importPage(String fileName, String text) throws PageFormatException {
    return importPage(fileName, text, null);
  }

  /**
   * Imports a page.
   *
   * @param fileName the page's file name, used in messages
   * @param text the page's whole text
   * @param id the term's id, or null to derive it from the name
   * @return the term and the warnings
   * @throws PageFormatException listing every problem of the page, or every line with a control
   *     character (the corpus refuses them) before anything else is read
   * @throws IllegalArgumentException if {@code id} is not a lowercase slug of at most 100 characters
   */
  public static Imported importPage(String fileName, String text, String id) throws PageFormatException {
    if (id != null && id.length() > TermReader.MAX_ID_LENGTH) {
      throw new IllegalArgumentException("id of " + id.length() + " characters is too long (at most "
          + TermReader.MAX_ID_LENGTH + ")");
    }
    if (id != null && !TermReader.isSlug(id)) {
      throw new IllegalArgumentException("id '" + id + "' is not a lowercase slug (letters, digits, single hyphens)");
    }
    Imported imported = new PageParser(fileName, text).parse(id);
    Term term = imported.term();
    byte[] json = TermJson.write(term).getBytes(StandardCharsets.UTF_8);
    TermReader.Result r = TermReader.read(term.id() + ".json", term.id(), json);
    List<String> errors = r.problems().stream().filter(CorpusProblem::isError)
        .map(p -> fileName + ": the imported term fails validation: " + p.path() + ": " + p.message()).toList();
    if (!errors.isEmpty()) {
      throw new PageFormatException(errors);
    }
    if (!term.equals(r.term())) {
      throw new IllegalStateException("term '" + term.id() + "' does not survive a JSON round trip");
    }
    return imported;
  }

  /** Whether a word is a slug short enough to be an id or a tag. */
  static boolean isSlug(String word) {
    return word.length() <= TermReader.MAX_ID_LENGTH && TermReader.isSlug(word);
  }

  /**
   * The id a name gives: lowercase ASCII letters and digits, every other run of characters a single
   * hyphen, accents dropped ({@code "Azure SQL Database"} gives {@code azure-sql-database}). Empty
   * if the name has no letter or digit.
   */
  static String slug(String name) {
    String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }
}
