package io.azureglossary.cli;

import io.azureglossary.store.Reindexer;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Reindex progress on stderr: a bar redrawn in place on a terminal, at most ten times a second;
 * otherwise (a log, cron mail) a plain line at every tenth of a phase that covers at least
 * {@link #PLAIN_MIN} terms or documents, so that short runs print nothing but their summary.
 */
final class ProgressPrinter implements Reindexer.Listener {
  static final int PLAIN_MIN = 1000;
  private static final int BAR_WIDTH = 30;
  private static final int LINE_WIDTH = BAR_WIDTH + 60;

  private final PrintWriter err;
  private final boolean terminal;
  private final long start = System.nanoTime();
  private Reindexer.Phase phase;
  private long lastDraw;
  private int lastTenth;
  private boolean printedLines;
  private boolean barShown;

  ProgressPrinter(PrintWriter err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  @Override
  public void progress(Reindexer.Phase now, int done, int total) {
    if (now != phase) {
      phase = now;
      lastTenth = 0;
      lastDraw = 0;
    }
    switch (now) {
      case READING_INDEX -> status("reading the live index...");
      case CHECKING -> counted("checking", done, total, "terms");
      case WRITING -> counted("writing", done, total, "documents");
      case COMMITTING -> {
        if (terminal) {
          status("committing...");
        } else if (printedLines) {
          err.println("reindex: committing");
          err.flush();
        }
      }
    }
  }

  private void status(String text) {
    if (terminal) {
      err.print("\r" + " ".repeat(LINE_WIDTH) + "\r" + text);
      err.flush();
      barShown = true;
    }
  }

  private void counted(String what, int done, int total, String unit) {
    if (terminal) {
      long now = System.nanoTime();
      if (done < total && now - lastDraw < 100_000_000L) {
        return;
      }
      lastDraw = now;
      int filled = total == 0 ? BAR_WIDTH : (int) ((long) done * BAR_WIDTH / total);
      err.printf(Locale.ROOT, "\r%-8s [%s%s] %3d%% %d/%d %s  %.1f s", what, "#".repeat(filled),
          ".".repeat(BAR_WIDTH - filled), total == 0 ? 100 : done * 100L / total, done, total, unit, elapsed());
      err.flush();
      barShown = true;
    } else if (total >= PLAIN_MIN) {
      int tenth = (int) ((long) done * 10 / total);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        printedLines = true;
        err.printf(Locale.ROOT, "reindex: %s %d/%d %s (%d%%) %.1f s%n", what, done, total, unit, tenth * 10, elapsed());
        err.flush();
      }
    }
  }

  /** Clears the bar's line, so what follows starts on a clean one. */
  void finish() {
    if (barShown) {
      err.print("\r" + " ".repeat(LINE_WIDTH) + "\r");
      err.flush();
      barShown = false;
    }
  }

  private double elapsed() {
    return (System.nanoTime() - start) / 1e9;
  }

  /**
   * Whether the tool runs attached to a terminal. Before JDK 22 {@code System.console()} is null
   * unless it does; from JDK 22 on it may exist anyway, and {@code Console.isTerminal()} tells.
   */
  static boolean onTerminal() {
    java.io.Console c = System.console();
    if (c == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
