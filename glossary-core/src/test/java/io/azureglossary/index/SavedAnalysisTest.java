package io.azureglossary.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.azureglossary.analysis.GlossaryAnalysis;
import io.azureglossary.corpus.Corpus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.Test;

/** The analysis file a commit names: what it restores, and what it refuses. */
class SavedAnalysisTest {
  private static final GlossaryAnalysis BUILT = GlossaryAnalysis.forTerms(Corpus.bundled().terms());
  /** Queries that exercise one-way acronyms, multi-word synonyms both ways, stemming and stop words. */
  private static final List<String> QUERIES = List.of("SHIR offline", "shir", "self-hosted integration runtime",
      "PIP", "pip install", "ADH capacity", "Azure Dedicated Host", "VNet peering", "virtual networks",
      "what is a PLS", "AZ outage", "az vm create", "Key Vault soft delete", "RBAC role assignment");

  /** Every token of every query through an analyzer: term, type, position increment and length. */
  private static List<String> tokens(Analyzer analyzer) throws IOException {
    List<String> out = new ArrayList<>();
    for (String q : QUERIES) {
      try (TokenStream ts = analyzer.tokenStream(Fields.NAME_TEXT, q)) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        TypeAttribute type = ts.addAttribute(TypeAttribute.class);
        PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
        PositionLengthAttribute len = ts.addAttribute(PositionLengthAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          out.add(q + " -> " + term + "/" + type.type() + "/+" + inc.getPositionIncrement() + "/" + len.getPositionLength());
        }
        ts.end();
      }
    }
    return out;
  }

  @Test
  void writeThenRead_restoresTheSameSynonymsAcronymsAndFingerprint() throws IOException {
    try (Directory dir = new ByteBuffersDirectory()) {
      String name = SavedAnalysis.write(dir, BUILT);
      GlossaryAnalysis read = SavedAnalysis.read(dir, Map.of(SavedAnalysis.USER_DATA_KEY, name));

      assertEquals(BUILT.fingerprint(), read.fingerprint());
      assertEquals(BUILT.ambiguousAcronyms(), read.ambiguousAcronyms());
      List<String> expected = tokens(BUILT.exactQuery());
      assertTrue(expected.stream().anyMatch(t -> t.contains("/SYNONYM/")), "the queries expand: " + expected);
      assertEquals(expected, tokens(read.exactQuery()));
      assertEquals(tokens(BUILT.proseQuery()), tokens(read.proseQuery()));
    }
  }

  @Test
  void fileName_carriesTheFingerprint_soOtherNamesGetAnotherFile() {
    GlossaryAnalysis other = GlossaryAnalysis.forTerms(Corpus.bundled().terms().subList(0, 10));
    assertEquals(BUILT.fingerprint(), SavedAnalysis.fingerprintOf(SavedAnalysis.fileName(BUILT)));
    assertNotEquals(SavedAnalysis.fileName(BUILT), SavedAnalysis.fileName(other));
    assertNull(SavedAnalysis.fingerprintOf("_0.cfs"));
  }

  @Test
  void write_leavesOnlyTheFinishedFile() throws IOException {
    try (Directory dir = new ByteBuffersDirectory()) {
      String name = SavedAnalysis.write(dir, BUILT);
      assertEquals(List.of(name), List.of(dir.listAll()));
      assertEquals(name, SavedAnalysis.write(dir, BUILT), "a second write of the same analysis keeps the file");
    }
  }

  @Test
  void read_damagedFile_failsOnTheChecksum() throws IOException {
    try (Directory dir = new ByteBuffersDirectory()) {
      String name = SavedAnalysis.write(dir, BUILT);
      flipByte(dir, name, 200);
      IOException e = assertThrows(IOException.class, () -> SavedAnalysis.read(dir, name));
      String all = e + " " + java.util.Arrays.toString(e.getSuppressed());
      assertTrue(all.contains("checksum failed"), all);
    }
  }

  @Test
  void isIntact_writtenFileOnly_notDamagedTruncatedOrMissing() throws IOException {
    try (Directory dir = new ByteBuffersDirectory()) {
      String name = SavedAnalysis.write(dir, BUILT);
      assertTrue(SavedAnalysis.isIntact(dir, name));
      assertFalse(SavedAnalysis.isIntact(dir, SavedAnalysis.fileName(
          GlossaryAnalysis.forTerms(Corpus.bundled().terms().subList(0, 5)))), "missing");
      flipByte(dir, name, 200);
      assertFalse(SavedAnalysis.isIntact(dir, name), "damaged");
      dir.deleteFile(name);
      try (IndexOutput out = dir.createOutput(name, IOContext.DEFAULT)) {
        out.writeByte((byte) 0x3f);
      }
      assertFalse(SavedAnalysis.isIntact(dir, name), "truncated");
    }
  }

  @Test
  void write_overADamagedFile_replacesIt() throws IOException {
    try (Directory dir = new ByteBuffersDirectory()) {
      String name = SavedAnalysis.write(dir, BUILT);
      flipByte(dir, name, 200);
      SavedAnalysis.write(dir, BUILT);
      assertEquals(BUILT.fingerprint(), SavedAnalysis.read(dir, name).fingerprint());
    }
  }

  @Test
  void read_commitWithoutAnalysis_isNull() throws IOException {
    try (Directory dir = new ByteBuffersDirectory()) {
      assertNull(SavedAnalysis.read(dir, Map.of()));
    }
  }

  @Test
  void deleteAllBut_removesOtherAnalysisFilesOnly() throws IOException {
    try (Directory dir = new ByteBuffersDirectory()) {
      String keep = SavedAnalysis.write(dir, BUILT);
      String old = SavedAnalysis.write(dir, GlossaryAnalysis.forTerms(Corpus.bundled().terms().subList(0, 5)));
      try (IndexOutput o = dir.createOutput("_0.cfs", IOContext.DEFAULT)) {
        o.writeByte((byte) 1);
      }
      SavedAnalysis.deleteAllBut(dir, List.of(keep));
      assertEquals(List.of("_0.cfs", keep), List.of(dir.listAll()));
      assertTrue(SavedAnalysis.isAnalysisFile(old));
    }
  }

  static void flipByte(Directory dir, String name, int at) throws IOException {
    byte[] bytes;
    try (IndexInput in = dir.openInput(name, IOContext.DEFAULT)) {
      bytes = new byte[(int) in.length()];
      in.readBytes(bytes, 0, bytes.length);
    }
    bytes[at] ^= 0x5a;
    dir.deleteFile(name);
    try (IndexOutput out = dir.createOutput(name, IOContext.DEFAULT)) {
      out.writeBytes(bytes, bytes.length);
    }
  }
}
