/**
 * Reading the corpus: one JSON file per term, validated strictly (unknown and missing fields, enum
 * values, dates, ids) with every problem located by file, line:column and JSON path. Also the way
 * in: {@link io.azureglossary.corpus.PageImporter} turns a published glossary page into a term and
 * {@link io.azureglossary.corpus.TermJson} writes a term as a corpus file.
 */
package io.azureglossary.corpus;
