package io.azureglossary.corpus;

import static io.azureglossary.corpus.CorpusFolder.base;
import static io.azureglossary.corpus.CorpusFolder.replace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.azureglossary.index.FreshIndex;
import io.azureglossary.model.Cli;
import io.azureglossary.model.Term;
import io.azureglossary.search.Glossary;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins each error the loader reports, with file, line, column, JSON path and message, by mutating one
 * valid term file ({@code corpus/storage-queue.json} in the test resources).
 */
final class CorpusValidationTest {
  private static final String FILE = "terms/storage-queue.json";

  @TempDir
  Path dir;
  private CorpusFolder corpus;

  @BeforeEach
  void setUp() {
    corpus = new CorpusFolder(dir);
  }

  private List<String> problemsOf(String json) {
    return corpus.write(FILE, json).problems();
  }

  @Test
  void validTerm_hasNoProblems() {
    assertEquals(List.of(), problemsOf(base()));
  }

  @Test
  void emptyTermsFolder_isAnError() throws Exception {
    java.nio.file.Files.createDirectories(dir.resolve("terms"));
    Validation v = Corpus.validate(dir);
    assertEquals(List.of("terms:0:0: error: $: no term files (*.json): a corpus needs at least one term"),
        v.problems().stream().map(CorpusProblem::toString).toList());
    assertTrue(v.hasErrors());
  }

  @Test
  void filesNotLoaded_areWarnedAboutByName() throws Exception {
    corpus.write(FILE, base());
    java.nio.file.Files.writeString(dir.resolve("terms/vm.JSON"), base());
    java.nio.file.Files.writeString(dir.resolve("terms/notes.txt"), "x");
    java.nio.file.Files.createSymbolicLink(dir.resolve("terms/loop.json"), dir.resolve("terms/loop.json"));
    Validation v = Corpus.validate(dir);
    assertEquals(List.of(
        "terms/loop.json:0:0: warning: $: not loaded: a symbolic link to nothing readable",
        "terms/notes.txt:0:0: warning: $: not loaded: only *.json files are term files",
        "terms/vm.JSON:0:0: warning: $: not loaded: term files must end in .json, in lower case"),
        v.problems().stream().map(CorpusProblem::toString).toList());
    assertEquals(1, v.terms().size());
  }

  @Test
  void validTerm_loadsEveryField() throws CorpusException {
    corpus.write(FILE, base());
    assertEquals(List.of(StorageQueue.term()), Corpus.load(dir).terms());
  }

  @Test
  void optionalFields_absent_loadAsNullOrEmpty() throws CorpusException {
    String json = base().replaceAll("\n  \"(tags|architecture)\": [^\n]*", "")
        .replaceAll("\"source\": \\{[^}]*},\n  ", "")
        .replaceAll("(?s)\"caseStudies\": \\[.*?\n  ],\n  \"cli\": \\{.*?\n  },\n  ", "");
    Term t = StorageQueue.term();
    Term expected = t.toBuilder().tags(List.of()).source(null).caseStudies(List.of()).cli(Cli.NONE).architecture(null)
        .build();
    corpus.write(FILE, json);
    assertEquals(List.of(expected), Corpus.load(dir).terms());
  }

  @Test
  void unknownField_topLevel() {
    String json = replace(base(), "  \"name\"", "  \"extra\": 1,\n  \"name\"");
    assertEquals(List.of(FILE + ":3:3: error: $.extra: unknown field 'extra' (allowed: aliases, architecture,"
        + " caseStudies, category, cli, commonMistakes, cost, definition, difficulty, id, lastVerified, name,"
        + " operations, performance, reliability, security, service, source, tags, technicalContext, whenRelevant,"
        + " whereYouSeeIt, whyItMatters)"), problemsOf(json));
  }

  @Test
  void unknownField_nested() {
    String json = replace(base(), "\"kind\": \"discover\"}", "\"kind\": \"discover\", \"extra\": true}");
    assertEquals(List.of(FILE + ":39:89: error: $.cli.commands[0].extra: unknown field 'extra' (allowed: command, kind)"),
        problemsOf(json));
  }

