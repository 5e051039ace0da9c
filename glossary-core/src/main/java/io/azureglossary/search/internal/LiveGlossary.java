package io.azureglossary.search.internal;

import io.azureglossary.search.Glossary;
import java.io.Closeable;
import java.io.IOException;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.store.Directory;

/**
 * Internal, not API: a {@link Glossary} over the commits of a Lucene directory, switched to a newer
 * commit when refreshed. What {@code io.azureglossary.store.GlossaryIndex} serves from; exported to
 * that module only.
 *
 * <p>Every generation is searched through the glossary's own searchers, which this type never
 * shows; a search runs on one commit, and its files stay open until the last search on it ends.
 * Thread-safe.
 */
public interface LiveGlossary extends Closeable {
  /**
   * Opens the latest commit of a directory holding a glossary index.
   *
   * @param dir the directory; the caller keeps it and closes it after this
   * @param check what each commit must pass before it is served, the first one included, or null
   * @return the glossary over that directory
   * @throws IOException if the directory holds no index, or the check refuses its latest commit
   */
  static LiveGlossary open(Directory dir, CommitCheck check) throws IOException {
    return Access.open(dir, check);
  }

  /**
   * {@return the glossary: a view that searches whichever commit is being served when each call
   *     starts; closing it does nothing}
   */
  Glossary glossary();

  /**
   * Switches to the latest commit, if there is a newer one, and waits for the switch; searches
   * running meanwhile finish on the commit they started with.
   *
   * @return whether a newer commit is now being served
   * @throws IOException if it cannot be opened, or the check refuses it; the current one stays
   */
  boolean refresh() throws IOException;

  /**
   * Like {@link #refresh()}, but returns at once if another thread is refreshing.
   *
   * @throws IOException if the latest commit cannot be opened, or the check refuses it
   */
  void maybeRefresh() throws IOException;

  /**
   * The commit being served. Its user data and generation are held in memory and stay readable.
   *
   * @return the commit
   * @throws IOException if it cannot be read
   */
  IndexCommit commit() throws IOException;

  /**
   * Closes the searchers once the searches running on them end; the directory stays open.
   *
   * @throws IOException if a searcher cannot be closed
   */
  @Override
  void close() throws IOException;

  /** What a commit must pass before it is served: throwing refuses it. */
  @FunctionalInterface
  interface CommitCheck {
    /**
     * Checks one commit before any search runs on it.
     *
     * @param commit the commit
     * @throws IOException to refuse it, with the reason
     */
    void check(IndexCommit commit) throws IOException;
  }
}
