/**
 * Reading the corpus: one JSON file per term, validated strictly (unknown and missing fields, enum
 * values, dates, ids) with every problem located by file, line:column and JSON path.
 */
package io.azureglossary.corpus;
