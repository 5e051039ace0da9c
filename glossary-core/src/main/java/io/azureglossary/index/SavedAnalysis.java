package io.azureglossary.index;

import io.azureglossary.analysis.GlossaryAnalysis;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.store.ChecksumIndexInput;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;

/**
 * The analysis of an index saved beside its segments, so that a searcher opens without deriving the
 * synonym map from every name and alias again. One file per analysis fingerprint,
 * {@code glossary-analysis-<fingerprint>.bin}, checksummed; the commit that needs it names it in
 * its user data under {@link #USER_DATA_KEY}. The file is written and synced before that commit,
 * so a published generation always finds its file, and since the name carries the fingerprint of
 * the names and aliases, a file can never describe other terms than the commit's. Generations whose
 * names and aliases did not change share one file.
 *
 * <p>Lucene's own file deleter ignores these files (their names are not codec file names): the
 * writer of a commit removes the files no longer named, see {@link #deleteAllBut}.
 */
public final class SavedAnalysis {
  /** The commit user data key naming the analysis file of that commit. */
  public static final String USER_DATA_KEY = "glossary.analysisFile";
  private static final String PREFIX = "glossary-analysis-";
  private static final String SUFFIX = ".bin";
  private static final String CODEC = "GlossaryAnalysis";
  /** The file layout; bump it whenever {@link GlossaryAnalysis#write} changes what it writes. */
  private static final int FORMAT = 0;

  private SavedAnalysis() {}

  /**
   * The file name of an analysis: it carries the analysis fingerprint.
   *
   * @param analysis the analysis
   * @return {@code glossary-analysis-<fingerprint>.bin}
   */
  public static String fileName(GlossaryAnalysis analysis) {
    return PREFIX + analysis.fingerprint() + SUFFIX;
  }

  /**
   * The fingerprint a file name carries.
   *
   * @param fileName a file name, or null
   * @return the fingerprint, or null if it is not an analysis file name
   */
  public static String fingerprintOf(String fileName) {
    if (fileName == null || !fileName.startsWith(PREFIX) || !fileName.endsWith(SUFFIX)) {
      return null;
    }
    return fileName.substring(PREFIX.length(), fileName.length() - SUFFIX.length());
  }

  /**
   * Whether a file in an index folder is an analysis file or a temporary one being written.
   *
   * @param name the file's name
   * @return true for an analysis file, finished or temporary
   */
  public static boolean isAnalysisFile(String name) {
    return name.startsWith(PREFIX) && (name.endsWith(SUFFIX) || name.endsWith(".tmp"));
  }

  /**
   * Writes the analysis file unless a readable one of that fingerprint is present, and syncs it: a
   * temporary file, synced, then renamed, so a crash never leaves a half-written file under the
   * final name.
   *
   * @param dir the index directory
   * @param analysis the analysis the next commit uses
   * @return the file name, for the commit's user data
   * @throws IOException if the file cannot be written or synced
   */
  public static String write(Directory dir, GlossaryAnalysis analysis) throws IOException {
    String name = fileName(analysis);
    if (isIntact(dir, name)) {
      return name;
    }
    if (List.of(dir.listAll()).contains(name)) {
      dir.deleteFile(name); // damaged, or of another layout
    }
    String tmp;
    try (IndexOutput out = dir.createTempOutput(PREFIX + analysis.fingerprint(), "write", IOContext.DEFAULT)) {
      tmp = out.getName();
      CodecUtil.writeHeader(out, CODEC, FORMAT);
      analysis.write(out);
      CodecUtil.writeFooter(out);
    }
    dir.sync(List.of(tmp));
    dir.rename(tmp, name);
    dir.syncMetaData();
    return name;
  }

  /**
   * Whether an analysis file is there, of this layout and undamaged: its header and checksum are
   * checked, nothing is parsed. The analysis inside is then the one its name says, since the
   * fingerprint covers the analysis version. Any failure to tell counts as not intact: the
   * caller writes the file again.
   *
   * @param dir the index directory
   * @param name the analysis file's name
   * @return true if the file can be read as it is
   */
  public static boolean isIntact(Directory dir, String name) {
    if (fingerprintOf(name) == null) {
      return false;
    }
    try (IndexInput in = dir.openInput(name, IOContext.READONCE)) {
      CodecUtil.checkHeader(in, CODEC, FORMAT, FORMAT);
      CodecUtil.checksumEntireFile(in);
      return true;
    } catch (IOException | RuntimeException missingOrDamaged) {
      return false;
    }
  }

  /**
   * Reads the analysis a commit names.
   *
   * @param dir the index directory
   * @param commitUserData the commit's user data
   * @return the analysis, or null if the commit names none (an index written before analyses were saved)
   * @throws IOException if the named file is missing or damaged, or describes other names than
   *     its file name says
   */
  public static GlossaryAnalysis read(Directory dir, Map<String, String> commitUserData) throws IOException {
    String name = commitUserData.get(USER_DATA_KEY);
    return name == null ? null : read(dir, name);
  }

  static GlossaryAnalysis read(Directory dir, String name) throws IOException {
    String expected = fingerprintOf(name);
    if (expected == null) {
      throw new IOException("'" + name + "' is not an analysis file name");
    }
    try (ChecksumIndexInput in = dir.openChecksumInput(name)) {
      GlossaryAnalysis analysis = null;
      Throwable failure = null;
      try {
        CodecUtil.checkHeader(in, CODEC, FORMAT, FORMAT);
        analysis = GlossaryAnalysis.read(in);
      } catch (Throwable t) {
        failure = t;
      } finally {
        // with a failure, rethrows it with the checksum verdict attached: damage, or a bug
        CodecUtil.checkFooter(in, failure);
      }
      if (!analysis.fingerprint().equals(expected)) {
        throw new IOException(name + " holds the analysis of fingerprint " + analysis.fingerprint());
      }
      return analysis;
    }
  }

  /**
   * Deletes every analysis file, finished or temporary, but the ones named. Call with the writer's
   * lock held, after the commit that stopped naming them.
   *
   * @param dir the index directory
   * @param keep the names of the analysis files to keep
   * @throws IOException if a file cannot be listed or deleted
   */
  public static void deleteAllBut(Directory dir, Collection<String> keep) throws IOException {
    Set<String> kept = Set.copyOf(keep);
    for (String f : dir.listAll()) {
      if (isAnalysisFile(f) && !kept.contains(f)) {
        dir.deleteFile(f);
      }
    }
  }
}