  @Test
  void requiredField_missing() {
    String json = base().replaceAll("\n  \"security\": [^\n]*", "");
    assertEquals(List.of(FILE + ":1:1: error: $.security: missing required field 'security'"), problemsOf(json));
  }

  @Test
  void requiredField_missingInCaseStudy() {
    String json = base().replaceAll("\n      \"takeaway\": [^\n]*", "")
        .replace("\"results\": [\"Median upload time fell from 4.1 to 0.6 seconds\"],",
            "\"results\": [\"Median upload time fell from 4.1 to 0.6 seconds\"]");
    assertEquals(List.of(FILE + ":27:5: error: $.caseStudies[0].takeaway: missing required field 'takeaway'"),
        problemsOf(json));
  }

  @Test
  void field_stringWhereArrayExpected() {
    String json = replace(base(), "[\"Azure Queue Storage\", \"queue storage\"]", "\"queue storage\"");
    assertEquals(List.of(FILE + ":4:14: error: $.aliases: expected an array, found string"), problemsOf(json));
  }

  @Test
  void field_numberWhereStringExpected() {
    String json = replace(base(), "\"difficulty\": \"beginner\"", "\"difficulty\": 2");
    assertEquals(List.of(FILE + ":8:17: error: $.difficulty: expected a string, found number"), problemsOf(json));
  }

  @Test
  void field_arrayWhereObjectExpected() {
    String json = base().replaceAll("\"source\": \\{[^}]*}", "\"source\": []");
    assertEquals(List.of(FILE + ":10:13: error: $.source: expected an object, found array"), problemsOf(json));
  }

  @Test
  void text_blank() {
    String json = replace(base(), "\"name\": \"Storage queue\"", "\"name\": \"  \"");
    assertEquals(List.of(FILE + ":3:11: error: $.name: must not be blank"), problemsOf(json));
  }

  @Test
  void text_onlyNoBreakAndZeroWidthSpaces_isBlank() {
    String json = replace(base(), "\"name\": \"Storage queue\"", "\"name\": \"\\u00a0\\u200b\\u2007\"");
    assertEquals(List.of(FILE + ":3:11: error: $.name: must not be blank"), problemsOf(json));
  }

  @Test
  void text_indexSeparatorsControlCharactersAndLoneSurrogates_areErrors() {
    String[][] cases = {
        {"Storage\\u001fqueue", "contains the control character U+001F at character 8"},
        {"Storage\\u001equeue", "contains the control character U+001E at character 8"},
        {"Storage\\u0000queue", "contains the control character U+0000 at character 8"},
        {"Storage\\u2029queue", "contains the control character U+2029 at character 8"},
        {"Storage \\ud800queue", "contains half of a surrogate pair (U+D800) at character 9"}};
    for (String[] c : cases) {
      String json = replace(base(), "\"name\": \"Storage queue\"", "\"name\": \"" + c[0] + "\"");
      assertEquals(List.of(FILE + ":3:11: error: $.name: " + c[1]), problemsOf(json), c[0]);
    }
    String emoji = replace(base(), "\"name\": \"Storage queue\"", "\"name\": \"Storage queue \\ud83d\\ude00\"");
    assertEquals(List.of(), problemsOf(emoji)); // a whole surrogate pair is a character like any other
  }

  @Test
  void text_blankListItem() {
    String json = replace(base(), "\"Assuming messages arrive in the order they were sent.\"", "\"\"");
    assertEquals(List.of(FILE + ":50:5: error: $.commonMistakes[0]: must not be blank"), problemsOf(json));
  }

  /** Regression: a blank definition used to crash the reader with a NullPointerException from Term. */
  @Test
  void definition_blank_isReportedNotThrown() {
    String json = base().replaceAll("\"definition\": \"[^\"]*\"", "\"definition\": \"\"");
    assertEquals(List.of(FILE + ":15:17: error: $.definition: must not be blank"), problemsOf(json));
  }

