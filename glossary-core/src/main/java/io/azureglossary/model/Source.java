package io.azureglossary.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Where a term's facts were checked: a document title and, when known, its URL and the date it was read (both may be null).
 *
 * @param title the document's title
 * @param url the document's https address, or null
 * @param date the day it was read, or null
 */
public record Source(String title, String url, LocalDate date) {
  /** Checks that the title is present. */
  public Source {
    Objects.requireNonNull(title, "title");
  }
}
