/**
 * Text analysis: the analyzers for each kind of field and the alias synonym map applied at query
 * time. Index-time analysis never expands synonyms, so alias edits need no reindex of prose and
 * highlight offsets stay those of the original text.
 */
package io.azureglossary.analysis;
