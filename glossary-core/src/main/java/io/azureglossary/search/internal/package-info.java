/**
 * Internal, not API: don't depend on this package. It lets {@code io.azureglossary.store} serve a
 * {@link io.azureglossary.search.Glossary} over an index on disk ({@link
 * io.azureglossary.search.internal.LiveGlossary}) without making the glossary's searchers public,
 * and gives {@code io.azureglossary.opensearch} the engine's reading of a query ({@link
 * io.azureglossary.search.internal.UserQuery}). glossary-core's module exports it to those two
 * modules only; it may change in any release.
 */
package io.azureglossary.search.internal;
