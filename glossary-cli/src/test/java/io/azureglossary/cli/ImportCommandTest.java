package io.azureglossary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code glossary import} on {@code pages/blob-snapshot.txt}, a page written for these tests. */
final class ImportCommandTest {
  private static final String EXPECTED_JSON = """
      {
        "id": "blob-snapshot",
        "name": "Blob snapshot",
        "aliases": [
          "snapshot"
        ],
        "service": "Blob Storage",
        "category": "Storage",
        "tags": [
          "backup"
        ],
        "difficulty": "intermediate",
        "lastVerified": "2026-03-09",
        "definition": "A blob snapshot is a read-only copy of a blob as it was at one moment, kept in the same account.",
        "technicalContext": "A snapshot shares unchanged blocks with its base blob and is addressed by the blob name plus a timestamp.",
        "whyItMatters": "Snapshots give a quick way back after an accidental overwrite.",
        "whereYouSeeIt": [
          "The Snapshots tab of a blob in the portal."
        ],
        "whenRelevant": [
          "Before a script rewrites many blobs."
        ],
        "cli": {
          "commands": [
            {
              "command": "az storage blob snapshot --container-name <container> --name <blob> --account-name <account>",
              "kind": "create"
            }
          ]
        },
        "security": "A snapshot can be read with the same rights as its base blob.",
        "cost": "Each snapshot is billed for the blocks that differ from its base blob.",
        "reliability": "Snapshots live in the same account, so they do not protect against losing the account.",
        "performance": "Taking a snapshot is quick and does not copy data.",
        "operations": "Delete old snapshots on a schedule with a lifecycle rule.",
        "commonMistakes": [
          "Deleting a base blob without its snapshots, which the service refuses."
        ]
      }
      """;

  @TempDir
  Path dir;
  private Path page;
  private Path terms;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void writePage() throws IOException {
    page = dir.resolve("blob-snapshot.txt");
    terms = dir.resolve("corpus").resolve("terms");
    Files.writeString(page, pageText());
  }

