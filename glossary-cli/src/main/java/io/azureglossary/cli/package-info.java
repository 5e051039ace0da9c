/** The {@code glossary} command-line tool: search, suggest, show, validate, import, eval, reindex. */
package io.azureglossary.cli;
