package io.azureglossary.index;

import io.azureglossary.analysis.GlossaryAnalysis;
import io.azureglossary.corpus.TermJson;
import io.azureglossary.model.CliCommand;
import io.azureglossary.model.Section;
import io.azureglossary.model.Term;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.BytesRef;

/** Builds the Lucene document of one term. Analysis happens in the writer's per-field analyzer. */
public final class TermDocument {
  /**
   * Between sections, and between the items of a list section, in {@link Fields#BODY}: U+2029
   * PARAGRAPH SEPARATOR; it also ends each sentence, so a highlighted passage is one sentence or
   * bullet of one section.
   */
  public static final char PARAGRAPH = '\u2029';

  /**
   * The space after a sentence's final punctuation; in the body it becomes {@link #PARAGRAPH} too,
   * one character for one, so offsets do not move and the highlighter can cut passages with a
   * plain separator scan instead of the much slower sentence break iterator.
   */
  private static final java.util.regex.Pattern SENTENCE_GAP =
      java.util.regex.Pattern.compile("(?<=[.!?])[ \t](?=[A-Z0-9\"'(])");

  /** Body text: stored, with offsets in the postings so highlighting needs no re-analysis. */
  private static final FieldType BODY_TYPE = new FieldType(TextField.TYPE_STORED);

  static {
    BODY_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    BODY_TYPE.freeze();
  }

  private TermDocument() {}

  /**
   * The document for a term.
   *
   * @param term the term
   * @return its document, with every field of {@link Fields} it has
   */
  public static Document of(Term term) {
    Document doc = new Document();
    doc.add(new StringField(Fields.ID, term.id(), Field.Store.YES));
    doc.add(new StoredField(Fields.NAME, term.name()));
    doc.add(new BinaryDocValuesField(Fields.NAMES, new BytesRef(encodeNames(term))));
    doc.add(new TextField(Fields.NAME_TEXT, term.name(), Field.Store.NO));
    doc.add(new StringField(Fields.EXACT_NAME, GlossaryAnalysis.normalizeExact(term.name()), Field.Store.NO));
    for (String alias : term.aliases()) {
      doc.add(new TextField(Fields.ALIAS_TEXT, alias, Field.Store.NO));
      doc.add(new StringField(Fields.EXACT_ALIAS, GlossaryAnalysis.normalizeExact(alias), Field.Store.NO));
    }
    keyword(doc, Fields.SERVICE, term.service());
    keyword(doc, Fields.CATEGORY, term.category());
    keyword(doc, Fields.DIFFICULTY, term.difficulty().label());
    doc.add(new TextField(Fields.SERVICE_TEXT, term.service(), Field.Store.NO));
    for (CliCommand c : term.cli().commands()) {
      String path = c.path();
      doc.add(new TextField(Fields.CLI_PATH, path.startsWith("az ") ? path.substring(3) : path, Field.Store.NO));
    }
    StringBuilder body = new StringBuilder();
    StringBuilder starts = new StringBuilder();
    for (Section s : Section.values()) {
      String text = s.textOf(term);
      if (text.isBlank()) {
        continue;
      }
      doc.add(new TextField(Fields.section(s), text, Field.Store.NO));
      if (!body.isEmpty()) {
        body.append(PARAGRAPH);
        starts.append(',');
      }
      starts.append(s.key()).append(':').append(body.length());
      body.append(SENTENCE_GAP.matcher(text.replace('\n', PARAGRAPH)).replaceAll(String.valueOf(PARAGRAPH)));
    }
    doc.add(new Field(Fields.BODY, body.toString(), BODY_TYPE));
    doc.add(new BinaryDocValuesField(Fields.SECTION_STARTS, new BytesRef(starts.toString())));
    doc.add(new TextField(Fields.SPELL, term.name() + "\n" + String.join("\n", term.aliases()) + "\n" + body, Field.Store.NO));
    doc.add(new StoredField(Fields.TERM_JSON, TermJson.write(term)));
    return doc;
  }

  /**
   * The term a document stores, read back from {@link Fields#TERM_JSON}.
   *
   * @param stored the stored fields of the document's index, from one thread
   * @param doc the document, by its id in that index
   * @return the term, or null when the document stores none: it was written before terms were stored
   * @throws IOException if the stored fields cannot be read
   * @throws IllegalArgumentException if the stored text is not a term (a damaged index)
   */
  public static Term storedTerm(StoredFields stored, int doc) throws IOException {
    String json = stored.document(doc, TERM_JSON_ONLY).get(Fields.TERM_JSON);
    return json == null ? null : TermJson.read(json);
  }

  private static final Set<String> TERM_JSON_ONLY = Set.of(Fields.TERM_JSON);

  private static void keyword(Document doc, String field, String value) {
    doc.add(new StringField(field, value, Field.Store.YES));
    doc.add(new SortedDocValuesField(field, new BytesRef(value)));
  }

  /** Separates id, name and aliases in {@link Fields#NAMES}. */
  public static final char NAMES_SEPARATOR = '\u001f';

  static String encodeNames(Term term) {
    StringBuilder sb = new StringBuilder(term.id()).append(NAMES_SEPARATOR).append(term.name());
    for (String a : term.aliases()) {
      sb.append(NAMES_SEPARATOR).append(a);
    }
    return sb.toString();
  }

  /**
   * Parses {@link Fields#SECTION_STARTS}: section key to its start offset in the body, in order.
   *
   * @param encoded the field's value, such as {@code definition:0,technicalContext:214}; null or empty for none
   * @return section key to start offset, in body order
   */
  public static Map<String, Integer> parseSectionStarts(String encoded) {
    Map<String, Integer> out = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return out;
    }
    for (String part : encoded.split(",")) {
      int colon = part.lastIndexOf(':');
      out.put(part.substring(0, colon), Integer.parseInt(part.substring(colon + 1)));
    }
    return out;
  }
}
