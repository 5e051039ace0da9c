package io.azureglossary.analysis;

import java.io.IOException;
import java.util.Set;
import org.apache.lucene.analysis.CharacterUtils;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Lowercases every token except the protected acronyms written in capitals. "PIP" stays "PIP" and
 * can fire its one-way synonym; "pip" is lowercased and means only the word. Query-time only.
 */
final class AcronymCaseFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final Set<String> protectedUpper;

  AcronymCaseFilter(TokenStream in, Set<String> protectedUpper) {
    super(in);
    this.protectedUpper = protectedUpper;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    if (!protectedUpper.isEmpty() && protectedUpper.contains(term.toString())) {
      return true;
    }
    CharacterUtils.toLowerCase(term.buffer(), 0, term.length());
    return true;
  }
}
