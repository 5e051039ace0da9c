package io.azureglossary.corpus;

import io.azureglossary.corpus.CorpusProblem.Severity;
import io.azureglossary.model.Term;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A validated, immutable set of glossary terms, sorted by id. Load the copy bundled on the
 * classpath with {@link #bundled()}, or a corpus folder with {@link #load(Path)}; a corpus with any
 * error loads nothing. Thread-safe.
 *
 * <p>A corpus folder holds the term files in {@code terms/} (subfolders allowed) or directly.
 */
public final class Corpus {
  /** Where the bundled corpus lives on the classpath. */
  static final String BUNDLED_ROOT = "glossary";
  /**
   * The largest term file read, 1 MB: the largest real one has 11 KB. A larger file is an error
   * and is not opened, so no file can exhaust the memory.
   */
  static final int MAX_FILE_BYTES = 1 << 20;
  private static volatile Corpus bundled;

  private final String origin;
  private final List<Term> terms;
  private final Map<String, Term> byId;
  private final List<CorpusProblem> warnings;

  private Corpus(String origin, List<Term> terms, List<CorpusProblem> warnings) {
    this.origin = origin;
    this.terms = List.copyOf(terms);
    Map<String, Term> m = new LinkedHashMap<>();
    terms.forEach(t -> m.put(t.id(), t));
    this.byId = m;
    this.warnings = List.copyOf(warnings);
  }

  /**
   * Builds a corpus from terms already in memory, for tests and generators; ids must be unique.
   *
   * @param origin a name for where the terms came from, shown by {@link #origin()}
   * @param terms the terms, in any order
   * @return the corpus, sorted by id, without warnings
   * @throws IllegalArgumentException if two terms have the same id
   */
  public static Corpus of(String origin, List<Term> terms) {
    Map<String, Term> seen = new HashMap<>();
    for (Term t : terms) {
      if (seen.put(t.id(), t) != null) {
        throw new IllegalArgumentException("duplicate term id '" + t.id() + "'");
      }
    }
    return new Corpus(origin, terms.stream().sorted(Comparator.comparing(Term::id)).toList(), List.of());
  }

  /**
   * The glossary bundled with the library (the {@code glossary-corpus} jar). Loaded once.
   *
   * @return the bundled corpus, shared
   * @throws IllegalStateException if the bundled corpus is missing or invalid, which the build's
   *     tests rule out
   */
  public static Corpus bundled() {
    Corpus c = bundled;
    if (c == null) {
      synchronized (Corpus.class) {
        c = bundled;
        if (c == null) {
          Validation v = validateBundled();
          if (v.hasErrors()) {
            throw new IllegalStateException(new CorpusException(v.problems()).getMessage());
          }
          bundled = c = new Corpus(v.origin(), v.terms(), v.warnings());
        }
      }
    }
    return c;
  }

  /**
   * Loads and validates a corpus folder.
   *
   * @param dir the corpus folder: term files in its {@code terms/} folder, or directly in it
   * @return the corpus, with the warnings found
   * @throws CorpusException if the folder has any error; it lists every problem found
   */
  public static Corpus load(Path dir) throws CorpusException {
    Validation v = validate(dir);
    if (v.hasErrors()) {
      throw new CorpusException(v.problems());
    }
    return new Corpus(v.origin(), v.terms(), v.warnings());
  }

  /**
   * Checks every file of a corpus folder and reports all problems, without throwing on bad data.
   *
   * @param dir the corpus folder: term files in its {@code terms/} folder, or directly in it
   * @return the valid terms and every problem found
   */
  public static Validation validate(Path dir) {
    Path root = Files.isDirectory(dir.resolve("terms")) ? dir.resolve("terms") : dir;
    if (!Files.isDirectory(root)) {
      return new Validation(dir.toString(), List.of(), List.of(new CorpusProblem(Severity.ERROR,
          dir.toString(), 0, 0, "$", "corpus folder not found")));
    }
    return validate(dir.toString(), root, root.getParent() == null ? root : root.getParent());
  }

  /**
   * Checks the corpus bundled on the classpath.
   *
   * @return the valid terms and every problem found
   * @throws IllegalStateException if the {@code glossary-corpus} jar is not on the classpath
   */
  public static Validation validateBundled() {
    URL schema = Corpus.class.getClassLoader().getResource(BUNDLED_ROOT + "/term.schema.json");
    if (schema == null) {
      throw new IllegalStateException("bundled corpus not found on the classpath (" + BUNDLED_ROOT
          + "/term.schema.json); add the glossary-corpus jar");
    }
    try {
      URI uri = schema.toURI();
      if ("jar".equals(uri.getScheme())) {
        FileSystem fs;
        try {
          fs = FileSystems.getFileSystem(uri);
        } catch (FileSystemNotFoundException e) {
          try {
            fs = FileSystems.newFileSystem(uri, Map.of());
          } catch (java.nio.file.FileSystemAlreadyExistsException raced) {
            fs = FileSystems.getFileSystem(uri);
          }
        }
        Path terms = fs.getPath(BUNDLED_ROOT, "terms");
        return validate("classpath:" + BUNDLED_ROOT, terms, fs.getPath(BUNDLED_ROOT));
      }
      Path terms = Path.of(uri).resolveSibling("terms");
      return validate("classpath:" + BUNDLED_ROOT, terms, terms.getParent());
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot open the bundled corpus at " + schema, e);
    }
  }

  /** A path as problems name it: relative to the corpus folder, with forward slashes. */
  private static String shown(Path relativeTo, Path p) {
    return relativeTo.relativize(p).toString().replace('\\', '/');
  }

  /** Why a file in the terms folder is not read as a term, or null when it is. */
  private static String skipReason(Path p) {
    String name = p.getFileName().toString();
    if (!Files.isRegularFile(p)) {
      return Files.isSymbolicLink(p) ? "a symbolic link to nothing readable" : "not a regular file";
    }
    if (name.endsWith(".json")) {
      return null;
    }
    if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
      return "term files must end in .json, in lower case";
    }
    return "only *.json files are term files";
  }

  private static Validation validate(String origin, Path termsDir, Path relativeTo) {
    List<Path> files;
    List<CorpusProblem> problems = new ArrayList<>();
    try (Stream<Path> s = Files.walk(termsDir)) {
      List<Path> entries = s.filter(p -> p.getFileName() != null && !Files.isDirectory(p))
          .sorted(Comparator.comparing(Path::toString))
          .toList();
      files = new ArrayList<>();
      for (Path p : entries) {
        String reason = skipReason(p);
        if (reason == null) {
          files.add(p);
        } else { // a renamed or odd file must not silently drop a term from the next reindex
          problems.add(new CorpusProblem(Severity.WARNING, shown(relativeTo, p), 0, 0, "$", "not loaded: " + reason));
        }
      }
    } catch (NoSuchFileException e) {
      return new Validation(origin, List.of(), List.of(new CorpusProblem(Severity.ERROR,
          termsDir.toString(), 0, 0, "$", "corpus folder not found")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + termsDir, e);
    }
    if (files.isEmpty()) { // an empty folder must not reindex into an empty glossary
      String name = shown(relativeTo, termsDir);
      problems.add(new CorpusProblem(Severity.ERROR, name.isEmpty() ? termsDir.toString() : name, 0, 0, "$",
          "no term files (*.json): a corpus needs at least one term"));
    }
    List<Term> terms = new ArrayList<>();
    Map<String, String> fileById = new HashMap<>();
    Map<String, TermReader.Result> readById = new HashMap<>();
    for (Path f : files) {
      String name = shown(relativeTo, f);
      String fileName = f.getFileName().toString();
      String expectedId = fileName.substring(0, fileName.length() - ".json".length());
      byte[] bytes;
      try {
        bytes = Files.size(f) > MAX_FILE_BYTES ? null : readAtMost(f, MAX_FILE_BYTES);
      } catch (IOException e) {
        problems.add(new CorpusProblem(Severity.ERROR, name, 0, 0, "$", "cannot read file: " + e.getMessage()));
        continue;
      }
      if (bytes == null) {
        problems.add(new CorpusProblem(Severity.ERROR, name, 0, 0, "$",
            "file is larger than " + (MAX_FILE_BYTES >> 20) + " MB"));
        continue;
      }
      TermReader.Result r = TermReader.read(name, expectedId, bytes);
      problems.addAll(r.problems());
      String id = r.declaredId() != null ? r.declaredId() : expectedId;
      String other = fileById.putIfAbsent(id, name);
      if (other != null) {
        TermReader.Position at = r.position("$.id");
        problems.add(new CorpusProblem(Severity.ERROR, name, at.line(), at.column(), "$.id",
            "duplicate id '" + id + "': also used by " + other));
        continue;
      }
      if (r.term() != null) {
        terms.add(r.term());
        readById.put(id, r);
      }
    }
    problems.addAll(aliasConflicts(terms, fileById, readById));
    terms.sort(Comparator.comparing(Term::id));
    return new Validation(origin, terms, problems);
  }

  /**
   * A file's bytes, or null if it has more than {@code max}: never reads more than one byte over,
   * should the file have grown since its size was checked.
   */
  static byte[] readAtMost(Path f, int max) throws IOException {
    try (InputStream in = Files.newInputStream(f)) {
      byte[] bytes = in.readNBytes(max + 1);
      return bytes.length > max ? null : bytes;
    }
  }

  /** An alias (or name) claimed by two terms makes search ambiguous: warn, naming both, at the later claim. */
  private static List<CorpusProblem> aliasConflicts(List<Term> terms, Map<String, String> fileById,
      Map<String, TermReader.Result> readById) {
    Map<String, String> owner = new HashMap<>();
    List<CorpusProblem> out = new ArrayList<>();
    for (Term t : terms) {
      String prev = owner.putIfAbsent(t.name().toLowerCase(Locale.ROOT), t.id());
      if (prev != null) {
        out.add(claimedTwice(t, "$.name", "name '" + t.name() + "'", prev, fileById, readById));
      }
    }
    for (Term t : terms) {
      for (int i = 0; i < t.aliases().size(); i++) {
        String a = t.aliases().get(i);
        String prev = owner.putIfAbsent(a.toLowerCase(Locale.ROOT), t.id());
        if (prev != null && !prev.equals(t.id())) {
          out.add(claimedTwice(t, "$.aliases[" + i + "]", "alias '" + a + "'", prev, fileById, readById));
        }
      }
    }
    return out;
  }

  private static CorpusProblem claimedTwice(Term t, String path, String what, String prev,
      Map<String, String> fileById, Map<String, TermReader.Result> readById) {
    TermReader.Position at = readById.get(t.id()).position(path);
    return new CorpusProblem(Severity.WARNING, fileById.get(t.id()), at.line(), at.column(), path,
        what + " is claimed by both '" + prev + "' and '" + t.id() + "'");
  }

  /** {@return where the corpus came from: a folder, or {@code classpath:glossary}} */
  public String origin() {
    return origin;
  }

  /** {@return all terms, sorted by id} */
  public List<Term> terms() {
    return terms;
  }

  /**
   * The term with this id.
   *
   * @param id a term id, such as {@code integration-runtime}
   * @return the term, or empty if the corpus has none with that id
   */
  public Optional<Term> term(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** {@return the number of terms} */
  public int size() {
    return terms.size();
  }

  /** {@return the warnings found while loading, such as an alias claimed by two terms} */
  public List<CorpusProblem> warnings() {
    return warnings;
  }
}
