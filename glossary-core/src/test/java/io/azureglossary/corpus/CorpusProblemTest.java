package io.azureglossary.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusProblemTest {
  @Test
  void message_withLineBreaks_printsOnOneLine() {
    CorpusProblem p = new CorpusProblem(CorpusProblem.Severity.ERROR, "terms/x.json", 2, 1, "$", "first\n  second\r\nthird");
    assertEquals("terms/x.json:2:1: error: $: first second third", p.toString());
  }

  @Test
  void truncatedFile_isReportedOnOneLine(@TempDir Path dir) throws Exception {
    Path terms = Files.createDirectories(dir.resolve("terms"));
    Files.writeString(terms.resolve("x.json"), "{\"id\": \"x\"\n");
    Validation v = Corpus.validate(dir);
    assertEquals(1, v.errors().size());
    String line = v.errors().get(0).toString();
    assertTrue(line.startsWith("terms/x.json:2:1: error: $.id: malformed JSON: Unexpected end-of-input"), line);
    assertFalse(line.contains("\n") || line.contains("\r"), line);
  }

  @Test
  void longQuotedValueAndDeepPath_areShownShort() {
    CorpusProblem p = new CorpusProblem(CorpusProblem.Severity.ERROR, "terms/x.json", 2, 1, "$" + "[0]".repeat(1000),
        "bad date '" + "9".repeat(100_000) + "' (expected an ISO date, YYYY-MM-DD)");
    String line = p.toString();
    assertTrue(line.length() < 400, line.length() + " characters");
    assertTrue(line.contains("bad date '999") && line.endsWith("...' (expected an ISO date, YYYY-MM-DD)"), line);
    assertTrue(p.path().startsWith("$[0][0]") && p.path().endsWith("..."), p.path());
    assertEquals("id 'short' is fine", new CorpusProblem(CorpusProblem.Severity.ERROR, "f", 1, 1, "$", "id 'short' is fine")
        .message());
  }
}
