package io.azureglossary.index;

import io.azureglossary.model.Section;
import java.util.Locale;

/** Names of the index fields. One document per term; one scoring field per section. */
public final class Fields {
  /** Term id: keyword, stored. */
  public static final String ID = "id";
  /** Name as written, stored for results. */
  public static final String NAME = "name";
  /** Name, analyzed without stemming. */
  public static final String NAME_TEXT = "name_text";
  /** Every alias, analyzed without stemming; multi-valued. */
  public static final String ALIAS_TEXT = "alias_text";
  /** Normalized whole name, for "the query is exactly this term's name". */
  public static final String EXACT_NAME = "exact_name";
  /** Normalized whole aliases. */
  public static final String EXACT_ALIAS = "exact_alias";
  /** Service: keyword for filters and facets, stored. */
  public static final String SERVICE = "service";
  /** Category: keyword for filters and facets, stored. */
  public static final String CATEGORY = "category";
  /** Difficulty label: keyword for filters, stored. */
  public static final String DIFFICULTY = "difficulty";
  /** Service name analyzed, so "data factory" finds Data Factory terms. */
  public static final String SERVICE_TEXT = "service_text";
  /** CLI command paths without "az" and without parameters, whitespace-tokenized; multi-valued. */
  public static final String CLI_PATH = "cli_path";
  /** All sections in reading order, stored with offsets: the highlighter's field. */
  public static final String BODY = "body";
  /** Doc values: where each section starts inside {@link #BODY}, {@code key:offset,key:offset}. */
  public static final String SECTION_STARTS = "section_starts";
  /** Doc values: id, name and aliases joined by U+001F, read back to build synonyms and suggestions. */
  public static final String NAMES = "names";
  /** Every word of the term as written, for spelling suggestions. */
  public static final String SPELL = "spell";
  /**
   * The whole term as its corpus JSON ({@code TermJson}): stored only, not indexed, read back by id
   * for {@code Glossary.term}; searches never load it (hits come from doc values).
   */
  public static final String TERM_JSON = "term_json";

  private Fields() {}

  /**
   * The scoring field of one section, such as {@code s_security}.
   *
   * @param s the section
   * @return the field's name
   */
  public static String section(Section s) {
    return "s_" + s.key().toLowerCase(Locale.ROOT);
  }
}
