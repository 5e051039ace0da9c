package io.azureglossary.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One glossary entry: an Azure term with its aliases, classification and prose sections. Built by
 * the corpus loader after validation; all lists are unmodifiable. {@code source} and
 * {@code architecture} may be null, as the corpus makes them optional.
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