  @Test
  void severalFields_wrong_allReportedInFieldOrder() {
    String json = base().replaceAll("\"definition\": \"[^\"]*\"", "\"definition\": 7")
        .replaceAll("\"cost\": \"[^\"]*\"", "\"cost\": \" \"");
    json = replace(json, "\"kind\": \"create\"", "\"kind\": \"make\"");
    assertEquals(List.of(FILE + ":15:17: error: $.definition: expected a string, found number",
        FILE + ":40:94: error: $.cli.commands[1].kind: bad value 'make' (expected one of discover, create, configure,"
            + " operate, delete)",
        FILE + ":45:11: error: $.cost: must not be blank"), problemsOf(json));
  }

  @Test
  void difficulty_unknownValue() {
    String json = replace(base(), "\"difficulty\": \"beginner\"", "\"difficulty\": \"expert\"");
    assertEquals(List.of(FILE + ":8:17: error: $.difficulty: bad value 'expert' (expected one of beginner,"
        + " intermediate, advanced)"), problemsOf(json));
  }

  @Test
  void category_unknownValue() {
    String json = replace(base(), "\"category\": \"Storage\"", "\"category\": \"Storage accounts\"");
    assertEquals(List.of(FILE + ":6:15: error: $.category: unknown category 'Storage accounts' (expected one of"
        + " AI + machine learning, Analytics, Compute, Containers, Databases, DevOps, Developer tools,"
        + " Hybrid + multicloud, Identity, Integration, Internet of Things, Management and governance, Migration,"
        + " Monitoring, Networking, Security, Storage, Web)"), problemsOf(json));
  }

  @Test
  void cliKind_unknownValue() {
    String json = replace(base(), "\"kind\": \"discover\"", "\"kind\": \"list\"");
    assertEquals(List.of(FILE + ":39:77: error: $.cli.commands[0].kind: bad value 'list' (expected one of discover,"
        + " create, configure, operate, delete)"), problemsOf(json));
  }

  @Test
  void cliCommand_notStartingWithAz() {
    String json = replace(base(), "\"az storage queue list", "\"storage queue list");
    assertEquals(List.of(FILE + ":39:19: error: $.cli.commands[0].command: command 'storage queue list"
        + " --account-name <account>' must start with 'az ' and a lowercase command group"), problemsOf(json));
  }

  @Test
  void cliCommand_noCommandGroupAfterAz() {
    String json = replace(base(), "\"az storage queue list", "\"az --version storage queue list");
    assertEquals(List.of(FILE + ":39:19: error: $.cli.commands[0].command: command 'az --version storage queue list"
        + " --account-name <account>' must start with 'az ' and a lowercase command group"), problemsOf(json));
  }

  @Test
  void alias_listedTwice() {
    String json = replace(base(), "\"queue storage\"]", "\"queue storage\", \"Azure Queue Storage\"]");
    assertEquals(List.of(FILE + ":4:55: error: $.aliases[2]: 'Azure Queue Storage' is listed twice (first at"
        + " $.aliases[0])"), problemsOf(json));
  }

  @Test
  void tag_listedTwice() {
    String json = replace(base(), "[\"messaging\", \"decoupling\"]", "[\"messaging\", \"messaging\"]");
    assertEquals(List.of(FILE + ":7:25: error: $.tags[1]: 'messaging' is listed twice (first at $.tags[0])"),
        problemsOf(json));
  }

  @Test
  void tag_notSlug() {
    String json = replace(base(), "\"decoupling\"", "\"Decoupling\"");
    assertEquals(List.of(FILE + ":7:25: error: $.tags[1]: tag 'Decoupling' is not a lowercase slug"), problemsOf(json));
  }

  @Test
  void sourceUrl_notHttps() {
    String json = replace(base(), "\"url\": \"https://", "\"url\": \"http://");
    assertEquals(List.of(FILE + ":12:12: error: $.source.url: url 'http://learn.microsoft.com/azure/storage/queues/"
        + "storage-queues-introduction' must start with https://"), problemsOf(json));
  }

  @Test
  void date_badFormat() {
    String json = replace(base(), "\"lastVerified\": \"2026-05-14\"", "\"lastVerified\": \"2026-5-14\"");
    assertEquals(List.of(FILE + ":9:19: error: $.lastVerified: bad date '2026-5-14' (expected an ISO date, YYYY-MM-DD)"),
        problemsOf(json));
  }

