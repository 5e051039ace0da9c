package io.azureglossary.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.azureglossary.model.Cli;
import io.azureglossary.model.CliCommand;
import io.azureglossary.model.Difficulty;
import io.azureglossary.model.Source;
import io.azureglossary.model.Term;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TermJsonTest {
  /** A term with only the required fields, short enough to spell out its whole output. */
  private static Term minimal() {
    return Term.builder().id("cafe-queue").name("Café queue").service("Queue Storage").category("Storage")
        .difficulty(Difficulty.ADVANCED).lastVerified(LocalDate.of(2026, 1, 2)).definition("Definition.")
        .technicalContext("Context.").whyItMatters("Matters.").whereYouSeeIt(List.of("Portal."))
        .whenRelevant(List.of("Bursts.", "Retries.")).security("Security.").cost("Cost.").reliability("Reliability.")
        .performance("Performance.").operations("Operations.").commonMistakes(List.of("Mistake.")).build();
  }

  /** The names in a folder, sorted. */
  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** A stream that passes {@code limit} bytes on, then fails as a full disk does. */
  private static OutputStream failingAfter(OutputStream out, int limit) {
    return new FilterOutputStream(out) {
      private int written;

      @Override
      public void write(int b) throws IOException {
        if (written++ == limit) {
          throw new IOException("No space left on device");
        }
        super.write(b);
      }
    };
  }

  private static Term read(String id, String json) {
    TermReader.Result r = TermReader.read(id + ".json", id, json.getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), r.problems());
    return r.term();
  }

  @Test
  void write_fullTerm_schemaOrderAndTwoSpaceIndent() {
    assertEquals(CorpusFolder.resource("/corpus/storage-queue.written.json"), TermJson.write(StorageQueue.term()));
  }

  @Test
  void write_absentOptionalFields_leftOut() {
    assertEquals("""
        {
          "id": "cafe-queue",
          "name": "Café queue",
          "aliases": [],
          "service": "Queue Storage",
          "category": "Storage",
          "difficulty": "advanced",
          "lastVerified": "2026-01-02",
          "definition": "Definition.",
          "technicalContext": "Context.",
          "whyItMatters": "Matters.",
          "whereYouSeeIt": [
            "Portal."
          ],
          "whenRelevant": [
            "Bursts.",
            "Retries."
          ],
          "security": "Security.",
          "cost": "Cost.",
          "reliability": "Reliability.",
          "performance": "Performance.",
          "operations": "Operations.",
          "commonMistakes": [
            "Mistake."
          ]
        }
        """, TermJson.write(minimal()));
  }

  @Test
  void write_sourceWithoutUrlOrDate_cliWithoutUseCases() {
    Term t = minimal().toBuilder().source(new Source("Queue docs", null, null))
        .cli(new Cli(List.of(), List.of(new CliCommand("az storage queue list", CliCommand.Kind.DISCOVER))))
        .build();
    String json = TermJson.write(t);
    assertEquals("""
          "lastVerified": "2026-01-02",
          "source": {
            "title": "Queue docs"
          },
          "definition": "Definition.",
        """, json.substring(json.indexOf("  \"lastVerified\""), json.indexOf("  \"technicalContext\"")));
    assertEquals("""
          "cli": {
            "commands": [
              {
                "command": "az storage queue list",
                "kind": "discover"
              }
            ]
          },
          "security": "Security.",
        """, json.substring(json.indexOf("  \"cli\""), json.indexOf("  \"cost\"")));
    assertEquals(t, read(t.id(), json));
  }

  @Test
  void roundTrip_fullTerm() {
    assertEquals(StorageQueue.term(), read("storage-queue", TermJson.write(StorageQueue.term())));
  }

  @Test
  void roundTrip_minimalTerm() {
    assertEquals(minimal(), read("cafe-queue", TermJson.write(minimal())));
  }

  @Test
  void roundTrip_everyBundledTerm(@TempDir Path dir) throws CorpusException {
    Corpus bundled = Corpus.bundled();
    CorpusFolder folder = new CorpusFolder(dir);
    bundled.terms().forEach(t -> folder.write("terms/" + t.id() + ".json", TermJson.write(t)));
    assertEquals(bundled.terms(), Corpus.load(dir).terms());
  }

  @Test
  void read_ofWrite_isTheSameTerm_forEveryBundledTerm() {
    for (Term t : Corpus.bundled().terms()) {
      assertEquals(t, TermJson.read(TermJson.write(t)), t.id());
    }
  }

  @Test
  void read_ofWrite_isTheSameTerm_evenWhereTheCorpusRulesWouldRefuseIt() {
    // a term built in memory need not be a valid corpus file: no sections, an id that is no slug, a blank name
    Term bare = Term.builder().id("Not A Slug").name(" ").service("S").category("Nowhere")
        .difficulty(Difficulty.BEGINNER).lastVerified(LocalDate.of(2026, 1, 2)).definition("")
        .source(new Source("Docs", null, LocalDate.of(2025, 12, 31)))
        .cli(new Cli(List.of("Only a use case."), List.of())).build();
    assertEquals(bare, TermJson.read(TermJson.write(bare)));
    assertEquals(minimal(), TermJson.read(TermJson.write(minimal())));
  }

  @Test
  void read_unknownField_namesItsPath() {
    String json = TermJson.write(StorageQueue.term()).replace("\"kind\": \"create\"", "\"kind\": \"create\", \"x\": 1");
    assertEquals("$.cli.commands[1].x: unknown field",
        assertThrows(IllegalArgumentException.class, () -> TermJson.read(json)).getMessage());
  }

  @Test
  void read_badValues_nameTheirPath() {
    String json = TermJson.write(StorageQueue.term());
    assertEquals("$.cli.commands[0].kind: unknown value 'list'", readError(json.replace("\"discover\"", "\"list\"")));
    assertEquals("$.difficulty: unknown value 'easy'", readError(json.replace("\"beginner\"", "\"easy\"")));
    assertEquals("$.source.date: '14 May' is not a date (yyyy-mm-dd)",
        readError(json.replace("\"date\": \"2026-05-14\"", "\"date\": \"14 May\"")));
    assertEquals("$.aliases[1]: expected a string, found number",
        readError(json.replace("\"queue storage\"", "7")));
    assertEquals("$.caseStudies[0]: expected an object, found array",
        readError(json.replaceFirst("(?s)\"caseStudies\": \\[\n    \\{.*?\n    }", "\"caseStudies\": [[]")));
  }

  @Test
  void read_requiredComponentMissing_namesItsPath() {
    String json = TermJson.write(StorageQueue.term());
    assertEquals("$.definition: missing", readError(json.replaceFirst("\n  \"definition\": [^\n]*", "")));
    assertEquals("$.cli.commands[0].kind: missing", readError(json.replaceFirst(",\\n *\"kind\": \"discover\"", "")));
    assertEquals("$.source.title: missing",
        readError(json.replace("\"title\": \"What is Azure Queue Storage?\",", "")));
  }

  @Test
  void read_notATermObject_refused() {
    assertTrue(readError("{\"id\": ").startsWith("not JSON: "), readError("{\"id\": "));
    assertEquals("$: expected an object, found array", readError("[]"));
    assertEquals("$: no JSON value", readError(""));
  }

  private static String readError(String json) {
    return assertThrows(IllegalArgumentException.class, () -> TermJson.read(json)).getMessage();
  }

  @Test
  void writeFile_writesTheCorpusFileAndNothingElse(@TempDir Path dir) throws IOException {
    TermJson.writeFile(minimal(), dir.resolve("cafe-queue.json"), false);
    assertEquals(List.of("cafe-queue.json"), names(dir));
    assertEquals(TermJson.write(minimal()), Files.readString(dir.resolve("cafe-queue.json")));
  }

  @Test
  void writeFile_failingMidway_leavesNothingAndARerunSucceeds(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("cafe-queue.json");
    byte[] json = TermJson.write(minimal()).getBytes(StandardCharsets.UTF_8);
    IOException e = assertThrows(IOException.class,
        () -> TermJson.writeFile(json, file, false, out -> failingAfter(out, 100)));
    assertEquals("No space left on device", e.getMessage());
    assertEquals(List.of(), names(dir));
    TermJson.writeFile(minimal(), file, false);
    assertEquals(List.of("cafe-queue.json"), names(dir));
    assertEquals(TermJson.write(minimal()), Files.readString(file));
  }

  @Test
  void writeFile_failingMidwayOverAnOldFile_keepsTheOldFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("cafe-queue.json");
    Files.writeString(file, "{}");
    byte[] json = TermJson.write(minimal()).getBytes(StandardCharsets.UTF_8);
    assertThrows(IOException.class, () -> TermJson.writeFile(json, file, true, out -> failingAfter(out, 100)));
    assertEquals(List.of("cafe-queue.json"), names(dir));
    assertEquals("{}", Files.readString(file));
  }

  @Test
  void writeFile_failingToMoveIntoPlace_leavesNoTemporaryFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("cafe-queue.json");
    Files.createDirectories(file.resolve("in-the-way"));
    assertThrows(IOException.class, () -> TermJson.writeFile(minimal(), file, true));
    assertEquals(List.of("cafe-queue.json"), names(dir));
    assertEquals(List.of("in-the-way"), names(file));
  }

  @Test
  void writeFile_existingFile_keptUnlessReplacing(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("cafe-queue.json");
    Files.writeString(file, "{}");
    assertThrows(FileAlreadyExistsException.class, () -> TermJson.writeFile(minimal(), file, false));
    assertEquals("{}", Files.readString(file));
    TermJson.writeFile(minimal(), file, true);
    assertEquals(List.of("cafe-queue.json"), names(dir));
    assertEquals(TermJson.write(minimal()), Files.readString(file));
  }
}
