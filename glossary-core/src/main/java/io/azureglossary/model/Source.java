package io.azureglossary.model;

import java.time.LocalDate;
import java.util.Objects;

/** Where a term's facts were checked: a document title and, when known, its URL and the date it was read (both may be null). */
public record Source(String title, String url, LocalDate date) {
  public Source {
    Objects.requireNonNull(title, "title");
  }
}
