/**
 * Searching the glossary: {@link io.azureglossary.search.Glossary} is the entry point; requests
 * and results are immutable values. Query building (synonym graphs, field boosts, CLI paths, typo
 * fallback), highlighting and suggestions live here, behind that small API.
 */
package io.azureglossary.search;
