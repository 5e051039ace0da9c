package io.azureglossary.search;

import java.io.IOException;
import java.util.Iterator;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.util.AttributeImpl;
import org.apache.lucene.util.AttributeSource;

/**
 * A {@link FuzzyQuery} that builds its word's edit-distance automata once for every field it is
 * asked in. Lucene builds them once per query and shares them between segments through an
 * attribute of the terms enumeration; the typo fallback asks the same word in three fields, and
 * building the automata (a few milliseconds for a two-edit word) was most of a failed search's
 * time. The queries of one word hold one {@link AttributeSource}, {@code shared}: the first field's
 * enumeration leaves its automata there, and the others find them.
 *
 * <p>Everything else, the terms matched and their boosts, is {@link FuzzyQuery}'s own.
 */
final class SharedFuzzyQuery extends FuzzyQuery {
  private final AttributeSource shared;

  /** {@code FuzzyQuery(term, maxEdits, 1, 50, true)}, sharing automata with the queries given the same {@code shared}. */
  SharedFuzzyQuery(Term term, int maxEdits, AttributeSource shared) {
    super(term, maxEdits, 1, 50, true);
    this.shared = shared;
  }

  @Override
  protected TermsEnum getTermsEnum(Terms terms, AttributeSource atts) throws IOException {
    synchronized (shared) {
      AttributeImpl automata = automata(shared);
      if (automata != null) {
        atts.addAttributeImpl(automata); // present: the enumeration finds it built and skips building
      }
      TermsEnum e = super.getTermsEnum(terms, atts);
      if (automata == null && (automata = automata(atts)) != null) {
        shared.addAttributeImpl(automata);
      }
      return e;
    }
  }

  /** The enumeration's automata attribute in {@code atts}, or null when it has none. */
  static AttributeImpl automata(AttributeSource atts) {
    for (Iterator<AttributeImpl> it = atts.getAttributeImplsIterator(); it.hasNext(); ) {
      AttributeImpl impl = it.next();
      if (impl.getClass().getEnclosingClass() == FuzzyTermsEnum.class
          && impl.getClass().getSimpleName().startsWith("Automaton")) {
        return impl;
      }
    }
    return null;
  }
}
