package io.azureglossary.store;

import io.azureglossary.analysis.GlossaryAnalysis;
import io.azureglossary.search.Glossary;
import io.azureglossary.search.internal.LiveGlossary;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * A persistent glossary index opened for searching, which follows the generations a
 * {@link Reindexer} publishes.
 *
 * <pre>{@code
 * try (GlossaryIndex index = GlossaryIndex.open(Path.of("/srv/glossary-index"), Duration.ofSeconds(10))) {
 *   Glossary glossary = index.glossary(); // searches whichever generation is being served
 *   SearchResponse r = glossary.search(SearchRequest.of("SHIR offline").limit(5));
 * }
 * }</pre>
 *
 * <p>This class keeps the index's life cycle: opening it, following new generations, telling which
 * one is served ({@link #manifest()}) and closing it. Searching is {@link Glossary}'s, through
 * {@link #glossary()}.
 *
 * <p>Each search runs on a single point-in-time view (as with a Lucene {@code SearcherManager}), so
 * it sees one complete generation, never half of one. A new generation becomes visible on
 * {@link #refresh()}, or within the interval given to {@link #open(Path, Duration)} by a
 * background watcher; searches already running finish on the generation they started with, and
 * its files are released when the last of them ends.
 *
 * <p>A generation whose manifest this library cannot read (a newer format written by a newer
 * version of the tool) is not switched to: refreshing fails with {@link IndexFormatException} and
 * the current generation keeps serving. Thread-safe; share one instance.
 */
public final class GlossaryIndex implements Closeable {
  private static final System.Logger LOG = System.getLogger(GlossaryIndex.class.getName());

  private final Path path;
  private final Directory dir;
  private final LiveGlossary live;
  private final ScheduledExecutorService watcher;
  private volatile Exception lastRefreshFailure;
  private volatile boolean closing;

  private GlossaryIndex(Path path, Directory dir, LiveGlossary live, Duration watchEvery) {
    this.path = path;
    this.dir = dir;
    this.live = live;
    if (watchEvery == null) {
      this.watcher = null;
    } else {
      this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "glossary-index-watcher " + path);
        t.setDaemon(true);
        return t;
      });
      long ms = Math.max(1, watchEvery.toMillis());
      watcher.scheduleWithFixedDelay(this::watch, ms, ms, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Opens the index in a folder written by {@link Reindexer}; new generations become visible on
   * {@link #refresh()}.
   *
   * @param dir the index folder
   * @return the index, serving its latest generation; close it when done
   * @throws NoSuchFileException if the folder holds no index
   * @throws IndexFormatException if it holds one this library cannot read
   */
  public static GlossaryIndex open(Path dir) throws IOException {
    return open(dir, null);
  }

  /**
   * Opens an index and checks for new generations every {@code watchEvery} on a daemon thread.
   *
   * @param dir the index folder
   * @param watchEvery how often to look for a new generation, or null for no watcher
   * @return the index, serving its latest generation; close it when done
   * @throws NoSuchFileException if the folder holds no index
   * @throws IndexFormatException if it holds one this library cannot read
   * @throws IOException if the index cannot be opened
   * @throws IllegalArgumentException if {@code watchEvery} is zero or negative
   */
  public static GlossaryIndex open(Path dir, Duration watchEvery) throws IOException {
    Objects.requireNonNull(dir, "dir");
    if (watchEvery != null && (watchEvery.isNegative() || watchEvery.isZero())) {
      throw new IllegalArgumentException("watchEvery must be positive (got " + watchEvery + ")");
    }
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(dir.toString(), null, "no such index folder");
    }
    GlossaryAnalysis.preloadInBackground();
    Directory d = FSDirectory.open(dir);
    try {
      if (!DirectoryReader.indexExists(d)) {
        throw new NoSuchFileException(dir.toString(), null, "holds no glossary index; build one with Reindexer");
      }
      // only generations whose manifest this library reads are served
      LiveGlossary live = LiveGlossary.open(d, commit -> IndexManifest.fromUserData(commit.getUserData(), dir));
      return new GlossaryIndex(dir, d, live, watchEvery);
    } catch (IOException | RuntimeException e) {
      d.close();
      throw e;
    }
  }

  /**
   * The glossary this index serves: search, suggest, {@code term(id)} and {@code size()} over the
   * generation being served when each call starts. It is a view, not a copy: it follows
   * {@link #refresh()} and the watcher, is thread-safe (share it, as this index), and is the same
   * object at every call. It belongs to this index: closing it does nothing, and once this index is
   * closed its methods throw {@link IllegalStateException}; close this {@code GlossaryIndex} instead.
   *
   * @return the view
   */
  public Glossary glossary() {
    return live.glossary();
  }

  /** {@return the manifest of the generation being served} */
  public IndexManifest manifest() {
    try {
      return IndexManifest.fromUserData(live.commit().getUserData(), path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Switches to the latest published generation, if there is a newer one, and waits for the
   * switch. Searches running meanwhile are not disturbed.
   *
   * @return whether a new generation is now being served
   * @throws IndexFormatException if the latest generation cannot be read; the current one stays
   * @throws IOException if it cannot be opened
   */
  public boolean refresh() throws IOException {
    return live.refresh();
  }

  /** {@return the watcher's last refresh failure since the last successful refresh, or null} */
  public Exception lastRefreshFailure() {
    return lastRefreshFailure;
  }

  /** {@return the folder this index was opened from} */
  public Path path() {
    return path;
  }

  private void watch() {
    try {
      live.maybeRefresh();
      lastRefreshFailure = null;
    } catch (Exception e) { // keep the watcher alive: a later generation may be readable again
      if (closing) {
        return;
      }
      if (lastRefreshFailure == null || !Objects.equals(lastRefreshFailure.getMessage(), e.getMessage())) {
        LOG.log(Level.WARNING, "cannot switch to the latest generation of " + path + "; still serving the previous one", e);
      }
      lastRefreshFailure = e;
    }
  }

  /** Stops the watcher, then closes the searchers (searches still running finish first) and the folder. */
  @Override
  public void close() throws IOException {
    closing = true;
    if (watcher != null) {
      watcher.shutdown(); // cancels the schedule and lets a refresh under way finish
      try {
        watcher.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      live.close();
    } finally {
      dir.close();
    }
  }
}