  @Test
  void date_noSuchDay() {
    String json = replace(base(), "\"date\": \"2026-05-14\"", "\"date\": \"2026-02-30\"");
    assertEquals(List.of(FILE + ":13:13: error: $.source.date: bad date '2026-02-30' (no such day)"), problemsOf(json));
  }

  @Test
  void id_notSlug() {
    String json = replace(base(), "\"id\": \"storage-queue\"", "\"id\": \"Storage_Queue\"");
    assertEquals(List.of(FILE + ":2:9: error: $.id: id 'Storage_Queue' is not a lowercase slug (letters, digits,"
        + " single hyphens)"), problemsOf(json));
  }

  @Test
  void id_notMatchingFileName() {
    corpus.write("terms/queue.json", base());
    assertEquals(List.of("terms/queue.json:2:9: error: $.id: id 'storage-queue' does not match the file name"
        + " 'queue.json'"), corpus.problems());
  }

  @Test
  void id_duplicateAcrossSubfolders() {
    corpus.write("terms/a/storage-queue.json", base()).write("terms/b/storage-queue.json", base());
    assertEquals(List.of("terms/b/storage-queue.json:2:9: error: $.id: duplicate id 'storage-queue': also used by"
        + " terms/a/storage-queue.json"), corpus.problems());
  }

  @Test
  void json_malformed() {
    String json = replace(base(), "\"service\": \"Queue Storage\",", "\"service\": \"Queue Storage\"");
    assertEquals(List.of(FILE + ":6:3: error: $.service: malformed JSON: Unexpected character ('\"' (code 34)):"
        + " was expecting comma to separate Object entries"), problemsOf(json));
  }

  @Test
  void json_duplicateKey() {
    String json = replace(base(), "  \"service\"", "  \"name\": \"Queue\",\n  \"service\"");
    assertEquals(List.of(FILE + ":5:3: error: $.name: duplicate key 'name' (first at 3:3)"), problemsOf(json));
  }

  @Test
  void json_duplicateKeyNested() {
    String json = replace(base(), "\"kind\": \"create\"", "\"kind\": \"create\", \"kind\": \"delete\"");
    assertEquals(List.of(FILE + ":40:104: error: $.cli.commands[1].kind: duplicate key 'kind' (first at 40:86)"),
        problemsOf(json));
  }

  @Test
  void json_malformedInsideArray_pathHasIndex() {
    String json = replace(base(), "\"kind\": \"create\"", "\"kind\": create");
    assertEquals(List.of(FILE + ":40:100: error: $.cli.commands[1].kind: malformed JSON: Unrecognized token 'create':"
        + " was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"), problemsOf(json));
  }

  @Test
  void column_countsCharactersNotBytes() {
    String json = replace(base(), "[\"Azure Queue Storage\", \"queue storage\"]", "[\"Fila de armazenamento é\", \" \"]");
    assertEquals(List.of(FILE + ":4:42: error: $.aliases[1]: must not be blank"), problemsOf(json));
  }

