package io.azureglossary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.azureglossary.corpus.Corpus;
import io.azureglossary.model.Term;
import io.azureglossary.search.SearchRequest;
import io.azureglossary.search.SearchResponse;
import io.azureglossary.store.GlossaryIndex;
import io.azureglossary.synth.SyntheticCorpus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReindexCommandTest {
  @TempDir
  Path tmp;

  record Run(int code, String out, String err) {}

  static Run glossary(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = GlossaryCli.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path corpus(int n, long seed) throws IOException {
    Path dir = tmp.resolve("corpus");
    SyntheticCorpus.write(SyntheticCorpus.generate(Corpus.bundled(), n, seed), dir);
    return dir;
  }

  private static String summaryPattern(String counts, String mode, Path index) {
    return "reindex: " + counts.replace("(", "\\(").replace(")", "\\)") + " \\(" + Pattern.quote(mode)
        + "\\) in \\d+\\.\\d s \\(validation \\d+\\.\\d s\\); index \\d+\\.\\d MB at " + Pattern.quote(index.toString()) + "\n";
  }

  @Test
  void reindex_newIndex_oneLineSummary() throws IOException {
    Path corpus = corpus(200, 1);
    Path index = tmp.resolve("index");

    Run r = glossary("reindex", "--corpus", corpus.toString(), "--index", index.toString());

    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    assertTrue(r.out().matches(summaryPattern("200 terms: 200 written", "full rebuild: new index", index)), r.out());
  }

  @Test
  void reindex_filesAddedEditedDeleted_incrementalCounts() throws Exception {
    Path corpus = corpus(200, 1);
    Path index = tmp.resolve("index");
    assertEquals(0, glossary("reindex", "--corpus", corpus.toString(), "--index", index.toString()).code());
    List<Path> files = termFiles(corpus);
    Files.delete(files.get(0));
    Files.delete(files.get(1));
    for (Path f : files.subList(10, 13)) {
      Term t = Corpus.load(corpus).term(idOf(f)).orElseThrow();
      Files.write(f, SyntheticCorpus.json(t.toBuilder().definition(t.definition() + " Edited.").build()));
    }
    Term extra = SyntheticCorpus.generate(Corpus.bundled(), 1, 12345).get(0);
    SyntheticCorpus.write(List.of(extra), corpus);

    Run r = glossary("reindex", "--corpus", corpus.toString(), "--index", index.toString());

    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().matches(summaryPattern("199 terms: 1 added, 3 updated, 2 deleted, 195 unchanged",
        "incremental", index)), r.out());
    Run again = glossary("reindex", "--corpus", corpus.toString(), "--index", index.toString());
    assertTrue(again.out().matches(summaryPattern("199 terms: 0 added, 0 updated, 0 deleted, 199 unchanged",
        "index already up to date", index)), again.out());
    Run full = glossary("reindex", "--corpus", corpus.toString(), "--index", index.toString(), "--full");
    assertTrue(full.out().matches(summaryPattern("199 terms: 199 rewritten", "full rebuild: --full", index)), full.out());
  }

  @Test
  void reindex_full_rewritesEveryTerm_andCountsWhatChangedSinceThePreviousIndex() throws Exception {
    Path corpus = corpus(200, 1);
    Path index = tmp.resolve("index");
    assertEquals(0, glossary("reindex", "--corpus", corpus.toString(), "--index", index.toString()).code());
    List<Path> files = termFiles(corpus);
    Files.delete(files.get(0));
    Term t = Corpus.load(corpus).term(idOf(files.get(5))).orElseThrow();
    Files.write(files.get(5), SyntheticCorpus.json(t.toBuilder().definition(t.definition() + " Edited.").build()));

    Run full = glossary("reindex", "--quiet", "--full", "--corpus", corpus.toString(), "--index", index.toString());

    assertEquals(0, full.code(), full.err());
    assertTrue(full.out().matches(summaryPattern("199 terms: 199 rewritten",
        "full rebuild: --full; since the previous index: 0 added, 1 updated, 1 deleted", index)), full.out());
  }

  @Test
  void reindex_corruptJson_exit1NamingFileLineColumn_indexUntouched() throws IOException {
    Path corpus = corpus(200, 1);
    Path index = tmp.resolve("index");
    assertEquals(0, glossary("reindex", "--corpus", corpus.toString(), "--index", index.toString()).code());
    Map<String, String> filesBefore = snapshot(index);
    List<SearchResponse> answersBefore = answers(index);
    Path broken = termFiles(corpus).get(7);
    List<String> lines = new ArrayList<>(Files.readAllLines(broken));
    assertTrue(lines.get(2).startsWith("  \"name\": ") && lines.get(2).endsWith(","), lines.get(2));
    lines.set(2, lines.get(2).substring(0, lines.get(2).length() - 1)); // drop the comma after "name"
    Files.write(broken, lines);

    Run r = glossary("reindex", "--corpus", corpus.toString(), "--index", index.toString());

    assertEquals(1, r.code());
    assertEquals("", r.out());
    String file = "terms/" + broken.getFileName();
    assertTrue(r.err().startsWith(file + ":4:3: error: $"), r.err());
    assertTrue(r.err().contains("malformed JSON"), r.err());
    assertTrue(r.err().endsWith("glossary: " + corpus + " has 1 errors; the index was not changed\n"), r.err());
    assertEquals(filesBefore, snapshot(index));
    assertSameAnswers(answersBefore, answers(index));
  }

  @Test
  void reindex_corruptCorpusAndNoIndexYet_createsNothing() throws IOException {
    Path corpus = corpus(20, 1);
    Files.writeString(termFiles(corpus).get(0), "{");
    Path index = tmp.resolve("index");

    assertEquals(1, glossary("reindex", "--corpus", corpus.toString(), "--index", index.toString()).code());

    assertTrue(Files.notExists(index));
  }

  @Test
  void reindex_anotherReindexHoldsTheLock_exit2() throws IOException {
    Path corpus = corpus(20, 1);
    Path index = tmp.resolve("index");
    assertEquals(0, glossary("reindex", "--corpus", corpus.toString(), "--index", index.toString()).code());

    Run r;
    try (Directory d = FSDirectory.open(index); Lock held = d.obtainLock("reindex.lock")) {
      r = glossary("reindex", "--corpus", corpus.toString(), "--index", index.toString());
    }

    assertEquals(2, r.code());
    assertEquals("glossary: another reindex is running on " + index + " (its reindex.lock is held); try again when"
        + " it has finished\n", r.err());
    assertEquals(0, glossary("reindex", "--corpus", corpus.toString(), "--index", index.toString()).code());
  }

  @Test
  void reindex_indexFolderHoldsOtherFiles_exit2() throws IOException {
    Path corpus = corpus(20, 1);

    Run r = glossary("reindex", "--corpus", corpus.toString(), "--index", corpus.toString());

    assertEquals(2, r.code());
    assertEquals("glossary: " + corpus + " is not empty and holds no glossary index (found 'terms'); point --index at a"
        + " new or empty folder\n", r.err());
  }

  @Test
  void reindex_indexFolderWithAStrayFile_exit2SayingSo_searchStillServes() throws Exception {
    Path index = indexOfTwentyTerms();
    Files.writeString(index.resolve("x.txt"), "notes");

    Run r = glossary("reindex", "--corpus", tmp.resolve("twenty").toString(), "--index", index.toString());
    Run search = glossary("search", "--index", index.toString(), "--json", "vm");

    assertEquals(2, r.code());
    assertEquals("glossary: " + index + " holds a glossary index and other files ('x.txt'); a reindex writes only into"
        + " a folder of index files: move them out, or point --index at a new or empty folder\n", r.err());
    assertEquals(0, search.code(), search.err());
    assertTrue(Json.MAPPER.readTree(search.out()).get("total").asInt() > 0, search.out());
  }

  @Test
  void indexOfANewerFormat_searchAndReindexAdviseReindexFull_exit2() throws Exception {
    Path index = indexOfTwentyTerms();
    setFormatVersion(index, 2);
    String advice = "glossary: " + index + " was written in index format 2, newer than this version of"
        + " azure-glossary-search reads (format 1); upgrade, or rebuild it with glossary reindex --full\n";

    Run search = glossary("search", "--index", index.toString(), "vm");
    Run reindex = glossary("reindex", "--corpus", tmp.resolve("twenty").toString(), "--index", index.toString(), "--quiet");

    assertEquals(2, search.code());
    assertEquals(advice, search.err());
    assertEquals(2, reindex.code());
    assertEquals(advice, reindex.err());
    Run full = glossary("reindex", "--corpus", tmp.resolve("twenty").toString(), "--index", index.toString(), "--quiet",
        "--full");
    assertEquals(0, full.code(), full.err());
    assertTrue(full.out().contains("(full rebuild: --full)"), full.out());
  }

  /** Commits the index again with another format version in its manifest, as a newer release would write it. */
  private static void setFormatVersion(Path index, int version) throws IOException {
    try (Directory d = FSDirectory.open(index);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer()).setOpenMode(OpenMode.APPEND))) {
      Map<String, String> data = new TreeMap<>(SegmentInfos.readLatestCommit(d).getUserData());
      data.put("glossary.formatVersion", Integer.toString(version));
      w.setLiveCommitData(data.entrySet());
      w.commit();
    }
  }

  @Test
  void reindex_missingIndexOption_exit2() {
    Run r = glossary("reindex", "--corpus", tmp.toString());

    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("glossary: Missing required option: '--index=DIR'"), r.err());
  }

  /** {@code tmp/index}, reindexed from 20 synthetic terms (seed 1). */
  private Path indexOfTwentyTerms() throws Exception {
    Path index = tmp.resolve("index");
    Path twenty = tmp.resolve("twenty");
    SyntheticCorpus.write(SyntheticCorpus.generate(Corpus.bundled(), 20, 1), twenty);
    assertEquals(0, glossary("reindex", "--corpus", twenty.toString(), "--index", index.toString()).code());
    return index;
  }

  @Test
  void reindex_emptyTermsFolder_exit1AndTheIndexStays() throws Exception {
    Path index = indexOfTwentyTerms();
    Map<String, String> before = snapshot(index);
    Path empty = java.nio.file.Files.createDirectories(tmp.resolve("empty").resolve("terms"));

    var r = glossary("reindex", "--corpus", empty.getParent().toString(), "--index", index.toString(), "--allow-shrink");

    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("terms:0:0: error: $: no term files (*.json): a corpus needs at least one term"), r.err());
    assertEquals(before, snapshot(index));
    var v = glossary("validate", "--corpus", empty.getParent().toString());
    assertEquals(1, v.code(), v.out());
  }

  @Test
  void reindex_deletingMoreThanATenth_exit1OnOneLine_unlessAllowed() throws Exception {
    Path index = indexOfTwentyTerms();
    Map<String, String> before = snapshot(index);
    Path other = tmp.resolve("other");
    SyntheticCorpus.write(SyntheticCorpus.generate(Corpus.bundled(), 20, 2), other); // other ids: all 20 would go

    var refused = glossary("reindex", "--corpus", other.toString(), "--index", index.toString(), "--quiet");

    assertEquals(1, refused.code(), refused.err());
    assertEquals(1, refused.err().strip().lines().count(), refused.err());
    assertTrue(refused.err().startsWith("glossary: reindex would delete 20 of the 20 terms in "), refused.err());
    assertTrue(refused.err().endsWith(" (more than 10% in one run); nothing was changed. If they are meant to go,"
        + " reindex with --allow-shrink\n"), refused.err());
    assertEquals(before, snapshot(index));

    var allowed = glossary("reindex", "--corpus", other.toString(), "--index", index.toString(), "--quiet",
        "--allow-shrink");
    assertEquals(0, allowed.code(), allowed.err());
    assertTrue(allowed.out().contains("20 deleted"), allowed.out());
  }

  /** As below, for validate: one line and exit 2, not the JVM's stack trace and exit 1 ("corpus errors"). */
  @Test
  void validate_outOfMemory_exit2OnOneLine() throws Exception {
    Path big = corpus(3000, 3);

    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx12m",
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), GlossaryCli.class.getName(),
        "validate", "--corpus", big.toString()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertEquals(2, p.waitFor(), output);
    assertEquals(List.of("glossary: out of memory (Java heap space); the terms are held in memory while they are"
        + " checked: give Java more heap, e.g. GLOSSARY_JAVA_OPTS=-Xmx2g"),
        output.lines().filter(l -> !l.startsWith("WARNING")).toList());
  }

  /** Run in a JVM with a 24 MB heap: the JVM's own exit code for an OutOfMemoryError (1) would say "corpus errors". */
  @Test
  void reindex_outOfMemory_exit2AndThePreviousIndexStays() throws Exception {
    Path index = indexOfTwentyTerms();
    Map<String, String> before = snapshot(index);
    Path big = corpus(2000, 3);

    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx24m",
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), GlossaryCli.class.getName(),
        "reindex", "--corpus", big.toString(), "--index", index.toString(), "--allow-shrink").redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertEquals(2, p.waitFor(), output);
    assertTrue(output.contains("glossary: out of memory (Java heap space); the corpus is held in memory while it is"
        + " indexed: give Java more heap, e.g. GLOSSARY_JAVA_OPTS=-Xmx2g. The previous index is still live."), output);
    try (GlossaryIndex idx = GlossaryIndex.open(index)) {
      assertEquals(20, idx.glossary().size());
    }
    Map<String, String> after = snapshot(index);
    after.keySet().retainAll(before.keySet());
    assertEquals(before, after, "the live generation's files are untouched");

    Run next = glossary("reindex", "--corpus", tmp.resolve("twenty").toString(), "--index", index.toString());

    assertTrue(next.out().contains("(index already up to date)"), next.out());
    Map<String, String> cleaned = snapshot(index);
    assertEquals(before, cleaned, "files the killed run left behind are deleted by the next run, even an unchanged one");
  }

  /**
   * Hostile term files (a 3 GB file, JSON nested past Jackson's limit, an id of 5,000 parts, a name
   * past Lucene's term limit) are one located line each, for reindex and validate alike: exit 1,
   * no stack trace, and the index as it was.
   */
  @Test
  void reindexAndValidate_hostileTermFiles_exit1OneLocatedLineEach_indexUntouched() throws Exception {
    Path index = indexOfTwentyTerms();
    Map<String, String> before = snapshot(index);
    Path corpus = tmp.resolve("twenty");
    Path terms = corpus.resolve("terms");
    Term t = Corpus.load(corpus).terms().get(0);
    try (RandomAccessFile f = new RandomAccessFile(terms.resolve("huge.json").toFile(), "rw")) {
      f.setLength(3L << 30); // sparse: no disk used
    }
    Files.writeString(terms.resolve("deep.json"), "{\"id\": " + "[".repeat(1000) + "]".repeat(1000) + "}");
    Files.write(terms.resolve("long-id.json"), SyntheticCorpus.json(t.toBuilder().id("a" + "-a".repeat(4999)).build()));
    Files.write(terms.resolve("long-name.json"), SyntheticCorpus.json(t.toBuilder().id("long-name").name("n".repeat(40_000)).build()));
    List<String> errors = List.of(
        "terms/deep.json:1:1008: error: " + ("$.id" + "[0]".repeat(999)).substring(0, 197) + "...: beyond the JSON reader's limits: document"
            + " nesting depth (1001) exceeds the maximum allowed (1000)",
        "terms/huge.json:0:0: error: $: file is larger than 1 MB",
        "terms/long-id.json:2:9: error: $.id: id is 9999 characters long (at most 100)",
        "terms/long-name.json:3:11: error: $.name: too long for the index: 40000 bytes in UTF-8, at most 16383 for a"
            + " name or alias (half of Lucene's term limit of 32766 bytes: lowercasing and analysis can lengthen it)");

    Run r = glossary("reindex", "--corpus", corpus.toString(), "--index", index.toString(), "--quiet");

    assertEquals(1, r.code(), r.err());
    assertEquals("", r.out());
    List<String> lines = new ArrayList<>(r.err().lines().filter(l -> !l.contains(": warning: ")).toList());
    assertEquals("glossary: " + corpus + " has 4 errors; the index was not changed", lines.remove(lines.size() - 1));
    assertEquals(errors, lines);
    assertEquals(before, snapshot(index));

    Run v = glossary("validate", "--corpus", corpus.toString());

    assertEquals(1, v.code(), v.err());
    assertEquals("", v.err());
    assertEquals(errors, v.out().lines().filter(l -> l.contains(": error: ")).toList());
    assertTrue(v.out().lines().allMatch(l -> l.contains(": error: ") || l.contains(": warning: ")
        || l.startsWith(corpus + ": 20 terms, 4 errors, ")), v.out());
  }

  @Test
  void reindex_zeroThreads_exit2() {
    Run r = glossary("reindex", "--threads", "0", "--corpus", tmp.toString(), "--index", tmp.resolve("i").toString());

    assertEquals(2, r.code());
    assertEquals("glossary: --threads must be between 1 and 64 (got 0)\n", r.err());
    assertTrue(Files.notExists(tmp.resolve("i")));
  }

  @Test
  void reindex_1000Terms_plainProgressLinesOffTerminal() throws IOException {
    Path corpus = corpus(1000, 2);
    String[] args = {"reindex", "--corpus", corpus.toString(), "--index", tmp.resolve("index").toString()};

    Run first = glossary(args);
    Run second = glossary(args);

    assertEquals(0, first.code(), first.err());
    List<String> writing = new ArrayList<>();
    List<String> checking = new ArrayList<>();
    for (int tenth = 1; tenth <= 10; tenth++) {
      writing.add("reindex: writing " + tenth * 100 + "/1000 documents (" + tenth * 10 + "%) T s");
      checking.add("reindex: checking " + tenth * 100 + "/1000 terms (" + tenth * 10 + "%) T s");
    }
    writing.add("reindex: committing");
    assertEquals(writing, withoutTimes(first.err()));
    assertEquals(checking, withoutTimes(second.err()));
  }

  private static List<String> withoutTimes(String progress) {
    return progress.lines().map(l -> l.replaceAll(" \\d+\\.\\d s$", " T s")).toList();
  }

  @Test
  void reindex_quiet_noProgress() throws IOException {
    Path corpus = corpus(1000, 2);

    Run r = glossary("reindex", "--quiet", "--corpus", corpus.toString(), "--index", tmp.resolve("index").toString());

    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
  }

  /** {@code corpus(20, 1)} with three files in terms/ that are not loaded: a warning each. */
  private Path corpusWithThreeWarnings() throws IOException {
    Path corpus = corpus(20, 1);
    for (String stray : List.of("notes.txt", "old.json.bak", "README")) {
      Files.writeString(corpus.resolve("terms").resolve(stray), "x");
    }
    return corpus;
  }

  @Test
  void reindex_quiet_countsTheWarningsInTheSummaryLine() throws IOException {
    Path corpus = corpusWithThreeWarnings();
    Path index = tmp.resolve("index");

    Run r = glossary("reindex", "--quiet", "--corpus", corpus.toString(), "--index", index.toString());

    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    assertEquals(1, r.out().lines().count(), r.out());
    assertTrue(r.out().endsWith("; 3 warnings (glossary validate --corpus " + corpus + " lists them)\n"), r.out());
    Files.delete(corpus.resolve("terms").resolve("README"));
    Files.delete(corpus.resolve("terms").resolve("notes.txt"));
    Run one = glossary("reindex", "--quiet", "--corpus", corpus.toString(), "--index", index.toString());
    assertTrue(one.out().endsWith("; 1 warning (glossary validate --corpus " + corpus + " lists it)\n"), one.out());
  }

  @Test
  void reindex_withoutQuiet_listsTheWarnings_summaryUnchanged() throws IOException {
    Path corpus = corpusWithThreeWarnings();
    Path index = tmp.resolve("index");

    Run r = glossary("reindex", "--corpus", corpus.toString(), "--index", index.toString());

    assertEquals(0, r.code(), r.err());
    assertEquals(3, r.err().lines().filter(l -> l.contains(": warning: ")).count(), r.err());
    assertTrue(r.out().endsWith(" at " + index + "\n"), r.out());
  }

  @Test
  void reindex_quiet_corpusErrors_listsEveryError_countsTheWarnings() throws IOException {
    Path corpus = corpusWithThreeWarnings();
    List<Path> json = termFiles(corpus).stream().filter(f -> f.toString().endsWith(".json")).toList();
    Files.writeString(json.get(0), "{");
    Files.writeString(json.get(1), "{");

    Run r = glossary("reindex", "--quiet", "--corpus", corpus.toString(), "--index", tmp.resolve("index").toString());

    assertEquals(1, r.code(), r.err());
    List<String> lines = r.err().lines().toList();
    assertEquals(3, lines.size(), r.err());
    assertTrue(lines.get(0).contains(": error: ") && lines.get(1).contains(": error: "), r.err());
    assertEquals("glossary: " + corpus + " has 2 errors and 3 warnings (glossary validate --corpus " + corpus
        + " lists them); the index was not changed", lines.get(2));
  }

  @Test
  void searchAndSuggest_index_sameOutputAsTheCorpusInMemory() throws IOException {
    Path corpus = tmp.resolve("bundled-copy");
    SyntheticCorpus.write(Corpus.bundled().terms(), corpus);
    Path index = tmp.resolve("index");
    assertEquals(0, glossary("reindex", "--corpus", corpus.toString(), "--index", index.toString()).code());

    for (String q : List.of("SHIR offline", "storage acount", "az aks nodepool add", "section:security key vault")) {
      Run fromCorpus = glossary("search", "--json", "--limit", "15", "--corpus", corpus.toString(), q);
      Run fromIndex = glossary("search", "--json", "--limit", "15", "--index", index.toString(), q);
      assertEquals(0, fromIndex.code(), fromIndex.err());
      assertEquals(withoutTiming(fromCorpus.out()), withoutTiming(fromIndex.out()), q);
    }
    assertEquals(glossary("suggest", "--corpus", corpus.toString(), "app s").out(),
        glossary("suggest", "--index", index.toString(), "app s").out());
  }

  @Test
  void eval_index_sameFiguresAsTheBundledGlossary() throws IOException {
    Path corpus = tmp.resolve("bundled-copy");
    SyntheticCorpus.write(Corpus.bundled().terms(), corpus);
    Path index = tmp.resolve("index");
    assertEquals(0, glossary("reindex", "--corpus", corpus.toString(), "--index", index.toString()).code());

    String queries = Path.of("../corpus/eval/queries.tsv").toString();
    Run bundled = glossary("eval", "--queries", queries);
    Run fromIndex = glossary("eval", "--queries", queries, "--index", index.toString());

    assertEquals(0, bundled.code(), bundled.err());
    assertEquals(0, fromIndex.code(), fromIndex.err());
    assertTrue(bundled.out().lines().count() > 5 && bundled.out().contains("0."), bundled.out());
    assertEquals(bundled.out(), fromIndex.out());
  }

  @Test
  void search_corpusAndIndexTogether_exit2() {
    Run r = glossary("search", "--corpus", tmp.toString(), "--index", tmp.toString(), "vm");

    assertEquals(2, r.code());
    assertEquals("glossary: --corpus and --index are mutually exclusive: search a corpus folder or an index\n", r.err());
  }

  @Test
  void search_noIndexInFolder_exit2() {
    Run r = glossary("search", "--index", tmp.toString(), "vm");

    assertEquals(2, r.code());
    assertEquals("glossary: " + tmp + ": holds no glossary index; build one with glossary reindex\n", r.err());
  }

  @Test
  void synth_writesNTermsAndRefusesToMixWithOldOnes() throws IOException {
    Path out = tmp.resolve("synth");

    Run first = glossary("synth", "--terms", "50", "--out", out.toString(), "--seed", "3");
    Run second = glossary("synth", "--terms", "20", "--out", out.toString());
    Run forced = glossary("synth", "--terms", "20", "--out", out.toString(), "--force");

    assertEquals(0, first.code(), first.err());
    assertTrue(first.out().matches("wrote 50 terms to " + Pattern.quote(out.resolve("terms").toString())
        + " \\(\\d+\\.\\d MB, seed 3\\) in \\d+\\.\\d s\n"), first.out());
    assertEquals(2, second.code());
    assertEquals("glossary: " + out.resolve("terms") + " already holds 50 term files; choose an empty folder or pass"
        + " --force to replace them\n", second.err());
    assertEquals(0, forced.code(), forced.err());
    assertEquals(20, termFiles(out).size());
    assertEquals(0, glossary("validate", "--corpus", out.toString()).code());
  }

  @Test
  void synth_zeroTerms_exit2() {
    Run r = glossary("synth", "--terms", "0", "--out", tmp.toString());

    assertEquals(2, r.code());
    assertEquals("glossary: --terms must be at least 1 (got 0)\n", r.err());
  }

  // ---------------------------------------------------------------------------------------------

  private static List<Path> termFiles(Path corpus) throws IOException {
    try (Stream<Path> s = Files.list(corpus.resolve("terms"))) {
      return s.sorted().toList();
    }
  }

  private static String idOf(Path file) {
    String n = file.getFileName().toString();
    return n.substring(0, n.length() - ".json".length());
  }

  /** Every file of the folder with its size and modification time. */
  private static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        FileTime mtime = Files.getLastModifiedTime(p);
        out.put(p.getFileName().toString(), Files.size(p) + "@" + mtime.toMillis());
      }
    }
    return out;
  }

  private static List<SearchResponse> answers(Path index) throws IOException {
    try (GlossaryIndex idx = GlossaryIndex.open(index)) {
      List<SearchResponse> out = new ArrayList<>();
      for (String q : List.of("key vault", "subnet full", "az network")) {
        out.add(idx.glossary().search(SearchRequest.of(q).limit(20)));
      }
      return out;
    }
  }

  private static void assertSameAnswers(List<SearchResponse> expected, List<SearchResponse> actual) {
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i).results(), actual.get(i).results());
      assertEquals(expected.get(i).total(), actual.get(i).total());
    }
  }

  private static JsonNode withoutTiming(String json) throws IOException {
    ObjectNode node = (ObjectNode) Json.MAPPER.readTree(json.getBytes(StandardCharsets.UTF_8));
    node.remove("tookMicros");
    return node;
  }
}
