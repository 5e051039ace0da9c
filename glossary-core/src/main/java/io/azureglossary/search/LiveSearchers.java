package io.azureglossary.search;

import io.azureglossary.search.internal.LiveGlossary;
import java.io.IOException;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.store.Directory;

/** {@link LiveGlossary}: a glossary over {@link Searchers} that it refreshes and closes. */
final class LiveSearchers implements LiveGlossary {
  private final Searchers searchers;
  private final Glossary glossary;

  private LiveSearchers(Searchers searchers) {
    this.searchers = searchers;
    this.glossary = Glossary.over(searchers);
  }

  /** {@link LiveGlossary#open}. */
  static LiveGlossary open(Directory dir, CommitCheck check) throws IOException {
    return new LiveSearchers(new Searchers(dir, check));
  }

  @Override
  public Glossary glossary() {
    return glossary;
  }

  @Override
  public boolean refresh() throws IOException {
    long before = searchers.commit().getGeneration();
    searchers.maybeRefreshBlocking();
    return searchers.commit().getGeneration() != before;
  }

  @Override
  public void maybeRefresh() throws IOException {
    searchers.maybeRefresh();
  }

  @Override
  public IndexCommit commit() throws IOException {
    return searchers.commit();
  }

  @Override
  public void close() throws IOException {
    searchers.close();
  }
}
