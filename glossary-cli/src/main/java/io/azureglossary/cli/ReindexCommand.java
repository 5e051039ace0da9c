package io.azureglossary.cli;

import io.azureglossary.corpus.Corpus;
import io.azureglossary.corpus.CorpusProblem;
import io.azureglossary.corpus.Validation;
import io.azureglossary.store.IndexBusyException;
import io.azureglossary.store.IndexFormatException;
import io.azureglossary.store.ReindexResult;
import io.azureglossary.store.Reindexer;
import io.azureglossary.store.ShrinkRefusedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "reindex", mixinStandardHelpOptions = true,
    description = {"Bring a persistent index in line with a corpus folder, atomically: searches see the old index "
        + "or the new one, never a mixture, and a failed or killed run leaves the old one live.",
        "Validates the whole corpus first and, on any error, changes nothing. Incremental unless --full.",
        "Exit codes: 0 done, 1 corpus errors or a refused shrink (see --allow-shrink), 2 usage or I/O error"
            + " (including another reindex running)."})
final class ReindexCommand implements Callable<Integer> {
  /** Warnings beyond this many are counted, not listed: {@code validate} lists them all. */
  static final int MAX_WARNINGS_SHOWN = 20;

  @Spec
  CommandSpec spec;

  @Option(names = "--corpus", required = true, paramLabel = "DIR", description = "Corpus folder to index.")
  Path corpus;

  @Option(names = "--index", required = true, paramLabel = "DIR", description = "Index folder, created if missing.")
  Path index;

  @Option(names = "--full", description = "Rewrite every term, not only the added, changed and removed ones.")
  boolean full;

  @Option(names = "--allow-shrink", description = "Let this run delete more than a tenth of the indexed terms"
      + " (refused by default, exit 1: a corpus folder emptied or half checked out looks like a glossary that lost its terms).")
  boolean allowShrink;

  @Option(names = "--quiet", description = "No progress output, and corpus warnings counted in the summary line"
      + " instead of listed (glossary validate lists them); errors are still listed.")
  boolean quiet;

  @Option(names = "--threads", paramLabel = "N", description = "Threads writing documents (default: the processors,"
      + " at most 4; corpora under 5,000 terms use one).")
  Integer threads;

  @Override
  public Integer call() {
    try {
      return reindex();
    } catch (OutOfMemoryError e) { // exit 1 must keep meaning "corpus errors", which the JVM's default would say
      PrintWriter err = spec.commandLine().getErr();
      err.println("glossary: out of memory (" + e.getMessage() + "); the corpus is held in memory while it is indexed:"
          + " give Java more heap, e.g. GLOSSARY_JAVA_OPTS=-Xmx2g. The previous index is still live.");
      err.flush();
      return GlossaryCli.USAGE;
    }
  }

