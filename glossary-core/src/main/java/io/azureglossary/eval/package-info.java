/**
 * Measuring relevance: judged query files, the metrics (MRR@10, success@1, success@3, and how many
 * terms a query matches), and the plain-Lucene baseline every figure is compared with.
 */
package io.azureglossary.eval;
