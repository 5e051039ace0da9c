package io.azureglossary.synth;

import io.azureglossary.corpus.Corpus;
import io.azureglossary.corpus.TermJson;
import io.azureglossary.model.CaseStudy;
import io.azureglossary.model.Cli;
import io.azureglossary.model.CliCommand;
import io.azureglossary.model.Difficulty;
import io.azureglossary.model.Section;
import io.azureglossary.model.Term;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Generates synthetic glossaries of any size from a real one, for measuring reindex and search at
 * 10k or 100k terms.
 *
 * <p>Each synthetic term borrows from one real term (its service, category, tags, source) and is
 * given a new unique name built from real name words ("Premium Key Vault", "Subnet Gateway"); its
 * prose is two to four sentences per section drawn from the same section of random real terms,
 * its lists and CLI commands likewise. Names, ids and aliases are unique across the corpus, so the
 * loader reports no alias conflicts. The output is a function of the base corpus, {@code n} and
 * the seed alone: the same arguments give the same terms, byte for byte once written.
 *
 * <p>Synthetic terms are about half the size of real ones (the real corpus averages 7 KB of JSON a
 * term), so 100k of them take about 500 MB of JSON.
 */
public final class SyntheticCorpus {
  /** Splits prose into sentences: after ., ! or ? followed by space and a capital. */
  private static final Pattern SENTENCE = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z])");
  private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
  private static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);

  private final List<Term> base;
  private final List<String> nameWords;
  private final Map<Section, List<String>> sentences = new EnumMap<>(Section.class);
  private final List<String> whereYouSeeIt;
  private final List<String> whenRelevant;
  private final List<String> commonMistakes;
  private final List<String> useCases;
  private final List<CliCommand> commands;
  private final List<CaseStudy> caseStudies;

  private SyntheticCorpus(Corpus corpus) {
    if (corpus.size() == 0) {
      throw new IllegalArgumentException("the base corpus is empty; synthetic terms are assembled from real ones");
    }
    this.base = corpus.terms();
    Set<String> words = new TreeSet<>();
    for (Term t : base) {
      for (String w : t.name().split("\\s+")) {
        if (w.length() > 2 && Character.isLetter(w.charAt(0))) {
          words.add(w);
        }
      }
    }
    this.nameWords = List.copyOf(words);
    for (Section s : List.of(Section.DEFINITION, Section.TECHNICAL_CONTEXT, Section.WHY_IT_MATTERS,
        Section.ARCHITECTURE, Section.SECURITY, Section.COST, Section.RELIABILITY, Section.PERFORMANCE,
        Section.OPERATIONS)) {
      Set<String> pool = new LinkedHashSet<>();
      for (Term t : base) {
        String text = s.textOf(t);
        if (!text.isBlank()) {
          pool.addAll(Arrays.asList(SENTENCE.split(text.strip())));
        }
      }
      sentences.put(s, List.copyOf(pool));
    }
    this.whereYouSeeIt = pool(Term::whereYouSeeIt);
    this.whenRelevant = pool(Term::whenRelevant);
    this.commonMistakes = pool(Term::commonMistakes);
    this.useCases = pool(t -> t.cli().useCases());
    this.commands = base.stream().flatMap(t -> t.cli().commands().stream()).distinct().toList();
    this.caseStudies = base.stream().flatMap(t -> t.caseStudies().stream()).toList();
  }

  private List<String> pool(Function<Term, List<String>> items) {
    return base.stream().flatMap(t -> items.apply(t).stream()).distinct().toList();
  }

  /**
   * Generates {@code n} terms from a base corpus, sorted by id.
   *
   * @param base the real corpus whose vocabulary is reused; must not be empty
   * @param n how many terms, at least 1
   * @param seed the same seed gives the same terms
   * @return the terms, their ids, names and aliases unique across them
   */
  public static List<Term> generate(Corpus base, int n, long seed) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1 (got " + n + ")");
    }
    SyntheticCorpus s = new SyntheticCorpus(base);
    Random random = new Random(seed);
    Set<String> taken = new HashSet<>(); // lowercase names and aliases, and ids, already used
    List<Term> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(s.term(random, taken, i));
    }
    out.sort((a, b) -> a.id().compareTo(b.id()));
    return List.copyOf(out);
  }

  /**
   * Writes terms as a corpus folder: {@code dir/terms/<id>.json}, one file per term, in the
   * schema's field order. Creates the folders; overwrites files of the same name. Each file is
   * written whole or not at all ({@link TermJson#writeFile}).
   *
   * @param terms the terms to write
   * @param dir the corpus folder
   * @throws IOException if a folder or file cannot be written
   */
  public static void write(List<Term> terms, Path dir) throws IOException {
    Path folder = dir.resolve("terms");
    Files.createDirectories(folder);
    for (Term t : terms) {
      TermJson.writeFile(t, folder.resolve(t.id() + ".json"), true);
    }
  }

  /**
   * The UTF-8 corpus file of one term, as {@link #write} writes it.
   *
   * @param term the term
   * @return the file's bytes
   */
  public static byte[] json(Term term) {
    return TermJson.write(term).getBytes(StandardCharsets.UTF_8);
  }

  private Term term(Random r, Set<String> taken, int ordinal) {
    Term b = pick(r, base);
    String name = uniqueName(r, b, taken, ordinal);
    String id = slug(name);
    taken.add(id);
    List<String> aliases = aliases(r, b, name, taken);
    Difficulty difficulty = Difficulty.values()[r.nextInt(Difficulty.values().length)];
    LocalDate lastVerified = FIRST_DAY.plusDays(r.nextInt(700));
    String definition = name + " is a " + b.category().toLowerCase(Locale.ROOT) + " building block of "
        + b.service() + ". " + prose(r, Section.DEFINITION, 1, 2);
    List<CaseStudy> cases = !caseStudies.isEmpty() && r.nextInt(10) == 0 ? List.of(pick(r, caseStudies)) : List.of();
    Cli cli = r.nextInt(10) < 7 && !commands.isEmpty()
        ? new Cli(sample(r, useCases, 0, 2), sample(r, commands, 1, 3)) : Cli.NONE;
    String architecture = r.nextInt(10) < 9 ? prose(r, Section.ARCHITECTURE, 2, 3) : null;
    // the draws below happen in this order: the same seed must keep giving the same corpus
    return Term.builder().id(id).name(name).aliases(aliases).service(b.service()).category(b.category())
        .tags(b.tags()).difficulty(difficulty).lastVerified(lastVerified)
        .source(r.nextInt(10) < 8 ? b.source() : null)
        .definition(definition)
        .technicalContext(prose(r, Section.TECHNICAL_CONTEXT, 2, 4))
        .whyItMatters(prose(r, Section.WHY_IT_MATTERS, 2, 3))
        .whereYouSeeIt(sample(r, whereYouSeeIt, 2, 4))
        .whenRelevant(sample(r, whenRelevant, 2, 4))
        .caseStudies(cases).cli(cli).architecture(architecture)
        .security(prose(r, Section.SECURITY, 2, 3))
        .cost(prose(r, Section.COST, 2, 3))
        .reliability(prose(r, Section.RELIABILITY, 2, 3))
        .performance(prose(r, Section.PERFORMANCE, 2, 3))
        .operations(prose(r, Section.OPERATIONS, 2, 3))
        .commonMistakes(sample(r, commonMistakes, 2, 4))
        .build();
  }

  /**
   * A name no other term (or alias) has: a real name with a real name word before or after it, or
   * both; after a few collisions, the ordinal makes it unique.
   */
  private String uniqueName(Random r, Term b, Set<String> taken, int ordinal) {
    for (int attempt = 0; attempt < 8; attempt++) {
      String candidate = switch (r.nextInt(3)) {
        case 0 -> pick(r, nameWords) + " " + b.name();
        case 1 -> b.name() + " " + pick(r, nameWords);
        default -> pick(r, nameWords) + " " + b.name() + " " + pick(r, nameWords);
      };
      if (claim(candidate, taken)) {
        return candidate;
      }
    }
    String numbered = b.name() + " " + (ordinal + 1);
    if (!claim(numbered, taken)) {
      throw new IllegalStateException("cannot find a unique name for term " + ordinal);
    }
    return numbered;
  }

  /** Claims a name: its lowercase form and its id slug must both be new. */
  private static boolean claim(String name, Set<String> taken) {
    String key = name.toLowerCase(Locale.ROOT);
    String id = slug(name);
    if (id.isEmpty() || taken.contains(key) || taken.contains(id)) {
      return false;
    }
    taken.add(key);
    return true;
  }

  /** Up to three aliases: an acronym of the name and the base term's aliases, qualified; all unique. */
  private List<String> aliases(Random r, Term b, String name, Set<String> taken) {
    List<String> out = new ArrayList<>();
    StringBuilder acronym = new StringBuilder();
    for (String w : name.split("[\\s-]+")) {
      if (!w.isEmpty() && Character.isLetter(w.charAt(0))) {
        acronym.append(Character.toUpperCase(w.charAt(0)));
      }
    }
    if (acronym.length() >= 3 && r.nextBoolean() && taken.add(acronym.toString().toLowerCase(Locale.ROOT))) {
      out.add(acronym.toString());
    }
    int wanted = r.nextInt(3);
    for (int i = 0; i < wanted && !b.aliases().isEmpty(); i++) {
      String alias = pick(r, nameWords) + " " + pick(r, b.aliases());
      if (taken.add(alias.toLowerCase(Locale.ROOT))) {
        out.add(alias);
      }
    }
    return out;
  }

  private String prose(Random r, Section section, int min, int max) {
    return String.join(" ", sample(r, sentences.get(section), min, max));
  }

  /** Between {@code min} and {@code max} distinct items, in random order. */
  private static <T> List<T> sample(Random r, List<T> pool, int min, int max) {
    int want = Math.min(pool.size(), min + r.nextInt(max - min + 1));
    Set<Integer> picked = new LinkedHashSet<>();
    while (picked.size() < want) {
      picked.add(r.nextInt(pool.size()));
    }
    return picked.stream().map(pool::get).toList();
  }

  private static <T> T pick(Random r, List<T> pool) {
    return pool.get(r.nextInt(pool.size()));
  }

  /** Lowercase letters and digits joined by single hyphens: {@code "Azure Arc-enabled server"} gives {@code azure-arc-enabled-server}. */
  static String slug(String name) {
    String s = NOT_SLUG.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("-");
    int from = 0;
    int to = s.length();
    while (from < to && s.charAt(from) == '-') {
      from++;
    }
    while (to > from && s.charAt(to - 1) == '-') {
      to--;
    }
    return s.substring(from, to);
  }
}
