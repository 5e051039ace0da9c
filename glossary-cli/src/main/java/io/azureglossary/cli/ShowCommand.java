package io.azureglossary.cli;

import io.azureglossary.corpus.TermJson;
import io.azureglossary.model.CaseStudy;
import io.azureglossary.model.CliCommand;
import io.azureglossary.model.Source;
import io.azureglossary.model.Term;
import io.azureglossary.search.Glossary;
import io.azureglossary.search.Suggestion;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code glossary show ID}: one term's whole entry, for a person (its sections in the order and
 * under the headings of the published glossary pages) or, with {@code --json}, as its corpus file.
 * An unknown id is one line on stderr, with the closest term when there is one, and exit code 1.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = "Print a term's whole entry, its sections in the published order.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:the term was printed",
        "1:no term has this id (the closest one is named, when there is one)",
        "2:usage or I/O error"})
final class ShowCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "The term's id, as search shows it in brackets (integration-runtime).")
  String id;

  @Option(names = "--json", description = "Print the term as its corpus file (JSON) instead of text.")
  boolean json;

  @Option(names = "--corpus", paramLabel = "DIR", description = "Read this corpus folder instead of the bundled glossary.")
  Path corpus;

  @Option(names = "--index", paramLabel = "DIR", description = "Read this persistent index (built by reindex) instead.")
  Path index;

  @Override
  public Integer call() throws Exception {
    return run(spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /** Looks the term up with the options as set, printing it to {@code out} or the miss to {@code err}. */
  int run(PrintWriter out, PrintWriter err) throws Exception {
    try (Glossaries.Opened opened = Glossaries.open(corpus, index)) {
      Glossary glossary = opened.glossary();
      Optional<Term> term = glossary.term(id);
      if (term.isEmpty()) {
        List<Suggestion> closest = glossary.suggest(id, 1);
        err.println("glossary: no term '" + id + "'"
            + (closest.isEmpty() ? "" : " (did you mean '" + closest.get(0).id() + "'?)"));
        return GlossaryCli.NOT_FOUND;
      }
      out.print(json ? TermJson.write(term.get()) : text(term.get()));
    }
    return GlossaryCli.OK;
  }

  /**
   * The entry as a person reads it, in the order of the published pages: name and id; service,
   * category and difficulty; the definition; aliases, last verified and source; then each section
   * under the page's heading. Sections a term does not have are left out.
   */
  static String text(Term t) {
    Text out = new Text();
    out.line(t.name() + "  [" + t.id() + "]");
    out.line(t.service() + " · " + t.category() + " · " + t.difficulty().label());
    out.blank();
    out.line(t.definition());
    out.blank();
    if (!t.aliases().isEmpty()) {
      out.line("Aliases: " + String.join(", ", t.aliases()));
    }
    out.line("Last verified: " + t.lastVerified());
    Source s = t.source();
    if (s != null) {
      out.line("Source: " + s.title() + (s.date() == null ? "" : ", " + s.date()));
      if (s.url() != null) {
        out.line("  " + s.url());
      }
    }
    out.section("Technical context", t.technicalContext());
    out.section("Why it matters", t.whyItMatters());
    out.bullets("Where you see it", t.whereYouSeeIt());
    out.bullets("When this becomes relevant", t.whenRelevant());
    if (!t.caseStudies().isEmpty()) {
      out.heading("Real-world case studies");
      int n = 1;
      for (CaseStudy c : t.caseStudies()) {
        out.blank();
        out.line("Case study " + n++ + ": " + c.title());
        out.line("Scenario");
        out.line(c.scenario());
        out.list("Business/Technical Objectives", c.objectives());
        out.line("Solution Using " + t.name());
        out.line(c.solution());
        out.list("Results & Business Impact", c.results());
        out.line("Key Takeaway for Glossary Readers");
        out.line(c.takeaway());
      }
    }
    out.bullets("CLI use cases", t.cli().useCases());
    List<String> commands = new ArrayList<>();
    for (CliCommand c : t.cli().commands()) {
      commands.add(c.command() + "  (" + c.kind().label() + ")");
    }
    out.bullets("Mapped Azure CLI commands", commands);
    out.section("Architecture context", t.architecture());
    out.section("Security", t.security());
    out.section("Cost", t.cost());
    out.section("Reliability", t.reliability());
    out.section("Performance", t.performance());
    out.section("Operations", t.operations());
    out.bullets("Common mistakes", t.commonMistakes());
    return out.toString();
  }

  /** Lines of text with a blank line before each section. */
  private static final class Text {
    private final StringBuilder sb = new StringBuilder();

    void line(String s) {
      sb.append(s).append('\n');
    }

    /** Ends the paragraph with a blank line, unless there is nothing yet or one already. */
    void blank() {
      int n = sb.length();
      if (n > 0 && !(n >= 2 && sb.charAt(n - 1) == '\n' && sb.charAt(n - 2) == '\n')) {
        sb.append('\n');
      }
    }

    void heading(String heading) {
      blank();
      line(heading);
    }

    void section(String heading, String text) {
      if (text != null && !text.isBlank()) {
        heading(heading);
        line(text);
      }
    }

    void bullets(String heading, List<String> items) {
      if (!items.isEmpty()) {
        heading(heading);
        items.forEach(i -> line("  • " + i));
      }
    }

    /** A labelled list inside a section, without a blank line before it. */
    void list(String label, List<String> items) {
      if (!items.isEmpty()) {
        line(label);
        items.forEach(i -> line("  • " + i));
      }
    }

    @Override
    public String toString() {
      return sb.toString();
    }
  }
}
