package io.azureglossary.store;

import io.azureglossary.analysis.GlossaryAnalysis;
import io.azureglossary.index.Fields;
import io.azureglossary.index.IndexAnalyzers;
import io.azureglossary.index.TermDocument;
import io.azureglossary.model.CaseStudy;
import io.azureglossary.model.Cli;
import io.azureglossary.model.CliCommand;
import io.azureglossary.model.Difficulty;
import io.azureglossary.model.Source;
import io.azureglossary.model.Term;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The store's additions to {@link TermDocument}: a content hash per document, the corpus hash,
 * and the schema probe. Hashes are taken over the document as written (field names, field types
 * and values), so a change in how core builds documents counts as a change of every term it
 * affects, and the next incremental reindex rewrites them.
 */
final class StoredTerms {
  /** Doc values: the hex content hash of the document, for incremental reindexing. */
  static final String HASH = "store_hash";

  private StoredTerms() {}

  /** A term's document, with its content hash added. */
  record Prepared(String id, String hash, Document document) {}

  static Prepared prepare(Term term) {
    Document doc = TermDocument.of(term);
    String hash = hash(doc);
    doc.add(new BinaryDocValuesField(HASH, new BytesRef(hash)));
    return new Prepared(term.id(), hash, doc);
  }

  /** SHA-256 over every field's name, type and value, in order; the first 128 bits in hex. */
  static String hash(Document doc) {
    MessageDigest md = sha256();
    update(md, "format-" + IndexManifest.FORMAT_VERSION);
    for (IndexableField f : doc) {
      update(md, f.name());
      update(md, f.fieldType().toString());
      if (f.stringValue() != null) {
        update(md, f.stringValue());
      } else if (f.binaryValue() != null) {
        BytesRef b = f.binaryValue();
        updateLength(md, b.length);
        md.update(b.bytes, b.offset, b.length);
      } else if (f.numericValue() != null) {
        update(md, f.numericValue().toString());
      }
    }
    return hex(md.digest());
  }

  /** The hash of a whole corpus from its terms' hashes, which must be given in id order. */
  static final class CorpusHasher {
    private final MessageDigest md = sha256();

    void add(String id, String hash) {
      update(md, id);
      update(md, hash);
    }

    String finish() {
      return hex(md.digest());
    }
  }

  /** Term id to content hash, for every live document of an index; a duplicated id maps to "". */
  static Map<String, String> readHashes(DirectoryReader reader) throws IOException {
    Map<String, String> out = new HashMap<>(reader.numDocs() * 2);
    String separator = String.valueOf(TermDocument.NAMES_SEPARATOR);
    for (LeafReaderContext leaf : reader.leaves()) {
      BinaryDocValues names = leaf.reader().getBinaryDocValues(Fields.NAMES);
      BinaryDocValues hashes = leaf.reader().getBinaryDocValues(HASH);
      Bits live = leaf.reader().getLiveDocs();
      if (names == null) {
        continue;
      }
      for (int doc = names.nextDoc(); doc != BinaryDocValues.NO_MORE_DOCS; doc = names.nextDoc()) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        String encoded = names.binaryValue().utf8ToString();
        int cut = encoded.indexOf(separator);
        String id = cut < 0 ? encoded : encoded.substring(0, cut);
        String hash = hashes != null && hashes.advanceExact(doc) ? hashes.binaryValue().utf8ToString() : "";
        // a duplicated id can only come from a damaged index; "" matches no hash, so it is rewritten
        out.merge(id, hash, (a, b) -> "");
      }
    }
    return out;
  }

  /**
   * The index schema: the analysis version and a hash of what the index writes for a probe term
   * with every field filled in, namely each field's name and type and, for analyzed fields, every
   * token with its position and offsets. It changes when core changes a field type, a field's
   * analyzer or an analysis chain, or adds or drops a field (such as {@link Fields#TERM_JSON}, the
   * stored entry), even if {@link GlossaryAnalysis#VERSION} was not bumped.
   */
  static String indexSchema() {
    return indexSchema(probeDocument());
  }

  /** The probe term's document, as this version writes it. */
  static Document probeDocument() {
    return prepare(PROBE).document();
  }

  /** {@link #indexSchema()} of an index whose probe document would be {@code probe}. */
  static String indexSchema(Document probe) {
    GlossaryAnalysis analysis = GlossaryAnalysis.forTerms(List.of(PROBE));
    MessageDigest md = sha256();
    try (Analyzer analyzer = IndexAnalyzers.forIndexing(analysis)) {
      for (IndexableField f : probe) {
        update(md, f.name());
        update(md, f.fieldType().toString());
        if (f.fieldType().tokenized() && f.fieldType().indexOptions() != IndexOptions.NONE && f.stringValue() != null) {
          tokens(md, analyzer, f.name(), f.stringValue());
        }
      }
    }
    return GlossaryAnalysis.VERSION + "-" + hex(md.digest());
  }

  private static void tokens(MessageDigest md, Analyzer analyzer, String field, String text) {
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      PositionLengthAttribute len = ts.addAttribute(PositionLengthAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        update(md, term.toString() + "/" + inc.getPositionIncrement() + "/" + len.getPositionLength() + "/"
            + offset.startOffset() + "-" + offset.endOffset());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A term that exercises every field and the traps of each analysis chain: possessives, plurals,
   * stop words, accents, acronyms, hyphens, paths, versions and CLI parameters.
   */
  private static final Term PROBE = Term.builder()
      .id("probe-term")
      .name("Probe's Virtual Networks")
      .aliases(List.of("PVN", "PIP", "probe-net v2"))
      .service("Azure Networking")
      .category("Networking")
      .tags(List.of("probe"))
      .difficulty(Difficulty.ADVANCED)
      .lastVerified(LocalDate.of(2025, 1, 1))
      .source(new Source("Probe", "https://example.org/probe", null))
      .definition("The VM's NICs aren't reachable; a naïve café-style 10.0.0.0/24 range won't do.")
      .technicalContext("Microsoft.Web/serverFarms delegations and GatewaySubnet names are case-sensitive in ARM JSON.")
      .whyItMatters("Running, runs and ran differ; the indexes of policies are stemmed.")
      .whereYouSeeIt(List.of("The Subnets page of a VNet.", "Error SubnetIsFull."))
      .whenRelevant(List.of("When scaling out AKS node pools.", "When the IPv6 prefix is /64."))
      .caseStudies(List.of(new CaseStudy("Case", "A scenario.", List.of("Objective one."), "A solution.",
          List.of("Result 99.9%."), "A takeaway.")))
      .cli(new Cli(List.of("Create a VNet with az."), List.of(
          new CliCommand("az network vnet create --name <vnet> --address-prefixes 10.0.0.0/16", CliCommand.Kind.CREATE),
          new CliCommand("az network private-endpoint list -o table", CliCommand.Kind.DISCOVER))))
      .architecture("Hub-and-spoke topologies' peering.")
      .security("Use NSGs and ASGs; TLS 1.2+.")
      .cost("Costs $0.01/GB egress.")
      .reliability("Zone-redundant (ZRS) and geo-redundant failover.")
      .performance("Throughput: 25 Gbps, P99 latency < 2 ms.")
      .operations("Operate with Azure Monitor, KQL and the az CLI.")
      .commonMistakes(List.of("Using /29 subnets.", "Forgetting DNS."))
      .build();

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void update(MessageDigest md, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    updateLength(md, b.length);
    md.update(b);
  }

  private static void updateLength(MessageDigest md, int length) {
    md.update(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
  }

  private static String hex(byte[] digest) {
    return java.util.HexFormat.of().formatHex(digest, 0, 16);
  }
}
