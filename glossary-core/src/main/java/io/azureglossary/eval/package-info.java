/**
 * Measuring relevance: judged query files, the metrics (MRR@10, success@1, success@3, and how many
 * terms a query matches), the plain-Lucene baseline every figure is compared with, and the same for
 * suggestions as the user types (success@1, success@5, MRR@5 beside a plain prefix baseline).
 */
package io.azureglossary.eval;
