package io.azureglossary.store;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a persistent index holds, written with every generation as the user data of its Lucene
 * commit, so manifest and documents are published together by the same atomic rename and can
 * never disagree.
 *
 * @param formatVersion the store's on-disk format; this library reads {@link #FORMAT_VERSION} only
 * @param indexSchema the index-side analysis version and a hash of the field types and tokens
 *     the index writes for a probe term: when it changes, documents written before are no longer
 *     comparable with new ones and the next reindex rebuilds everything
 * @param analysisFingerprint {@code GlossaryAnalysis.forTerms(terms).fingerprint()} of the
 *     indexed terms: the names and aliases searchers build their synonyms from
 * @param corpusHash a hash of every term's indexed content, by id; equal hashes mean equal indexes
 * @param termCount how many terms (documents) the generation holds
 * @param builtAt when the generation was committed
 */
public record IndexManifest(
    int formatVersion,
    String indexSchema,
    String analysisFingerprint,
    String corpusHash,
    int termCount,
    Instant builtAt) {
  /** The store format this library writes and reads. */
  public static final int FORMAT_VERSION = 1;

  static final String FORMAT_KEY = "glossary.formatVersion";
  static final String SCHEMA_KEY = "glossary.indexSchema";
  static final String FINGERPRINT_KEY = "glossary.analysisFingerprint";
  static final String CORPUS_HASH_KEY = "glossary.corpusHash";
  static final String TERM_COUNT_KEY = "glossary.termCount";
  static final String BUILT_AT_KEY = "glossary.builtAt";

  /**
   * Checks the manifest.
   *
   * @throws NullPointerException if the schema, fingerprint, corpus hash or build time is missing
   * @throws IllegalArgumentException if {@code termCount} is negative
   */
  public IndexManifest {
    Objects.requireNonNull(indexSchema, "indexSchema");
    Objects.requireNonNull(analysisFingerprint, "analysisFingerprint");
    Objects.requireNonNull(corpusHash, "corpusHash");
    Objects.requireNonNull(builtAt, "builtAt");
    if (termCount < 0) {
      throw new IllegalArgumentException("termCount must not be negative (got " + termCount + ")");
    }
  }

  /** The commit user data that carries this manifest. */
  Map<String, String> toUserData() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(FORMAT_KEY, Integer.toString(formatVersion));
    m.put(SCHEMA_KEY, indexSchema);
    m.put(FINGERPRINT_KEY, analysisFingerprint);
    m.put(CORPUS_HASH_KEY, corpusHash);
    m.put(TERM_COUNT_KEY, Integer.toString(termCount));
    m.put(BUILT_AT_KEY, builtAt.toString());
    return m;
  }

  /**
   * Reads the manifest from a commit's user data.
   *
   * @param dir the index folder, for messages
   * @throws IndexFormatException when the commit has no manifest (not a glossary index), or a
   *     format version this library does not know, or a damaged manifest
   */
  static IndexManifest fromUserData(Map<String, String> data, Path dir) throws IndexFormatException {
    String format = data.get(FORMAT_KEY);
    if (format == null) {
      throw new IndexFormatException(dir, "holds a Lucene index that is not a glossary index (its commit has no "
          + FORMAT_KEY + ")");
    }
    int version;
    try {
      version = Integer.parseInt(format);
    } catch (NumberFormatException e) {
      throw new IndexFormatException(dir, "has an unknown index format '" + format + "' (this version reads format "
          + FORMAT_VERSION + ")");
    }
    if (version > FORMAT_VERSION) {
      throw new IndexFormatException(dir, "was written in index format " + version + ", newer than this version of "
          + "azure-glossary-search reads (format " + FORMAT_VERSION + "); upgrade, or rebuild it with Reindexer.full(true)");
    }
    if (version != FORMAT_VERSION) {
      throw new IndexFormatException(dir, "has an unknown index format " + version + " (this version reads format "
          + FORMAT_VERSION + "); rebuild it with Reindexer.full(true)");
    }
    try {
      return new IndexManifest(version, required(data, SCHEMA_KEY, dir), required(data, FINGERPRINT_KEY, dir),
          required(data, CORPUS_HASH_KEY, dir), Integer.parseInt(required(data, TERM_COUNT_KEY, dir)),
          Instant.parse(required(data, BUILT_AT_KEY, dir)));
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IndexFormatException(dir, "has a damaged manifest: " + e.getMessage());
    }
  }

  private static String required(Map<String, String> data, String key, Path dir) throws IndexFormatException {
    String v = data.get(key);
    if (v == null) {
      throw new IndexFormatException(dir, "has a damaged manifest: '" + key + "' is missing");
    }
    return v;
  }
}
