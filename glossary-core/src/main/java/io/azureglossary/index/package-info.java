/**
 * From terms to Lucene documents: one document per term, a field per section, and the field
 * names and types every index (in memory or on disk) shares.
 */
package io.azureglossary.index;