  @Test
  void json_notUtf8() throws java.io.IOException {
    byte[] bytes = replace(base(), "Storage queue", "Storage queue\u0000").getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        bytes[i] = (byte) 0xff;
      }
    }
    Files.createDirectories(dir.resolve("terms"));
    Files.write(dir.resolve(FILE), bytes);
    assertEquals(List.of(FILE + ":3:25: error: $: file is not valid UTF-8 (bad byte 0xff)"), corpus.problems());
  }

  @Test
  void json_byteOrderMark_isAccepted() {
    assertEquals(List.of(), problemsOf("\uFEFF" + base()));
  }

  @Test
  void json_empty() {
    assertEquals(List.of(FILE + ":1:1: error: $: file is empty; expected a JSON object"), problemsOf(""));
  }

  @Test
  void json_notAnObject() {
    assertEquals(List.of(FILE + ":1:1: error: $: expected an object, found array"), problemsOf("[]"));
  }

  @Test
  void validate_reportsEveryErrorOfEveryFile() {
    corpus.write("terms/broken.json", "{\"id\": \"broken\",}");
    String json = replace(base(), "\"difficulty\": \"beginner\"", "\"difficulty\": \"expert\"");
    json = replace(json, "\"lastVerified\": \"2026-05-14\"", "\"lastVerified\": \"2026-13-01\"");
    assertEquals(List.of(
        "terms/broken.json:1:17: error: $.id: malformed JSON: Unexpected character ('}' (code 125)): was expecting"
            + " double-quote to start field name",
        FILE + ":8:17: error: $.difficulty: bad value 'expert' (expected one of beginner, intermediate, advanced)",
        FILE + ":9:19: error: $.lastVerified: bad date '2026-13-01' (no such day)"), problemsOf(json));
  }

  @Test
  void load_corpusWithAnError_loadsNothing() {
    corpus.write("terms/storage-queue.json", replace(base(), "\"difficulty\": \"beginner\"", "\"difficulty\": \"easy\""))
        .write("terms/queue-service.json", replace(base(), "\"id\": \"storage-queue\"", "\"id\": \"queue-service\""));
    CorpusException e = assertThrows(CorpusException.class, () -> Corpus.load(dir));
    String problem = FILE + ":8:17: error: $.difficulty: bad value 'easy' (expected one of beginner, intermediate,"
        + " advanced)";
    assertEquals(List.of(problem), e.problems().stream().map(CorpusProblem::toString).toList());
    assertEquals("1 error in corpus\n  " + problem, e.getMessage());
  }

  @Test
  void load_missingFolder() {
    Path missing = dir.resolve("nowhere");
    CorpusException e = assertThrows(CorpusException.class, () -> Corpus.load(missing));
    assertEquals(List.of(missing + ":0:0: error: $: corpus folder not found"),
        e.problems().stream().map(CorpusProblem::toString).toList());
  }

  @Test
  void alias_claimedByTwoTerms_warnsAndStillLoads() throws CorpusException {
    String other = replace(base(), "\"id\": \"storage-queue\"", "\"id\": \"queue-service\"");
    other = replace(other, "\"name\": \"Storage queue\"", "\"name\": \"Queue service\"");
    other = replace(other, "[\"Azure Queue Storage\", \"queue storage\"]", "[\"Queue Storage\"]");
    corpus.write(FILE, base()).write("terms/queue-service.json", other);
    Corpus loaded = Corpus.load(dir);
    assertEquals(List.of("queue-service", "storage-queue"), loaded.terms().stream().map(t -> t.id()).toList());
    assertEquals(List.of(FILE + ":4:38: warning: $.aliases[1]: alias 'queue storage' is claimed by both"
        + " 'queue-service' and 'storage-queue'"), loaded.warnings().stream().map(CorpusProblem::toString).toList());
  }

  @Test
  void name_claimedByTwoTerms_warnsAtTheName() throws CorpusException {
    String other = replace(base(), "\"id\": \"storage-queue\"", "\"id\": \"queue-service\"");
    other = replace(other, "\"name\": \"Storage queue\"", "\"name\": \"Storage Queue\"");
    other = replace(other, "[\"Azure Queue Storage\", \"queue storage\"]", "[]");
    corpus.write(FILE, base()).write("terms/queue-service.json", other);
    assertEquals(List.of(FILE + ":3:11: warning: $.name: name 'Storage queue' is claimed by both 'queue-service' and"
        + " 'storage-queue'"), Corpus.load(dir).warnings().stream().map(CorpusProblem::toString).toList());
  }

  @Test
  void alias_sameAsAnotherTermsName_warnsAtTheAlias() throws CorpusException {
    String other = replace(base(), "\"id\": \"storage-queue\"", "\"id\": \"queue-service\"");
    other = replace(other, "\"name\": \"Storage queue\"", "\"name\": \"Queue service\"");
    other = replace(other, "[\"Azure Queue Storage\", \"queue storage\"]", "[\"storage queue\"]");
    corpus.write(FILE, base()).write("terms/queue-service.json", other);
    assertEquals(List.of("terms/queue-service.json:4:15: warning: $.aliases[0]: alias 'storage queue' is claimed by"
        + " both 'storage-queue' and 'queue-service'"),
        Corpus.load(dir).warnings().stream().map(CorpusProblem::toString).toList());
  }

  // Hostile input: nothing a term file holds may throw an Error, hang, or pass validation and then fail the reindex.

  /** Regression: the id regex recursed once per part and threw StackOverflowError. */
  @Test
  void id_ofFiveThousandParts_isLocatedErrorNotStackOverflow() {
    String id = "a" + "-a".repeat(4999);
    String json = replace(base(), "\"id\": \"storage-queue\"", "\"id\": \"" + id + "\"");
    assertEquals(List.of(FILE + ":2:9: error: $.id: id is 9999 characters long (at most 100)"), problemsOf(json));
  }

  @Test
  void id_over100Characters_isLocatedError() {
    String ok = "a".repeat(100);
    corpus.write("terms/" + ok + ".json", replace(base(), "\"id\": \"storage-queue\"", "\"id\": \"" + ok + "\""));
    assertEquals(List.of(), corpus.problems());
    corpus.delete("terms/" + ok + ".json");
    String tooLong = "a".repeat(101);
    corpus.write("terms/" + tooLong + ".json",
        replace(base(), "\"id\": \"storage-queue\"", "\"id\": \"" + tooLong + "\""));
    assertEquals(List.of("terms/" + tooLong + ".json:2:9: error: $.id: id is 101 characters long (at most 100)"),
        corpus.problems());
  }

  @Test
  void tag_ofFiveThousandParts_isCheckedWithoutStackOverflow() {
    String tag = "a" + "-a".repeat(4999);
    assertEquals(List.of(), problemsOf(replace(base(), "\"decoupling\"", "\"" + tag + "\"")));
    assertEquals(List.of(FILE + ":7:25: error: $.tags[1]: tag '" + tag.substring(0, 117) + "...' is not a lowercase slug"),
        problemsOf(replace(base(), "\"decoupling\"", "\"" + tag + "-\"")));
  }

  @Test
  void slugRule_isTheSchemaPattern() {
    Pattern schema = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    for (String s : List.of("a", "vm", "a-b", "app-service-2", "0", "a1-2b-c3", "", "-", "-a", "a-", "a--b", "A",
        "a_b", "a b", "a.b", "\u00e9", "a-\u00e9", "a\n", "\uff41", "a-b-")) {
      assertEquals(schema.matcher(s).matches(), TermReader.isSlug(s), "'" + s + "'");
    }
  }

  /** Regression: a name past Lucene's term limit passed validation, and the reindex then failed. */
  @Test
  void name_over16383Bytes_isLocatedError() {
    for (int length : new int[] {16384, 32767}) {
      String json = replace(base(), "\"name\": \"Storage queue\"", "\"name\": \"" + "n".repeat(length) + "\"");
      assertEquals(List.of(FILE + ":3:11: error: $.name: too long for the index: " + length + " bytes in UTF-8, at most"
          + " 16383 for a name or alias (half of Lucene's term limit of 32766 bytes: lowercasing and analysis can"
          + " lengthen it)"), problemsOf(json));
    }
  }

  @Test
  void name_limitCountsUtf8Bytes() {
    String json = replace(base(), "\"name\": \"Storage queue\"", "\"name\": \"" + "\u00e9".repeat(8192) + "\"");
    assertEquals(List.of(FILE + ":3:11: error: $.name: too long for the index: 16384 bytes in UTF-8, at most 16383 for"
        + " a name or alias (half of Lucene's term limit of 32766 bytes: lowercasing and analysis can lengthen it)"),
        problemsOf(json));
  }

  @Test
  void aliasAndService_overTheirLimits_areLocatedErrors() {
    String json = replace(base(), "\"queue storage\"]", "\"" + "q".repeat(16384) + "\"]");
    json = replace(json, "\"service\": \"Queue Storage\"", "\"service\": \"" + "\u00e9".repeat(16384) + "\"");
    assertEquals(List.of(
        FILE + ":4:38: error: $.aliases[1]: too long for the index: 16384 bytes in UTF-8, at most 16383 for a name or"
            + " alias (half of Lucene's term limit of 32766 bytes: lowercasing and analysis can lengthen it)",
        FILE + ":5:14: error: $.service: too long for the index: 32768 bytes in UTF-8, at most 32766 (Lucene's term"
            + " limit)"), problemsOf(json));
  }

  /**
   * At their limits a name, alias and service load, index and search, even made of the characters
   * that lengthen most (U+0130 lowercases to 3 bytes in the exact-name keyword; a letter and U+00A9
   * are two tokens, so the synonym phrase gains a separator every 3 bytes). One byte more and
   * Lucene would refuse the term, so the loader does, before anything is written.
   */
  @Test
  void keywordsAtTheirLimits_index_oneByteMore_neverReachTheIndex() throws Exception {
    assertEquals(IndexWriter.MAX_TERM_LENGTH, TermReader.MAX_KEYWORD_BYTES);
    String name = "b\u00a9".repeat(5461);
    String alias = "\u0130".repeat(8191) + "x";
    String atLimit = replace(base(), "\"name\": \"Storage queue\"", "\"name\": \"" + name + "\"");
    atLimit = replace(atLimit, "\"queue storage\"]", "\"" + alias + "\"]");
    atLimit = replace(atLimit, "\"service\": \"Queue Storage\"", "\"service\": \"" + "s".repeat(32766) + "\"");
    corpus.write(FILE, atLimit);
    Corpus loaded = Corpus.load(dir);
    assertEquals(List.of(16383, 16383, 32766), List.of(utf8(loaded.terms().get(0).name()),
        utf8(loaded.terms().get(0).aliases().get(1)), utf8(loaded.terms().get(0).service())));
    try (Glossary g = Glossary.of(loaded)) {
      assertEquals(1, g.search("storage queue").total());
    }

    Term t = loaded.terms().get(0);
    Term over = t.toBuilder().service(t.service() + "s").build();
    assertThrows(IllegalArgumentException.class, () -> FreshIndex.write(List.of(over), new ByteBuffersDirectory()),
        "Lucene refuses the term, hence the loader must");
    corpus.write(FILE, replace(atLimit, "\"service\": \"", "\"service\": \"s"));
    CorpusException e = assertThrows(CorpusException.class, () -> Corpus.load(dir));
    assertEquals(List.of(FILE + ":5:14: error: $.service: too long for the index: 32767 bytes in UTF-8, at most 32766"
        + " (Lucene's term limit)"), e.problems().stream().map(CorpusProblem::toString).toList());
  }

  private static int utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  /** Regression: a 3 GB file was read whole, and validation died with OutOfMemoryError. A sparse file: no disk used. */
  @Test
  void file_over1MB_isFileLevelErrorWithoutBeingRead() throws Exception {
    corpus.write(FILE, base());
    try (RandomAccessFile f = new RandomAccessFile(dir.resolve("terms/huge.json").toFile(), "rw")) {
      f.setLength(3L << 30);
    }
    Validation v = Corpus.validate(dir);
    assertEquals(List.of("terms/huge.json:0:0: error: $: file is larger than 1 MB"),
        v.problems().stream().map(CorpusProblem::toString).toList());
    assertEquals(1, v.terms().size());
  }

  /** The limit is 1 MB exactly (2^20 bytes): white space pads a valid term to it; one byte more is refused. */
  @Test
  void file_ofExactly1MB_isRead_oneByteMore_isNot() {
    String json = base();
    String padded = json + " ".repeat((1 << 20) - json.getBytes(StandardCharsets.UTF_8).length);
    assertEquals(List.of(), problemsOf(padded));
    assertEquals(List.of(FILE + ":0:0: error: $: file is larger than 1 MB"), problemsOf(padded + " "));
  }

  /** A file that grows after its size was checked is still read no further than the limit and one byte. */
  @Test
  void readAtMost_fileLongerThanTheLimit_isNull() throws Exception {
    Path f = Files.createDirectories(dir.resolve("terms")).resolve("grown.json");
    Files.write(f, new byte[11]);
    assertNull(Corpus.readAtMost(f, 10));
    assertEquals(11, Corpus.readAtMost(f, 11).length);
  }

  /** Regression: Jackson's nesting limit was reported at 0:0 with its own jargon. */
  @Test
  void json_nestedDeeperThan1000_isLocatedError() {
    String json = replace(base(), "[\"Azure Queue Storage\", \"queue storage\"]", "[".repeat(1000) + "]".repeat(1000));
    assertEquals(List.of(FILE + ":4:1014: error: " + ("$.aliases" + "[0]".repeat(999)).substring(0, 197) + "...: beyond the JSON reader's limits:"
        + " document nesting depth (1001) exceeds the maximum allowed (1000)"), problemsOf(json));
  }

  @Test
  void json_nested1000Deep_isReadWithoutStackOverflow() {
    String json = replace(base(), "[\"Azure Queue Storage\", \"queue storage\"]", "[".repeat(999) + "]".repeat(999));
    assertEquals(List.of(FILE + ":4:15: error: $.aliases[0]: expected a string, found array"), problemsOf(json));
  }

  /** Regression: Jackson's number length limit was reported at 0:0. */
  @Test
  void json_numberOf5000Digits_isLocatedError() {
    String json = replace(base(), "\"difficulty\": \"beginner\"", "\"difficulty\": 1" + "0".repeat(4999));
    assertEquals(List.of(FILE + ":8:5017: error: $.difficulty: beyond the JSON reader's limits: number value length"
        + " (5000) exceeds the maximum allowed (1000)"), problemsOf(json));
  }

  @Test
  void json_keyOver50000Characters_isLocatedError() {
    assertEquals(List.of(FILE + ":1:60004: error: $: beyond the JSON reader's limits: name length (60000) exceeds the"
        + " maximum allowed (50000)"), problemsOf("{\"" + "k".repeat(60_000) + "\": 1}"));
  }

  /**
   * Regression: every value's JSON path was built as it was read, so a 50,000-character key over
   * 470,000 array items made 23 GB of path strings: 18 seconds for one 1 MB file.
   */
  @Test
  void json_longKeyOverManyItems_isReadPromptly() {
    String key = "k".repeat(50_000);
    String json = "{\"" + key + "\": [" + "0,".repeat(470_000) + "0]}";
    List<String> problems = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> problemsOf(json));
    assertEquals(FILE + ":1:2: error: $." + key.substring(0, 195) + "...: unknown field '" + key.substring(0, 117)
        + "...' (allowed: aliases, architecture,"
        + " caseStudies, category, cli, commonMistakes, cost, definition, difficulty, id, lastVerified, name,"
        + " operations, performance, reliability, security, service, source, tags, technicalContext, whenRelevant,"
        + " whereYouSeeIt, whyItMatters)", problems.get(0));
    assertEquals(19, problems.size(), "the unknown key and the 18 required fields");
  }

  /** Regression: joining a message's lines took minutes on a long run of spaces (a regular expression backtracking). */
  @Test
  void date_withLongRunOfSpaces_isReportedPromptly() {
    String date = "2026" + " ".repeat(200_000) + "05-14";
    String json = replace(base(), "\"lastVerified\": \"2026-05-14\"", "\"lastVerified\": \"" + date + "\"");
    List<String> problems = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> problemsOf(json));
    assertEquals(List.of(FILE + ":9:19: error: $.lastVerified: bad date '" + date.substring(0, 117) + "...' (expected an ISO date,"
        + " YYYY-MM-DD)"), problems);
  }

  @Test
  void bundled_loadsFromTheClasspath() {
    Validation v = Corpus.validateBundled();
    assertEquals(List.of(), v.errors());
    Corpus bundled = Corpus.bundled();
    assertEquals("classpath:glossary", bundled.origin());
    assertEquals(v.terms().size(), bundled.size());
    assertEquals("Integration runtime", bundled.term("integration-runtime").orElseThrow().name());
  }
}
