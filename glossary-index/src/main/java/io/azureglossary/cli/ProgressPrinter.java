package io.azureglossary.cli;

import io.azureglossary.store.Reindexer;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Reindex progress on stderr: a bar redrawn in place on a terminal, at most ten times a second;
 * otherwise (a log, cron mail) a plain line at every tenth of the way, for runs of at least
 * {@link #PLAIN_MIN_TERMS} terms, so that short runs print nothing but their summary.
 */
final class ProgressPrinter implements Reindexer.Listener {
  static final int PLAIN_MIN_TERMS = 1000;
  private static final int BAR_WIDTH = 30;

  private final PrintWriter err;
  private final boolean terminal;
  private final long start = System.nanoTime();
  private long lastDraw;
  private int lastTenth;
  private boolean barShown;

  ProgressPrinter(PrintWriter err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  @Override
  public void progress(Reindexer.Phase phase, int done, int total) {
    switch (phase) {
      case READING_INDEX -> {
        if (terminal) {
          err.print("\rreading the live index...");
          err.flush();
          barShown = true;
        }
      }
      case INDEXING -> indexing(done, total);
      case COMMITTING -> {
        if (terminal) {
          err.print("\r" + " ".repeat(BAR_WIDTH + 50) + "\rcommitting...");
          err.flush();
          barShown = true;
        } else if (lastTenth > 0) {
          err.println("reindex: committing");
          err.flush();
        }
      }
    }
  }

  private void indexing(int done, int total) {
    if (terminal) {
      long now = System.nanoTime();
      if (done < total && now - lastDraw < 100_000_000L) {
        return;
      }
      lastDraw = now;
      int filled = total == 0 ? BAR_WIDTH : (int) ((long) done * BAR_WIDTH / total);
      err.printf(Locale.ROOT, "\r[%s%s] %3d%% %d/%d terms  %.1f s", "#".repeat(filled), ".".repeat(BAR_WIDTH - filled),
          total == 0 ? 100 : done * 100L / total, done, total, elapsed());
      err.flush();
      barShown = true;
    } else if (total >= PLAIN_MIN_TERMS) {
      int tenth = (int) ((long) done * 10 / total);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        err.printf(Locale.ROOT, "reindex: %d/%d terms (%d%%) %.1f s%n", done, total, tenth * 10, elapsed());
        err.flush();
      }
    }
  }

  /** Ends the bar's line, so what follows starts on a fresh one. */
  void finish() {
    if (barShown) {
      err.print("\r" + " ".repeat(BAR_WIDTH + 50) + "\r");
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
