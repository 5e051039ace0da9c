package io.azureglossary.server;

import io.azureglossary.model.CaseStudy;
import io.azureglossary.model.CliCommand;
import io.azureglossary.model.Source;
import io.azureglossary.model.Term;
import java.util.List;

/**
 * A term's whole entry as an HTML page, in the order of the published glossary pages (as
 * {@code glossary show} prints it): name, service, category and difficulty; the definition;
 * aliases, last verified and source; technical context, why it matters, where you see it, when it
 * becomes relevant; case studies; CLI use cases and mapped commands with their kind; architecture,
 * security, cost, reliability, performance, operations; common mistakes. A section the term lacks
 * is left out. Every corpus string is escaped; a source link is kept only when it is http(s).
 */
final class TermPage {
  private final StringBuilder sb = new StringBuilder(16384);

  private TermPage() {}

  static String render(Term t) {
    TermPage p = new TermPage();
    p.page(t);
    return p.sb.toString();
  }

  /** The page for an id no term has, with the closest term when there is one. */
  static String missing(String id, String closestId, String closestName) {
    TermPage p = new TermPage();
    p.head("No such term");
    p.sb.append("<main class=\"term\"><h1>No term '").append(esc(id)).append("'</h1>");
    if (closestId != null) {
      p.sb.append("<p>Did you mean <a href=\"/terms/").append(esc(closestId)).append("\">").append(esc(closestName))
          .append("</a>?</p>");
    }
    p.sb.append("<p><a href=\"/\">Search the glossary</a></p></main></body></html>\n");
    return p.sb.toString();
  }

  private void page(Term t) {
    head(t.name());
    sb.append("<main class=\"term\" id=\"term\" data-id=\"").append(esc(t.id())).append("\">");
    sb.append("<h1 id=\"term-name\">").append(esc(t.name())).append("</h1>");
    sb.append("<p class=\"meta\"><span>").append(esc(t.service())).append("</span> · <span>")
        .append(esc(t.category())).append("</span> · <span class=\"difficulty\">")
        .append(esc(t.difficulty().label())).append("</span> · <code>").append(esc(t.id())).append("</code></p>");
    sb.append("<section id=\"definition\"><p>").append(esc(t.definition())).append("</p></section>");
    sb.append("<dl class=\"facts\">");
    if (!t.aliases().isEmpty()) {
      sb.append("<dt>Aliases</dt><dd id=\"aliases\">").append(esc(String.join(", ", t.aliases()))).append("</dd>");
    }
    sb.append("<dt>Difficulty</dt><dd>").append(esc(t.difficulty().label())).append("</dd>");
    sb.append("<dt>Last verified</dt><dd>").append(esc(t.lastVerified().toString())).append("</dd>");
    Source s = t.source();
    if (s != null) {
      sb.append("<dt>Source</dt><dd>");
      String url = s.url();
      boolean link = url != null && (url.startsWith("https://") || url.startsWith("http://"));
      if (link) {
        sb.append("<a rel=\"noopener noreferrer\" href=\"").append(esc(url)).append("\">").append(esc(s.title()))
            .append("</a>");
      } else {
        sb.append(esc(s.title()));
      }
      if (s.date() != null) {
        sb.append(", ").append(esc(s.date().toString()));
      }
      if (url != null && !link) {
        sb.append(" (").append(esc(url)).append(")");
      }
      sb.append("</dd>");
    }
    sb.append("</dl>");
    section("technicalContext", "Technical context", t.technicalContext());
    section("whyItMatters", "Why it matters", t.whyItMatters());
    bullets("whereYouSeeIt", "Where you see it", t.whereYouSeeIt());
    bullets("whenRelevant", "When this becomes relevant", t.whenRelevant());
    if (!t.caseStudies().isEmpty()) {
      sb.append("<section id=\"caseStudies\"><h2>Real-world case studies</h2>");
      int n = 1;
      for (CaseStudy c : t.caseStudies()) {
        sb.append("<article class=\"case\"><h3>Case study ").append(n++).append(": ").append(esc(c.title()))
            .append("</h3>");
        sb.append("<h4>Scenario</h4><p>").append(esc(c.scenario())).append("</p>");
        list("Business/Technical Objectives", c.objectives());
        sb.append("<h4>Solution Using ").append(esc(t.name())).append("</h4><p>").append(esc(c.solution()))
            .append("</p>");
        list("Results &amp; Business Impact", c.results());
        sb.append("<h4>Key Takeaway for Glossary Readers</h4><p>").append(esc(c.takeaway())).append("</p>");
        sb.append("</article>");
      }
      sb.append("</section>");
    }
    bullets("cliUseCases", "CLI use cases", t.cli().useCases());
    if (!t.cli().commands().isEmpty()) {
      sb.append("<section id=\"cli\"><h2>Mapped Azure CLI commands</h2><ul class=\"commands\">");
      for (CliCommand c : t.cli().commands()) {
        sb.append("<li><code>").append(esc(c.command())).append("</code> <span class=\"kind\">")
            .append(esc(c.kind().label())).append("</span></li>");
      }
      sb.append("</ul></section>");
    }
    section("architecture", "Architecture context", t.architecture());
    section("security", "Security", t.security());
    section("cost", "Cost", t.cost());
    section("reliability", "Reliability", t.reliability());
    section("performance", "Performance", t.performance());
    section("operations", "Operations", t.operations());
    bullets("commonMistakes", "Common mistakes", t.commonMistakes());
    sb.append("</main></body></html>\n");
  }

  private void head(String title) {
    sb.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>").append(esc(title)).append(" · Azure glossary</title>")
        .append("<link rel=\"icon\" href=\"data:,\"><link rel=\"stylesheet\" href=\"/static/style.css\"></head><body>")
        .append("<header class=\"bar\"><a class=\"home\" href=\"/\">Azure glossary</a>")
        .append("<form class=\"mini\" action=\"/\" method=\"get\" role=\"search\">")
        .append("<input name=\"q\" type=\"search\" placeholder=\"Search the glossary\" aria-label=\"Search the glossary\">")
        .append("</form></header>");
  }

  private void section(String id, String heading, String text) {
    if (text != null && !text.isBlank()) {
      sb.append("<section id=\"").append(id).append("\"><h2>").append(heading).append("</h2>");
      for (String para : text.split("\n\\s*\n")) {
        sb.append("<p>").append(esc(para.strip())).append("</p>");
      }
      sb.append("</section>");
    }
  }

  private void bullets(String id, String heading, List<String> items) {
    if (!items.isEmpty()) {
      sb.append("<section id=\"").append(id).append("\"><h2>").append(heading).append("</h2><ul>");
      items.forEach(i -> sb.append("<li>").append(esc(i)).append("</li>"));
      sb.append("</ul></section>");
    }
  }

  private void list(String label, List<String> items) {
    if (!items.isEmpty()) {
      sb.append("<h4>").append(label).append("</h4><ul>");
      items.forEach(i -> sb.append("<li>").append(esc(i)).append("</li>"));
      sb.append("</ul>");
    }
  }

  /** Text as HTML text or attribute value: the five characters that matter escaped. */
  static String esc(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      String r = switch (s.charAt(i)) {
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '"' -> "&quot;";
        case '\'' -> "&#39;";
        default -> null;
      };
      if (r != null && out == null) {
        out = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (out != null) {
        if (r != null) {
          out.append(r);
        } else {
          out.append(s.charAt(i));
        }
      }
    }
    return out == null ? s : out.toString();
  }
}
