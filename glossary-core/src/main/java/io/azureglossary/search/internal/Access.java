package io.azureglossary.search.internal;

import io.azureglossary.search.Glossary;
import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.store.Directory;

/**
 * Internal, not API: how {@link LiveGlossary#open} reaches the search package's package-private
 * searchers. The search package registers its opener once, when {@link Glossary} is initialized
 * (the accessor pattern of the JDK's {@code SharedSecrets} and Lucene's {@code TestSecrets}); only
 * {@code Glossary} may register it.
 */
public final class Access {
  /** Opens a {@link LiveGlossary}; implemented by the search package. */
  @FunctionalInterface
  public interface Opener {
    /**
     * Opens the latest commit of a directory.
     *
     * @param dir the directory
     * @param check the commit check, or null
     * @return the glossary over it
     * @throws IOException as {@link LiveGlossary#open} does
     */
    LiveGlossary open(Directory dir, LiveGlossary.CommitCheck check) throws IOException;
  }

  private static volatile Opener opener;

  private Access() {}

  /**
   * Registers the search package's opener. Called once, by {@link Glossary}'s class initialization.
   *
   * @param o the opener
   * @throws IllegalStateException if called by another class, or a second time
   */
  public static synchronized void provide(Opener o) {
    Class<?> caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass();
    if (caller != Glossary.class || opener != null) {
      throw new IllegalStateException("only io.azureglossary.search.Glossary provides the opener, once (called by "
          + caller.getName() + ")");
    }
    opener = Objects.requireNonNull(o, "opener");
  }

  static LiveGlossary open(Directory dir, LiveGlossary.CommitCheck check) throws IOException {
    Objects.requireNonNull(dir, "dir");
    Opener o = opener;
    if (o == null) {
      try {
        Class.forName(Glossary.class.getName(), true, Glossary.class.getClassLoader()); // registers it
      } catch (ClassNotFoundException e) {
        throw new AssertionError(e);
      }
      o = opener;
    }
    return o.open(dir, check);
  }
}
