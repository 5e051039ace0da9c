package io.azureglossary.search;

import io.azureglossary.search.internal.LiveGlossary.CommitCheck;
import java.io.IOException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.store.Directory;

/**
 * The glossary searchers of one index directory, one per generation: Lucene's {@code SearcherManager},
 * typed, so that a {@link Glossary} gets a {@link GlossarySearcher} without a cast and nothing else can
 * hand it another kind of searcher. Each new searcher is built from the one it replaces, which lets
 * a generation with the same names and aliases share its synonyms and suggester. An optional check
 * sees each commit before it is served and can refuse it; the current generation then keeps serving.
 */
final class Searchers extends ReferenceManager<GlossarySearcher> {
  private final CommitCheck check;

  /**
   * Opens the latest commit of {@code dir}.
   *
   * @param check what each commit must pass before it is served, or null
   */
  Searchers(Directory dir, CommitCheck check) throws IOException {
    this.check = check;
    current = newSearcher(DirectoryReader.open(dir), null);
  }

  @Override
  protected void decRef(GlossarySearcher reference) throws IOException {
    reference.getIndexReader().decRef();
  }

  @Override
  protected GlossarySearcher refreshIfNeeded(GlossarySearcher old) throws IOException {
    DirectoryReader reader = DirectoryReader.openIfChanged(old.directoryReader());
    return reader == null ? null : newSearcher(reader, old);
  }

  @Override
  protected boolean tryIncRef(GlossarySearcher reference) {
    return reference.getIndexReader().tryIncRef();
  }

  @Override
  protected int getRefCount(GlossarySearcher reference) {
    return reference.getIndexReader().getRefCount();
  }

  /** The commit of the generation being served: its user data and generation, read from memory. */
  IndexCommit commit() throws IOException {
    GlossarySearcher s = acquire();
    try {
      return s.directoryReader().getIndexCommit();
    } finally {
      release(s);
    }
  }

  /** A searcher over {@code reader}, which it takes over: released here if the check or the searcher fails. */
  private GlossarySearcher newSearcher(DirectoryReader reader, GlossarySearcher previous) throws IOException {
    boolean built = false;
    try {
      if (check != null) {
        check.check(reader.getIndexCommit());
      }
      GlossarySearcher s = new GlossarySearcher(reader, previous);
      built = true;
      return s;
    } finally {
      if (!built) {
        reader.decRef();
      }
    }
  }
}
