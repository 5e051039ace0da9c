package io.azureglossary.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One glossary entry: an Azure term with its aliases, classification and prose sections. Built by
 * the corpus loader after validation, or with {@link #builder()}; all lists are unmodifiable.
 * {@code source} and {@code architecture} may be null, as the corpus makes them optional.
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

  /**
   * Checks the required components and copies the lists; prefer {@link #builder()}, which names
   * each component.
   *
   * @throws NullPointerException if {@code id}, {@code name}, {@code service}, {@code category},
   *     {@code difficulty}, {@code lastVerified} or {@code definition} is null, or a list is null or
   *     holds null
   */
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

  /**
   * A builder with nothing set: every list empty, {@code cli} {@link Cli#NONE}, every other
   * component null.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this term's components, to build a changed copy:
   * {@code term.toBuilder().id("other").build()}.
   *
   * @return a new builder, independent of this term
   */
  public Builder toBuilder() {
    return new Builder()
        .id(id)
        .name(name)
        .aliases(aliases)
        .service(service)
        .category(category)
        .tags(tags)
        .difficulty(difficulty)
        .lastVerified(lastVerified)
        .source(source)
        .definition(definition)
        .technicalContext(technicalContext)
        .whyItMatters(whyItMatters)
        .whereYouSeeIt(whereYouSeeIt)
        .whenRelevant(whenRelevant)
        .caseStudies(caseStudies)
        .cli(cli)
        .architecture(architecture)
        .security(security)
        .cost(cost)
        .reliability(reliability)
        .performance(performance)
        .operations(operations)
        .commonMistakes(commonMistakes);
  }

  /**
   * Builds a {@link Term} one component at a time, each setter named like its record component.
   * {@link #build()} runs the record's own checks, so a builder makes no term the constructor would
   * refuse. Not thread-safe; each {@code build()} makes a new term from the values set so far.
   */
  public static final class Builder {
    private String id;
    private String name;
    private List<String> aliases = List.of();
    private String service;
    private String category;
    private List<String> tags = List.of();
    private Difficulty difficulty;
    private LocalDate lastVerified;
    private Source source;
    private String definition;
    private String technicalContext;
    private String whyItMatters;
    private List<String> whereYouSeeIt = List.of();
    private List<String> whenRelevant = List.of();
    private List<CaseStudy> caseStudies = List.of();
    private Cli cli;
    private String architecture;
    private String security;
    private String cost;
    private String reliability;
    private String performance;
    private String operations;
    private List<String> commonMistakes = List.of();

    private Builder() {}

    /**
     * Sets {@link Term#id()}.
     *
     * @param id the id: a lowercase slug, also the corpus file name; required
     * @return this builder
     */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /**
     * Sets {@link Term#name()}.
     *
     * @param name the name as written; required
     * @return this builder
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * Sets {@link Term#aliases()}.
     *
     * @param aliases other names and acronyms users type
     * @return this builder
     */
    public Builder aliases(List<String> aliases) {
      this.aliases = aliases;
      return this;
    }

    /**
     * Sets {@link Term#service()}.
     *
     * @param service the Azure service; required
     * @return this builder
     */
    public Builder service(String service) {
      this.service = service;
      return this;
    }

    /**
     * Sets {@link Term#category()}.
     *
     * @param category one of {@link #CATEGORIES}; required
     * @return this builder
     */
    public Builder category(String category) {
      this.category = category;
      return this;
    }

    /**
     * Sets {@link Term#tags()}.
     *
     * @param tags lowercase slugs
     * @return this builder
     */
    public Builder tags(List<String> tags) {
      this.tags = tags;
      return this;
    }

    /**
     * Sets {@link Term#difficulty()}.
     *
     * @param difficulty how much background a reader needs; required
     * @return this builder
     */
    public Builder difficulty(Difficulty difficulty) {
      this.difficulty = difficulty;
      return this;
    }

    /**
     * Sets {@link Term#lastVerified()}.
     *
     * @param lastVerified when the facts were last checked; required
     * @return this builder
     */
    public Builder lastVerified(LocalDate lastVerified) {
      this.lastVerified = lastVerified;
      return this;
    }

    /**
     * Sets {@link Term#source()}.
     *
     * @param source where they were checked, or null
     * @return this builder
     */
    public Builder source(Source source) {
      this.source = source;
      return this;
    }

    /**
     * Sets {@link Term#definition()}.
     *
     * @param definition the definition; required
     * @return this builder
     */
    public Builder definition(String definition) {
      this.definition = definition;
      return this;
    }

    /**
     * Sets {@link Term#technicalContext()}.
     *
     * @param technicalContext the technical context section
     * @return this builder
     */
    public Builder technicalContext(String technicalContext) {
      this.technicalContext = technicalContext;
      return this;
    }

    /**
     * Sets {@link Term#whyItMatters()}.
     *
     * @param whyItMatters the why-it-matters section
     * @return this builder
     */
    public Builder whyItMatters(String whyItMatters) {
      this.whyItMatters = whyItMatters;
      return this;
    }

    /**
     * Sets {@link Term#whereYouSeeIt()}.
     *
     * @param whereYouSeeIt where the term shows up, one item each
     * @return this builder
     */
    public Builder whereYouSeeIt(List<String> whereYouSeeIt) {
      this.whereYouSeeIt = whereYouSeeIt;
      return this;
    }

    /**
     * Sets {@link Term#whenRelevant()}.
     *
     * @param whenRelevant when it becomes relevant, one item each
     * @return this builder
     */
    public Builder whenRelevant(List<String> whenRelevant) {
      this.whenRelevant = whenRelevant;
      return this;
    }

    /**
     * Sets {@link Term#caseStudies()}.
     *
     * @param caseStudies worked examples
     * @return this builder
     */
    public Builder caseStudies(List<CaseStudy> caseStudies) {
      this.caseStudies = caseStudies;
      return this;
    }

    /**
     * Sets {@link Term#cli()}.
     *
     * @param cli use cases and mapped commands, or null for {@link Cli#NONE}
     * @return this builder
     */
    public Builder cli(Cli cli) {
      this.cli = cli;
      return this;
    }

    /**
     * Sets {@link Term#architecture()}.
     *
     * @param architecture the architecture section, or null
     * @return this builder
     */
    public Builder architecture(String architecture) {
      this.architecture = architecture;
      return this;
    }

    /**
     * Sets {@link Term#security()}.
     *
     * @param security the security section
     * @return this builder
     */
    public Builder security(String security) {
      this.security = security;
      return this;
    }

    /**
     * Sets {@link Term#cost()}.
     *
     * @param cost the cost section
     * @return this builder
     */
    public Builder cost(String cost) {
      this.cost = cost;
      return this;
    }

    /**
     * Sets {@link Term#reliability()}.
     *
     * @param reliability the reliability section
     * @return this builder
     */
    public Builder reliability(String reliability) {
      this.reliability = reliability;
      return this;
    }

    /**
     * Sets {@link Term#performance()}.
     *
     * @param performance the performance section
     * @return this builder
     */
    public Builder performance(String performance) {
      this.performance = performance;
      return this;
    }

    /**
     * Sets {@link Term#operations()}.
     *
     * @param operations the operations section
     * @return this builder
     */
    public Builder operations(String operations) {
      this.operations = operations;
      return this;
    }

    /**
     * Sets {@link Term#commonMistakes()}.
     *
     * @param commonMistakes common mistakes, one item each
     * @return this builder
     */
    public Builder commonMistakes(List<String> commonMistakes) {
      this.commonMistakes = commonMistakes;
      return this;
    }

    /**
     * Makes the term.
     *
     * @return a new term with the components set so far; lists are copied
     * @throws NullPointerException if {@code id}, {@code name}, {@code service}, {@code category},
     *     {@code difficulty}, {@code lastVerified} or {@code definition} is unset, or a list is null
     *     or holds null
     */
    public Term build() {
      return new Term(id, name, aliases, service, category, tags, difficulty, lastVerified, source, definition,
          technicalContext, whyItMatters, whereYouSeeIt, whenRelevant, caseStudies, cli, architecture, security,
          cost, reliability, performance, operations, commonMistakes);
    }
  }
}
