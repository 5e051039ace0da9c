/**
 * The glossary's value types: immutable records for a term and its parts, read from the corpus and
 * never changed afterwards.
 */
package io.azureglossary.model;