  private static String pageText() throws IOException {
    try (InputStream in = ImportCommandTest.class.getResourceAsStream("/pages/blob-snapshot.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private int run(String... args) {
    return GlossaryCli.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void import_writesTheTermFileAndPrintsItsPath() throws IOException {
    assertEquals(0, run("import", page.toString(), "--out", terms.toString()));
    Path written = terms.resolve("blob-snapshot.json");
    assertEquals(written + System.lineSeparator(), out.toString());
    assertEquals("", err.toString());
    assertEquals(EXPECTED_JSON, Files.readString(written));
    assertEquals(List.of("blob-snapshot.json"), names(terms));
  }

  @Test
  void import_outputPassesValidate() {
    run("import", page.toString(), "--out", terms.toString());
    StringWriter report = new StringWriter();
    int code = GlossaryCli.run(new PrintWriter(report), new PrintWriter(new StringWriter()), "validate", "--corpus",
        dir.resolve("corpus").toString());
    assertEquals(0, code);
    assertEquals(dir.resolve("corpus") + ": 1 terms, 0 errors, 0 warnings" + System.lineSeparator(), report.toString());
  }

  @Test
  void import_idOption_namesTheFile() throws IOException {
    assertEquals(0, run("import", page.toString(), "--out", terms.toString(), "--id", "snapshot"));
    assertEquals(EXPECTED_JSON.replace("\"id\": \"blob-snapshot\"", "\"id\": \"snapshot\""),
        Files.readString(terms.resolve("snapshot.json")));
  }

  @Test
  void import_pageWithErrors_printsEveryErrorAndExits1() throws IOException {
    Files.writeString(page, pageText().replace("intermediate", "hard").replace("\nCost\n", "\nCosts\n"));
    assertEquals(1, run("import", page.toString(), "--out", terms.toString()));
    assertEquals("", out.toString());
    assertEquals(String.join(System.lineSeparator(),
        "blob-snapshot.txt:10: bad difficulty 'hard' (expected one of beginner, intermediate, advanced)",
        "blob-snapshot.txt:46: unknown heading 'Costs'",
        "blob-snapshot.txt: missing section 'Cost'", ""), err.toString());
    assertFalse(Files.exists(terms));
  }

  @Test
  void import_nameTooLongForAFileName_exits1WithTheLine() throws IOException {
    Files.writeString(page, pageText().replace("\nBlob snapshot\n", "\n" + "Blob snapshot ".repeat(500) + "\n"));
    assertEquals(1, run("import", page.toString(), "--out", terms.toString()));
    assertEquals("blob-snapshot.txt:3: the id made from the name would have 6999 characters (at most 100); give the"
        + " id explicitly" + System.lineSeparator(), err.toString());
    assertFalse(Files.exists(terms));
  }

  @Test
  void import_controlCharacter_exits1WithTheLineAndWritesNothing() throws IOException {
    Files.writeString(page, pageText().replace("read-only copy", "read-only\u0000copy"));
    assertEquals(1, run("import", page.toString(), "--out", terms.toString()));
    assertEquals("blob-snapshot.txt:5: the line contains the control character U+0000 at character 31"
        + System.lineSeparator(), err.toString());
    assertFalse(Files.exists(terms));
  }

  @Test
  void import_countMismatch_warnsAndWrites() throws IOException {
    Files.writeString(page, pageText().replace("CLI mappings\n1\n", "CLI mappings\n2\n"));
    assertEquals(0, run("import", page.toString(), "--out", terms.toString()));
    assertEquals("blob-snapshot.txt:12: warning: 'CLI mappings' says 2 but the page lists 1 mapped command"
        + System.lineSeparator(), err.toString());
    assertEquals(terms.resolve("blob-snapshot.json") + System.lineSeparator(), out.toString());
  }

  @Test
  void import_existingFile_keptWithoutForce() throws IOException {
    Files.createDirectories(terms);
    Files.writeString(terms.resolve("blob-snapshot.json"), "{}");
    assertEquals(2, run("import", page.toString(), "--out", terms.toString()));
    assertEquals("glossary: " + terms.resolve("blob-snapshot.json") + " already exists; use --force to replace it"
        + System.lineSeparator(), err.toString());
    assertEquals("{}", Files.readString(terms.resolve("blob-snapshot.json")));
  }

  @Test
  void import_existingFile_replacedWithForce() throws IOException {
    Files.createDirectories(terms);
    Files.writeString(terms.resolve("blob-snapshot.json"), "{}");
    assertEquals(0, run("import", page.toString(), "--out", terms.toString(), "--force"));
    assertEquals(EXPECTED_JSON, Files.readString(terms.resolve("blob-snapshot.json")));
  }

  @Test
  void import_missingPage_exits2() {
    Path missing = dir.resolve("nope.txt");
    assertEquals(2, run("import", missing.toString()));
    assertEquals("glossary: no such file: " + missing + System.lineSeparator(), err.toString());
  }

  @Test
  void import_badId_exits2() {
    assertEquals(2, run("import", page.toString(), "--out", terms.toString(), "--id", "Blob Snapshot"));
    assertEquals("glossary: id 'Blob Snapshot' is not a lowercase slug (letters, digits, single hyphens)"
        + System.lineSeparator(), err.toString());
  }

  @Test
  void import_noPage_exits2() {
    assertEquals(2, run("import"));
    assertEquals(List.of("glossary: Missing required parameter: 'PAGE.txt' (try 'glossary import --help')"), err.toString().lines().toList());
  }

  @Test
  void defaultOut_corpusTermsWhenPresent() throws IOException {
    Files.createDirectories(terms);
    assertEquals(terms, ImportCommand.defaultOut(dir));
  }

  @Test
  void defaultOut_currentFolderOtherwise() {
    assertEquals(dir, ImportCommand.defaultOut(dir));
  }
}
