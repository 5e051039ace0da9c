package io.azureglossary.corpus;

import io.azureglossary.corpus.PageImporter.Imported;
import io.azureglossary.model.CaseStudy;
import io.azureglossary.model.Cli;
import io.azureglossary.model.CliCommand;
import io.azureglossary.model.Difficulty;
import io.azureglossary.model.Source;
import io.azureglossary.model.Term;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads one page in the layout {@link PageImporter} describes. Blank lines are dropped and every
 * other line is one item: a heading, a label, a value, a paragraph or a bullet. A short, title-like
 * line where only a heading could stand, and that is not a known one, is reported as an unknown
 * heading and the lines under it are skipped. Every problem is collected before giving up; but a
 * page with control characters (as {@link TermReader#unprintable} defines them) is refused before
 * it is read, with every line that has one.
 */
final class PageParser {
  private static final List<String> FIELDS = List.of("Aliases", "Difficulty", "CLI mappings", "Last verified");
  private static final List<String> REQUIRED_FIELDS = List.of("Aliases", "Difficulty", "Last verified");
  private static final List<String> HEADINGS = List.of("Microsoft Learn", "Technical context", "Why it matters",
      "Where you see it", "When this becomes relevant", "Real-world case studies", "Why use Azure CLI for this?",
      "CLI use cases", "Before you run CLI", "What output tells you", "Mapped Azure CLI commands",
      "Architecture context", "Security", "Cost", "Reliability", "Performance", "Operations", "Common mistakes");
  private static final List<String> REQUIRED_SECTIONS = List.of("Technical context", "Why it matters",
      "Where you see it", "When this becomes relevant", "Security", "Cost", "Reliability", "Performance",
      "Operations", "Common mistakes");
  private static final String SCENARIO = "Scenario";
  private static final String OBJECTIVES = "Business/Technical Objectives";
  private static final String SOLUTION = "Solution Using";
  private static final String RESULTS = "Results & Business Impact";
  private static final String TAKEAWAY = "Key Takeaway for Glossary Readers";
  private static final List<String> CASE_PARTS = List.of(SCENARIO, OBJECTIVES, SOLUTION, RESULTS, TAKEAWAY);
  private static final String CASE_SUBTITLE = "Scenario, objectives, solution, measured impact, and takeaway.";

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern SIGNAL = Pattern.compile("Signal \\d+");
  private static final Pattern CASE = Pattern.compile("Case study \\d+");
  private static final Pattern SOURCE = Pattern.compile("Microsoft Learn: (.+?)(\\d{4}-\\d{2}-\\d{2})?");
  private static final String KINDS = Arrays.stream(CliCommand.Kind.values()).map(CliCommand.Kind::label)
      .collect(Collectors.joining(", "));
  /**
   * The line after a command: its group, its kind and the category run together, as in {@code az vm
   * listdiscoverCompute}. DOTALL: with a line terminator such as U+0085 late in a long line, each
   * backtracking step's {@code .*} would scan to it, quadratic time.
   */
  private static final Pattern KIND_LINE = Pattern.compile("az .*(" + KINDS.replace(", ", "|") + ")(\\p{Lu}.*)?",
      Pattern.DOTALL);
  private static final Predicate<String> NOTHING = s -> false;

  /** A non-blank line of the page, stripped, with its 1-based number. */
  private record Line(int number, String text) {
    boolean isBullet() {
      return text.startsWith("•");
    }

    String bullet() {
      return text.substring(1).strip();
    }
  }

  private record Section(Line heading, List<Line> body) {}

  private final String file;
  private final List<Line> lines = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();
  private final List<String> missing = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final List<String> unprintable = new ArrayList<>();

  private String name;
  private Line nameLine;
  private String category;
  private String service;
  private List<String> tags = List.of();
  private String definition;
  private List<String> aliases = List.of();
  private Difficulty difficulty;
  private Line cliMappings;
  private LocalDate lastVerified;
  private Source source;
  private String technicalContext;
  private String whyItMatters;
  private List<String> whereYouSeeIt = List.of();
  private List<String> whenRelevant = List.of();
  private List<CaseStudy> caseStudies = List.of();
  private List<String> useCases = List.of();
  private List<CliCommand> commands = List.of();
  private String architecture;
  private String security;
  private String cost;
  private String reliability;
  private String performance;
  private String operations;
  private List<String> commonMistakes = List.of();

  PageParser(String file, String text) {
    this.file = file;
    String[] raw = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < raw.length; i++) {
      String line = i == 0 && raw[i].startsWith("\uFEFF") ? raw[i].substring(1) : raw[i];
      String bad = TermReader.unprintable(line); // before strip(), which drops U+001F, U+2029 and others at the ends
      if (bad != null) {
        unprintable.add(file + ":" + (i + 1) + ": the line " + bad);
      }
      String t = line.strip();
      if (!t.isEmpty()) {
        lines.add(new Line(i + 1, t));
      }
    }
  }

  /** Reads the page; {@code id} null means the slug of the name. */
  Imported parse(String id) throws PageFormatException {
    if (!unprintable.isEmpty()) {
      throw new PageFormatException(unprintable);
    }
    if (lines.isEmpty()) {
      throw new PageFormatException(List.of(file + ": page is empty"));
    }
    header(lines.get(0));
    int i = 1;
    if (i < lines.size() && !isField(lines.get(i)) && !isHeading(lines.get(i))) {
      nameLine = lines.get(i++);
      name = nameLine.text();
    } else {
      error(lines.get(0), "missing the term's name on the line after the header");
    }
    int fieldsAt = next(i, l -> isField(l) || isHeading(l));
    Body def = new Body("the definition", lines.subList(i, fieldsAt));
    definition = def.prose(NOTHING);
    def.end("prose");
    if (definition == null && i == fieldsAt) {
      missing.add(file + ": missing definition (the paragraph after the name)");
    }
    int sectionsAt = next(fieldsAt, this::isHeading);
    fields(lines.subList(fieldsAt, sectionsAt));
    sections(sectionsAt);
    if (cliMappings != null && Integer.parseInt(cliMappings.text()) != commands.size()) {
      warnings.add(file + ":" + cliMappings.number() + ": warning: 'CLI mappings' says " + cliMappings.text()
          + " but the page lists " + commands.size() + " mapped command" + (commands.size() == 1 ? "" : "s"));
    }
    String termId = id != null ? id : name == null ? null : PageImporter.slug(name);
    if (name != null && termId.isEmpty()) {
      error(nameLine, "cannot make an id from the name '" + name + "'; give the id explicitly");
    } else if (name != null && id == null && termId.length() > TermReader.MAX_ID_LENGTH) {
      error(nameLine, "the id made from the name would have " + termId.length() + " characters (at most "
          + TermReader.MAX_ID_LENGTH + "); give the id explicitly");
    }
    errors.addAll(missing);
    if (!errors.isEmpty()) {
      throw new PageFormatException(errors);
    }
    Term term = Term.builder().id(termId).name(name).aliases(aliases).service(service).category(category).tags(tags)
        .difficulty(difficulty).lastVerified(lastVerified).source(source).definition(definition)
        .technicalContext(technicalContext).whyItMatters(whyItMatters).whereYouSeeIt(whereYouSeeIt)
        .whenRelevant(whenRelevant).caseStudies(caseStudies).cli(new Cli(useCases, commands))
        .architecture(architecture).security(security).cost(cost).reliability(reliability).performance(performance)
        .operations(operations).commonMistakes(commonMistakes).build();
    return new Imported(term, warnings);
  }

  /** {@code <Category> <Service> <tags...>}: the longest category that starts the line, trailing slugs as tags. */
  private void header(Line h) {
    String text = h.text();
    category = Term.CATEGORIES.stream().filter(c -> text.equals(c) || text.startsWith(c + " "))
        .max(Comparator.comparingInt(String::length)).orElse(null);
    if (category == null) {
      error(h, "header '" + text + "' does not start with a category (one of " + String.join(", ", Term.CATEGORIES)
          + ")");
      return;
    }
    List<String> words = List.of(text.substring(category.length()).strip().split("\\s+"));
    int end = words.size();
    while (end > 0 && PageImporter.isSlug(words.get(end - 1))) {
      end--;
    }
    service = String.join(" ", words.subList(0, end));
    tags = distinct(h, "tag", words.subList(end, words.size()));
    if (service.isEmpty()) {
      error(h, "header names no service after the category '" + category + "'");
    }
  }

  private void fields(List<Line> region) {
    Map<String, Line> seen = new HashMap<>();
    Body b = new Body("the fields after the definition", region);
    while (b.more()) {
      Line label = b.next();
      if (!isField(label)) {
        unexpected(label, "one of the fields " + String.join(", ", FIELDS), "the fields after the definition");
        while (b.more() && !isField(b.peek())) {
          b.next();
        }
        continue;
      }
      Line value = b.more() && !isField(b.peek()) ? b.next() : null;
      Line first = seen.putIfAbsent(label.text(), label);
      if (first != null) {
        error(label, "duplicate field '" + label.text() + "' (first at line " + first.number() + ")");
      } else if (value == null && !label.text().equals("Aliases")) {
        error(label, "field '" + label.text() + "' has no value");
      } else {
        field(label.text(), value);
      }
    }
    REQUIRED_FIELDS.stream().filter(f -> !seen.containsKey(f)).forEach(f -> missing.add(file + ": missing field '" + f + "'"));
  }

  private void field(String label, Line value) {
    switch (label) {
      case "Aliases" -> aliases = value == null ? List.of()
          : distinct(value, "alias", Arrays.stream(value.text().split(",")).map(String::strip).filter(a -> !a.isEmpty()).toList());
      case "Difficulty" -> {
        difficulty = Difficulty.fromLabel(value.text().toLowerCase(Locale.ROOT));
        if (difficulty == null) {
          error(value, "bad difficulty '" + value.text() + "' (expected one of " + Arrays.stream(Difficulty.values())
              .map(Difficulty::label).collect(Collectors.joining(", ")) + ")");
        }
      }
      case "CLI mappings" -> {
        if (value.text().matches("\\d{1,6}")) {
          cliMappings = value;
        } else {
          error(value, "bad count '" + value.text() + "' in 'CLI mappings' (expected a whole number)");
        }
      }
      case "Last verified" -> lastVerified = date(value, value.text(), "'Last verified'");
      default -> throw new IllegalStateException("unhandled field " + label);
    }
  }

  private void sections(int from) {
    Map<String, Line> seen = new HashMap<>();
    for (Section s : split(from)) {
      String heading = s.heading().text();
      Line first = seen.putIfAbsent(heading, s.heading());
      if (first != null) {
        error(s.heading(), "duplicate section '" + heading + "' (first at line " + first.number() + ")");
        continue;
      }
      if (s.body().isEmpty()) {
        error(s.heading(), "section '" + heading + "' is empty");
        continue;
      }
      Body b = new Body("section '" + heading + "'", s.body());
      switch (heading) {
        case "Microsoft Learn" -> source = source(s.heading(), b);
        case "Technical context" -> technicalContext = prose(b);
        case "Why it matters" -> whyItMatters = prose(b);
        case "Where you see it" -> whereYouSeeIt = signals(s.heading(), b);
        case "When this becomes relevant" -> {
          b.prose(NOTHING);
          whenRelevant = bullets(s.heading(), b);
        }
        case "Real-world case studies" -> caseStudies = caseStudies(s.heading(), b);
        case "Why use Azure CLI for this?" -> prose(b);
        case "CLI use cases" -> useCases = bullets(s.heading(), b);
        case "Before you run CLI", "What output tells you" -> bullets(s.heading(), b);
        case "Mapped Azure CLI commands" -> commands = commands(s.heading(), b);
        case "Architecture context" -> architecture = prose(b);
        case "Security" -> security = prose(b);
        case "Cost" -> cost = prose(b);
        case "Reliability" -> reliability = prose(b);
        case "Performance" -> performance = prose(b);
        case "Operations" -> operations = prose(b);
        case "Common mistakes" -> commonMistakes = bullets(s.heading(), b);
        default -> throw new IllegalStateException("unhandled heading " + heading);
      }
    }
    REQUIRED_SECTIONS.stream().filter(h -> !seen.containsKey(h))
        .forEach(h -> missing.add(file + ": missing section '" + h + "'"));
  }

  /** The sections from a known heading to the next. */
  private List<Section> split(int from) {
    List<Section> out = new ArrayList<>();
    for (int i = from; i < lines.size(); ) {
      int end = next(i + 1, this::isHeading);
      out.add(new Section(lines.get(i), lines.subList(i + 1, end)));
      i = end;
    }
    return out;
  }

  private String prose(Body b) {
    String text = b.prose(NOTHING);
    b.end("prose");
    return text;
  }

  private List<String> bullets(Line heading, Body b) {
    int before = errors.size();
    List<String> out = b.bullets();
    b.end("a '•' bullet");
    if (out.isEmpty() && errors.size() == before) {
      error(heading, "section '" + heading.text() + "' has no '•' bullets");
    }
    return out;
  }

  /** A summary (not kept), {@code Microsoft Learn: TITLEyyyy-mm-dd}, then optionally the URL. */
  private Source source(Line heading, Body b) {
    Predicate<String> sourceLine = s -> s.startsWith("Microsoft Learn:");
    b.prose(sourceLine);
    if (!b.nextMatches(sourceLine)) {
      int before = errors.size();
      b.end("a 'Microsoft Learn: TITLEyyyy-mm-dd' line");
      if (errors.size() == before) {
        error(heading, "section 'Microsoft Learn' has no 'Microsoft Learn: TITLEyyyy-mm-dd' line");
      }
      return null;
    }
    Line l = b.next();
    Matcher m = SOURCE.matcher(l.text());
    if (!m.matches()) {
      error(l, "no title after 'Microsoft Learn:'");
      return null;
    }
    LocalDate date = m.group(2) == null ? null : date(l, m.group(2), "the Microsoft Learn line");
    String url = b.nextMatches(s -> s.startsWith("https://")) ? b.next().text() : null;
    b.end("an https:// URL or the next heading");
    return new Source(m.group(1).strip(), url, date);
  }

  /** An intro (not kept), then {@code Signal NN} lines, each followed by its text. */
  private List<String> signals(Line heading, Body b) {
    int before = errors.size();
    Predicate<String> signal = s -> SIGNAL.matcher(s).matches();
    b.prose(signal);
    List<String> out = new ArrayList<>();
    while (b.nextMatches(signal)) {
      Line s = b.next();
      String text = b.prose(signal);
      if (text == null) {
        error(s, "'" + s.text() + "' has no text");
      } else {
        out.add(text);
      }
    }
    b.end("'Signal NN' followed by its text");
    if (out.isEmpty() && errors.size() == before) {
      error(heading, "section '" + heading.text() + "' has no 'Signal NN' items");
    }
    return out;
  }

  /** An intro (not kept), then {@code Case study NN} blocks. */
  private List<CaseStudy> caseStudies(Line heading, Body b) {
    int before = errors.size();
    Predicate<String> caseStart = s -> CASE.matcher(s).matches();
    b.prose(caseStart);
    List<CaseStudy> out = new ArrayList<>();
    while (b.nextMatches(caseStart)) {
      CaseStudy c = caseStudy(b.next(), b);
      if (c != null) {
        out.add(c);
      }
    }
    b.end("'Case study NN'");
    if (out.isEmpty() && errors.size() == before) {
      error(heading, "section '" + heading.text() + "' has no 'Case study NN'");
    }
    return out;
  }

  /**
   * Title, the fixed subtitle, then Scenario (prose), Business/Technical Objectives (bullets),
   * Solution Using NAME (prose), Results &amp; Business Impact (bullets) and the Key Takeaway (prose).
   */
  private CaseStudy caseStudy(Line start, Body b) {
    int before = errors.size();
    String label = start.text().toLowerCase(Locale.ROOT);
    Predicate<String> stop = s -> CASE.matcher(s).matches() || casePart(s) != null;
    String title = null;
    if (b.more() && !stop.test(b.peek().text()) && !b.peek().isBullet()) {
      title = b.next().text();
    } else {
      error(start, label + " has no title");
    }
    if (b.nextMatches(CASE_SUBTITLE::equals)) {
      b.next();
    }
    Set<String> seen = new HashSet<>();
    Map<String, String> texts = new HashMap<>();
    Map<String, List<String>> lists = new HashMap<>();
    while (b.more() && !CASE.matcher(b.peek().text()).matches()) {
      String part = casePart(b.peek().text());
      if (part == null) {
        b.unexpected("a case-study heading (" + String.join(", ", CASE_PARTS) + " ...)");
        break;
      }
      Line h = b.next();
      boolean isList = part.equals(OBJECTIVES) || part.equals(RESULTS);
      List<String> list = isList ? b.bullets() : null;
      String text = isList ? null : b.prose(stop);
      if (!seen.add(part)) {
        error(h, "duplicate '" + part + "' in " + label);
      } else if (isList ? list.isEmpty() : text == null) {
        error(h, "'" + h.text() + "' of " + label + " is empty");
      } else if (isList) {
        lists.put(part, list);
      } else {
        texts.put(part, text);
      }
    }
    if (!b.stopped) {
      CASE_PARTS.stream().filter(p -> !seen.contains(p))
          .forEach(p -> error(start, label + " has no '" + p + (p.equals(SOLUTION) ? " ...'" : "'")));
    }
    if (errors.size() != before) {
      return null;
    }
    return new CaseStudy(title, texts.get(SCENARIO), lists.get(OBJECTIVES), texts.get(SOLUTION), lists.get(RESULTS),
        texts.get(TAKEAWAY));
  }

  private static String casePart(String line) {
    if (line.equals(SOLUTION) || line.startsWith(SOLUTION + " ")) {
      return SOLUTION;
    }
    return CASE_PARTS.contains(line) ? line : null;
  }

  /** Group titles (not kept), then pairs of lines: the command, then its group, kind and category run together. */
  private List<CliCommand> commands(Line heading, Body b) {
    Predicate<String> az = s -> s.startsWith("az ");
    List<CliCommand> out = new ArrayList<>();
    int seen = 0;
    while (b.more()) {
      Line first = b.peek();
      while (b.more() && !az.test(b.peek().text())) {
        b.next();
      }
      if (!b.more()) {
        if (seen > 0) {
          unexpected(first, "'az' command lines", "section '" + heading.text() + "'");
        }
        break;
      }
      while (b.nextMatches(az)) {
        Line command = b.next();
        seen++;
        if (!b.nextMatches(az)) {
          error(command, "command '" + command.text() + "' has no kind line after it");
          continue;
        }
        Line kindLine = b.next();
        Matcher m = KIND_LINE.matcher(kindLine.text());
        if (m.matches()) {
          out.add(new CliCommand(command.text(), CliCommand.Kind.fromLabel(m.group(1))));
        } else {
          error(kindLine, "no command kind in '" + kindLine.text() + "' (expected the command group, one of "
              + KINDS + ", then the category)");
        }
      }
    }
    if (seen == 0) {
      error(heading, "section '" + heading.text() + "' lists no commands");
    }
    return out;
  }

  private LocalDate date(Line l, String s, String where) {
    if (!DATE.matcher(s).matches()) {
      error(l, "bad date '" + s + "' in " + where + " (expected an ISO date, YYYY-MM-DD)");
      return null;
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      error(l, "bad date '" + s + "' in " + where + " (no such day)");
      return null;
    }
  }

  /** The values without repeats, reporting each repeat at the line. */
  private List<String> distinct(Line l, String what, List<String> values) {
    Set<String> out = new LinkedHashSet<>();
    for (String v : values) {
      if (!out.add(v)) {
        error(l, what + " '" + v + "' is listed twice");
      }
    }
    return List.copyOf(out);
  }

  private boolean isField(Line l) {
    return FIELDS.contains(l.text());
  }

  private boolean isHeading(Line l) {
    return HEADINGS.contains(l.text());
  }

  /** The index of the first line at or after {@code from} that matches, or the number of lines. */
  private int next(int from, Predicate<Line> p) {
    int i = from;
    while (i < lines.size() && !p.test(lines.get(i))) {
      i++;
    }
    return i;
  }

  /** A short line that starts with a capital and has no closing punctuation, as headings look. */
  private static boolean titleLike(String s) {
    return s.length() <= 60 && Character.isUpperCase(s.codePointAt(0)) && ".,;:!?".indexOf(s.charAt(s.length() - 1)) < 0;
  }

  private void unexpected(Line l, String expected, String where) {
    if (titleLike(l.text())) {
      error(l, "unknown heading '" + l.text() + "'");
    } else {
      String shown = l.text().length() > 60 ? l.text().substring(0, 57) + "..." : l.text();
      error(l, "expected " + expected + " in " + where + ", found '" + shown + "'");
    }
  }

  /** Most problems listed for one page; a line says when there were more. */
  static final int MAX_ERRORS = 100;

  private void error(Line l, String message) {
    if (errors.size() < MAX_ERRORS) {
      errors.add(file + ":" + l.number() + ": " + CorpusProblem.shortQuotes(message));
    } else if (errors.size() == MAX_ERRORS) {
      errors.add(file + ": more problems not listed (the first " + MAX_ERRORS + " are)");
    }
  }



  /** The lines under one heading, read front to back; reading stops at the first line that does not fit. */
  private final class Body {
    private final String where;
    private final List<Line> lines;
    private int at;
    private boolean stopped;

    Body(String where, List<Line> lines) {
      this.where = where;
      this.lines = lines;
    }

    boolean more() {
      return !stopped && at < lines.size();
    }

    Line peek() {
      return lines.get(at);
    }

    Line next() {
      return lines.get(at++);
    }

    boolean nextMatches(Predicate<String> p) {
      return more() && p.test(peek().text());
    }

    /**
     * Paragraphs up to a bullet or a line {@code stop} accepts, joined by blank lines; null if none.
     * A title-like line after a paragraph is an unknown heading, and ends the body.
     */
    String prose(Predicate<String> stop) {
      List<String> paragraphs = new ArrayList<>();
      while (more() && !peek().isBullet() && !stop.test(peek().text())) {
        if (!paragraphs.isEmpty() && titleLike(peek().text())) {
          unexpected("prose");
          break;
        }
        paragraphs.add(next().text());
      }
      return paragraphs.isEmpty() ? null : String.join("\n\n", paragraphs);
    }

    List<String> bullets() {
      List<String> out = new ArrayList<>();
      while (more() && peek().isBullet()) {
        out.add(next().bullet());
      }
      return out;
    }

    /** Reports the next line, if any, as out of place: the body should have ended. */
    void end(String expected) {
      if (more()) {
        unexpected(expected);
      }
    }

    /** Reports the next line as out of place and skips the rest of the body. */
    void unexpected(String expected) {
      PageParser.this.unexpected(peek(), expected, where);
      stopped = true;
    }
  }
}
