package io.azureglossary.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexManifestTest {
  static final Path DIR = Path.of("/srv/index");
  static final IndexManifest MANIFEST = new IndexManifest(IndexManifest.FORMAT_VERSION, "1-abc", "0123456789abcdef",
      "fedcba9876543210", 42, Instant.parse("2026-01-02T03:04:05.678Z"));

  @Test
  void userData_roundTrips() throws Exception {
    Map<String, String> data = MANIFEST.toUserData();

    assertEquals(Map.of("glossary.formatVersion", "1", "glossary.indexSchema", "1-abc",
        "glossary.analysisFingerprint", "0123456789abcdef", "glossary.corpusHash", "fedcba9876543210",
        "glossary.termCount", "42", "glossary.builtAt", "2026-01-02T03:04:05.678Z"), data);
    assertEquals(MANIFEST, IndexManifest.fromUserData(data, DIR));
  }

  @Test
  void fromUserData_noFormat_notAGlossaryIndex() {
    assertEquals("/srv/index holds a Lucene index that is not a glossary index (its commit has no"
        + " glossary.formatVersion)", problem(Map.of()));
  }

  @Test
  void fromUserData_formatNotANumber_unknown() {
    assertEquals("/srv/index has an unknown index format 'v1' (this version reads format 1)",
        problem(with(IndexManifest.FORMAT_KEY, "v1")));
  }

  @Test
  void fromUserData_olderFormat_unknownRebuild() {
    assertEquals("/srv/index has an unknown index format 0 (this version reads format 1); rebuild it with"
        + " Reindexer.full(true)", problem(with(IndexManifest.FORMAT_KEY, "0")));
  }

  @Test
  void fromUserData_newerFormat_upgradeOrRebuild() {
    assertEquals("/srv/index was written in index format 3, newer than this version of azure-glossary-search reads"
        + " (format 1); upgrade, or rebuild it with Reindexer.full(true)", problem(with(IndexManifest.FORMAT_KEY, "3")));
  }

  @Test
  void fromUserData_missingKey_damaged() {
    Map<String, String> data = new HashMap<>(MANIFEST.toUserData());
    data.remove(IndexManifest.CORPUS_HASH_KEY);

    assertEquals("/srv/index has a damaged manifest: 'glossary.corpusHash' is missing", problem(data));
  }

  @Test
  void fromUserData_badDate_damaged() {
    assertEquals("/srv/index has a damaged manifest: Text 'yesterday' could not be parsed at index 0",
        problem(with(IndexManifest.BUILT_AT_KEY, "yesterday")));
  }

  @Test
  void negativeTermCount_rejected() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> new IndexManifest(1, "s", "f", "h", -1, Instant.EPOCH));
    assertEquals("termCount must not be negative (got -1)", e.getMessage());
  }

  private static Map<String, String> with(String key, String value) {
    Map<String, String> data = new HashMap<>(MANIFEST.toUserData());
    data.put(key, value);
    return data;
  }

  private static String problem(Map<String, String> data) {
    IndexFormatException e = assertThrows(IndexFormatException.class, () -> IndexManifest.fromUserData(data, DIR));
    assertEquals(DIR, e.dir());
    return e.getMessage();
  }
}
