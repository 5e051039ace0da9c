package io.azureglossary.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One glossary entry: an Azure term with its aliases, classification and prose sections. Built by
 * the corpus loader after validation; all lists are unmodifiable. {@code source} and
 * {@code architecture} may be null, as the corpus makes them optional.
 *
 * @param id the lowercase slug that names the term and its file ({@code integration-runtime})
 * @param name the term as written, such as "Integration runtime"
 * @param aliases acronyms, former names and long forms; they become search synonyms
 * @param service the Azure service the term belongs to, such as "Data Factory"
 * @param category one of {@link #CATEGORIES}
 * @param tags slugs grouping related terms; may be empty
 * @param difficulty how much Azure background a reader needs
 * @param lastVerified the day the facts were last checked
 * @param source the page the facts were checked against, or null
 * @param definition what the term is, in one to three sentences
 * @param technicalContext how it works: limits, moving parts, related resources
 * @param whyItMatters what it changes for the people who run or pay for a system
 * @param whereYouSeeIt where the term shows up: portal blades, settings, error messages
 * @param whenRelevant the situations in which a reader needs the term
 * @param caseStudies worked examples; may be empty
 * @param cli the CLI use cases and mapped {@code az} commands; {@link Cli#NONE} when null is given
 * @param architecture how the term fits into a design, or null
 * @param security the term's security considerations
 * @param cost what drives its cost
 * @param reliability how it fails and how to keep it available
 * @param performance what limits its speed and throughput
 * @param operations what running it day to day involves
 * @param commonMistakes mistakes people make with it
 */
public record Term(
    String id,
    String name,
    List<String> aliases,
    String service,
    String category,
    List<String> tags,
    Difficulty difficulty,
    LocalDate lastVerified,
    Source source,
    String definition,
    String technicalContext,
    String whyItMatters,
    List<String> whereYouSeeIt,
    List<String> whenRelevant,
    List<CaseStudy> caseStudies,
    Cli cli,
    String architecture,
    String security,
    String cost,
    String reliability,
    String performance,
    String operations,
    List<String> commonMistakes) {

  /** The categories a term may belong to, as the corpus spells them. */
  public static final List<String> CATEGORIES = List.of(
      "AI + machine learning", "Analytics", "Compute", "Containers", "Databases", "DevOps",
      "Developer tools", "Hybrid + multicloud", "Identity", "Integration", "Internet of Things",
      "Management and governance", "Migration", "Monitoring", "Networking", "Security", "Storage",
      "Web");

  /** Checks that the required components are present and copies the lists. */
  public Term {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    aliases = List.copyOf(aliases);
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(category, "category");
    tags = List.copyOf(tags);
    Objects.requireNonNull(difficulty, "difficulty");
    Objects.requireNonNull(lastVerified, "lastVerified");
    Objects.requireNonNull(definition, "definition");
    whereYouSeeIt = List.copyOf(whereYouSeeIt);
    whenRelevant = List.copyOf(whenRelevant);
    caseStudies = List.copyOf(caseStudies);
    cli = cli == null ? Cli.NONE : cli;
    commonMistakes = List.copyOf(commonMistakes);
  }
}