  private int reindex() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long start = System.nanoTime();
    if (threads != null && (threads < 1 || threads > 64)) {
      err.println("glossary: --threads must be between 1 and 64 (got " + threads + ")");
      return GlossaryCli.USAGE;
    }
    boolean terminal = !quiet && ProgressPrinter.onTerminal();
    if (terminal) {
      err.print("validating " + corpus + "...");
      err.flush();
    }
    Validation v = Corpus.validate(corpus);
    if (terminal) {
      err.print("\r" + " ".repeat(20 + corpus.toString().length()) + "\r");
    }
    for (CorpusProblem p : v.errors()) {
      err.println(p);
    }
    List<CorpusProblem> warnings = v.warnings();
    if (!quiet) { // --quiet counts them, in the summary or the error line: one line per run, for logs
      warnings.stream().limit(MAX_WARNINGS_SHOWN).forEach(err::println);
      if (warnings.size() > MAX_WARNINGS_SHOWN) {
        err.printf("... and %d more warnings (glossary validate --corpus %s lists them all)%n",
            warnings.size() - MAX_WARNINGS_SHOWN, corpus);
      }
    }
    String uncounted = quiet && !warnings.isEmpty() ? warningCount(warnings.size()) : null;
    if (v.hasErrors()) {
      err.printf("glossary: %s has %d errors%s; the index was not changed%n", v.origin(), v.errors().size(),
          uncounted == null ? "" : " and " + uncounted);
      return GlossaryCli.CORPUS_ERRORS;
    }
    Reindexer reindexer = Reindexer.into(index).full(full).allowShrink(allowShrink);
    if (threads != null) {
      reindexer = reindexer.threads(threads);
    }
    ProgressPrinter progress = null;
    if (!quiet) {
      progress = new ProgressPrinter(err, terminal);
      reindexer = reindexer.listener(progress);
    }
    ReindexResult r;
    try {
      r = reindexer.run(Corpus.of(v.origin(), v.terms()));
    } catch (ShrinkRefusedException e) { // the library's advice, Reindexer.allowShrink(true), is --allow-shrink here
      finish(progress);
      err.println("glossary: " + LibraryMessages.inCliTerms(e.getMessage()));
      return GlossaryCli.CORPUS_ERRORS;
    } catch (IndexBusyException | IndexFormatException e) {
      finish(progress);
      err.println("glossary: " + LibraryMessages.inCliTerms(e.getMessage()));
      return GlossaryCli.USAGE;
    } catch (IOException | RuntimeException e) {
      finish(progress);
      err.println("glossary: reindex of " + index + " failed, the previous index is still live: " + describe(e));
      return GlossaryCli.USAGE;
    }
    finish(progress);
    out.println(summary(r, System.nanoTime() - start) + (uncounted == null ? "" : "; " + uncounted));
    return GlossaryCli.OK;
  }

  /** {@code 3 warnings (glossary validate --corpus DIR lists them)}, for --quiet, which does not print them. */
  private String warningCount(int n) {
    return n == 1 ? "1 warning (glossary validate --corpus " + corpus + " lists it)"
        : n + " warnings (glossary validate --corpus " + corpus + " lists them)";
  }

  private static void finish(ProgressPrinter progress) {
    if (progress != null) {
      progress.finish();
    }
  }

  private static String describe(Exception e) {
    String m = LibraryMessages.inCliTerms(e.getMessage());
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m.lines().findFirst().orElse(m));
  }

  /**
   * One line, for logs: {@code reindex: 10000 terms: 12 added, 3 updated, 1 deleted, 9984
   * unchanged (incremental) in 4.1 s (validation 2.2 s); index 52.3 MB at /srv/index}. A full
   * rebuild says how many terms it wrote ({@code 254 terms: 254 rewritten (full rebuild: --full;
   * since the previous index: 0 added, 1 updated, 1 deleted)}), the comparison with the previous
   * index only when something changed and its terms could be read; a new index says {@code written}.
   */
  static String summary(ReindexResult r, long totalNanos) {
    String counts;
    String mode;
    if (r.published() && r.fullRebuild()) {
      boolean fresh = "new index".equals(r.fullRebuildReason());
      counts = r.written() + (fresh ? " written" : " rewritten");
      mode = "full rebuild: " + LibraryMessages.inCliTerms(r.fullRebuildReason());
      // compared only with a previous index whose terms were read (not a new or unreadable one)
      boolean compared = r.updated() + r.deleted() + r.unchanged() > 0;
      if (compared && r.added() + r.updated() + r.deleted() > 0) {
        mode += String.format(Locale.ROOT, "; since the previous index: %d added, %d updated, %d deleted",
            r.added(), r.updated(), r.deleted());
      }
    } else {
      counts = String.format(Locale.ROOT, "%d added, %d updated, %d deleted, %d unchanged",
          r.added(), r.updated(), r.deleted(), r.unchanged());
      mode = r.published() ? "incremental" : "index already up to date";
    }
    return String.format(Locale.ROOT, "reindex: %d terms: %s (%s) in %.1f s (validation %.1f s); index %.1f MB at %s",
        r.manifest().termCount(), counts, mode, totalNanos / 1e9, (totalNanos - r.took().toNanos()) / 1e9,
        r.indexBytes() / 1e6, r.dir());
  }
}
