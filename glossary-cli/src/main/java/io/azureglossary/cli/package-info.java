/** The {@code glossary} command-line tool: search, suggest, validate, import, eval, reindex. */
package io.azureglossary.cli;
