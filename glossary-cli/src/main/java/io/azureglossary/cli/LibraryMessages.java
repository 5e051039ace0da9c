package io.azureglossary.cli;

/**
 * glossary-index's messages name the call that helps ({@code Reindexer.full(true)}); a command-line
 * user needs the command or option instead. Each phrase here is pinned by a library test (the API
 * wording) and a CLI test (this wording).
 */
final class LibraryMessages {
  /** The API's advice and what the command line says for it, the longer phrases first. */
  private static final String[][] CLI_TERMS = {
    {"call Reindexer.allowShrink(true)", "reindex with --allow-shrink"},
    {"rebuild it with Reindexer.full(true)", "rebuild it with glossary reindex --full"},
    {"give Reindexer.into a new or empty folder", "point --index at a new or empty folder"},
    {"build one with Reindexer", "build one with glossary reindex"},
    {"the next Reindexer run rebuilds it whole", "glossary reindex rebuilds it whole"}, // Glossary.term; no CLI test yet
    {"Reindexer.full(true)", "--full"}, // ReindexResult.fullRebuildReason, in the reindex summary
  };

  private LibraryMessages() {}

  /** {@return the message with the API's advice in command-line terms} */
  static String inCliTerms(String message) {
    if (message == null) {
      return null;
    }
    String m = message;
    for (String[] t : CLI_TERMS) {
      m = m.replace(t[0], t[1]);
    }
    return m;
  }
}
