package io.azureglossary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.azureglossary.store.Reindexer.Phase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
  @Test
  void terminal_barRedrawnInPlaceAndClearedAtTheEnd() {
    StringWriter err = new StringWriter();
    ProgressPrinter p = new ProgressPrinter(new PrintWriter(err), true);

    p.progress(Phase.READING_INDEX, 0, 0);
    p.progress(Phase.WRITING, 1, 4);
    p.progress(Phase.WRITING, 4, 4); // the last step is always drawn, however soon it comes
    p.progress(Phase.COMMITTING, 0, 0);
    p.finish();

    String[] frames = err.toString().split("\r");
    List<String> drawn = java.util.Arrays.stream(frames).map(String::strip).filter(f -> !f.isEmpty()).toList();
    assertEquals("reading the live index...", drawn.get(0));
    assertTrue(drawn.get(1).matches("writing +\\[#{7}\\.{23}\\] +25% 1/4 documents +\\d+\\.\\d s"), drawn.get(1));
    assertTrue(drawn.get(2).matches("writing +\\[#{30}\\] 100% 4/4 documents +\\d+\\.\\d s"), drawn.get(2));
    assertEquals("committing...", drawn.get(3));
    assertEquals(4, drawn.size());
    assertTrue(err.toString().endsWith("\r" + " ".repeat(90) + "\r"), "the line is cleared for the summary");
  }

  @Test
  void plain_smallRunsPrintNothing() {
    StringWriter err = new StringWriter();
    ProgressPrinter p = new ProgressPrinter(new PrintWriter(err), false);

    for (int i = 1; i <= 999; i++) {
      p.progress(Phase.CHECKING, i, 999);
    }
    p.progress(Phase.COMMITTING, 0, 0);
    p.finish();

    assertEquals("", err.toString());
  }
}
