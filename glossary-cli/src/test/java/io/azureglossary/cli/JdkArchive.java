package io.azureglossary.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Build step, not a test: after the shade step, glossary-cli's pom runs this with the toolchain's
 * {@code java}. It trains the CLI jar ({@link TrainingRun} in a JVM of the same JDK) and writes the
 * JDK archive that {@code ./glossary} starts with, beside the jar:
 *
 * <ul>
 *   <li>JDK 25+: an AOT cache, {@code glossary-cli.aot} ({@code -XX:AOTCacheOutput}, JEP 514);
 *   <li>JDK 21 to 24: a dynamic AppCDS archive, {@code glossary-cli.jsa} ({@code -XX:ArchiveClassesAtExit});
 * </ul>
 *
 * <p>and a sidecar ({@code glossary-cli.aot.jdk} or {@code .jsa.jdk}) naming the JDK that made it:
 * an archive only works with the exact JDK build that wrote it, and the launcher compares the
 * sidecar with the JDK it found before using the archive. Never fails the build: when no archive
 * can be made it says so in one line and exits 0 ({@code ./glossary} then starts without one).
 * {@code -Dglossary.archive=aot|cds|none} forces the kind or skips the step.
 */
public final class JdkArchive {
  /** The kinds of archive, by file extension and the option that records one. */
  enum Kind {
    AOT("aot", "AOT cache", "-XX:AOTCacheOutput="),
    CDS("jsa", "AppCDS archive", "-XX:ArchiveClassesAtExit=");

    final String extension;
    final String description;
    final String recordOption;

    Kind(String extension, String description, String recordOption) {
      this.extension = extension;
      this.description = description;
      this.recordOption = recordOption;
    }
  }

  /**
   * Options of the training JVM besides the recording one, in the order tried: an AOT cache is made
   * with AOT class linking (JEP 483: classes loaded and linked at start, a third less wall time
   * for a search than without), and made again without it if the first run writes none. On JDK
   * 25.0.3 the JVM crashed assembling the cache (a guarantee in archiveHeapWriter.cpp) when a
   * method reference pointed at a picocli class: picocli is compiled for Java 5, and such old
   * classes are left out of the cache.
   */
  static List<List<String>> trainingOptions(Kind kind) {
    return kind == Kind.AOT
        ? List.of(List.of(C1_ONLY), List.of(C1_ONLY, "-XX:-AOTClassLinking"))
        : List.of(List.of(C1_ONLY));
  }

  /**
   * The JIT option ./glossary gives the commands it trains: method profiles for C2 would go
   * unused, and the training run is a third shorter (10 s and 15 s of CPU before, 7.7 s and 9 s).
   */
  static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

  /** Longest a training run may take before it is given up (the build goes on without an archive). */
  static final long TIMEOUT_SECONDS = 300;

  /** The training workload, in the CLI jar (not on this class's classpath). */
  static final String TRAINING_MAIN = "io.azureglossary.cli.TrainingRun";

  private JdkArchive() {}

  /** The archive kind for a JDK feature version, or null: {@code choice} is auto, aot, cds or none. */
  static Kind kindFor(int feature, String choice) {
    return switch (choice == null || choice.isBlank() ? "auto" : choice.strip().toLowerCase(Locale.ROOT)) {
      case "auto" -> feature >= 25 ? Kind.AOT : feature >= 21 ? Kind.CDS : null;
      case "aot" -> Kind.AOT;
      case "cds" -> Kind.CDS;
      case "none" -> null;
      default -> throw new IllegalArgumentException("glossary.archive must be auto, aot, cds or none, not '" + choice + "'");
    };
  }

  /** The archive file for a jar: {@code glossary-cli.jar} gives {@code glossary-cli.aot}. */
  static Path archiveFor(Path jar, Kind kind) {
    String name = jar.getFileName().toString();
    return jar.resolveSibling(name.replaceFirst("\\.jar$", "") + "." + kind.extension);
  }

  /** The sidecar of an archive: its name plus {@code .jdk}. */
  static Path sidecarFor(Path archive) {
    return archive.resolveSibling(archive.getFileName() + ".jdk");
  }

  /** What the sidecar says: the JDK (resolved home and exact runtime version) the archive is for. */
  static String sidecar(Kind kind, String javaHome, String runtimeVersion) {
    return "# " + kind.description + " of the CLI jar, written by the build (JdkArchive); ./glossary uses it\n"
        + "# only when it runs this JDK (same java.home and java.runtime.version as in its release file)\n"
        + "java.home=" + javaHome + "\n"
        + "java.runtime.version=" + runtimeVersion + "\n";
  }

  public static void main(String[] args) {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: JdkArchive CLI_JAR [MAIN_CLASS]");
      System.exit(2);
    }
    Path jar = Path.of(args[0]).toAbsolutePath();
    String mainClass = args.length > 1 ? args[1] : TRAINING_MAIN;
    try {
      System.out.println("[glossary-cli archive] " + make(jar, mainClass, System.getProperty("glossary.archive", "auto")));
    } catch (Exception | Error e) {
      // one line, and the build goes on: ./glossary works without an archive, only starts slower
      System.out.println("[glossary-cli archive] WARNING: no archive written, ./glossary will start without one: "
          + (e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("")));
    }
  }

  /**
   * Trains {@code jar} with {@code mainClass} and writes the archive and its sidecar; returns what
   * was done, in a line. Any archive of an earlier build is deleted first, so a failed run leaves none.
   *
   * @throws IOException when no archive could be made, with the reason
   */
  static String make(Path jar, String mainClass, String choice) throws IOException, InterruptedException {
    for (Kind k : Kind.values()) {
      Files.deleteIfExists(sidecarFor(archiveFor(jar, k)));
      Files.deleteIfExists(archiveFor(jar, k));
    }
    Runtime.Version version = Runtime.version();
    Kind kind = kindFor(version.feature(), choice);
    if (kind == null) {
      return "skipped (glossary.archive=" + choice + ", JDK " + version + ")";
    }
    if (!Files.isRegularFile(jar)) {
      throw new IOException("no jar at " + jar);
    }
    Path archive = archiveFor(jar, kind);
    Path log = archive.resolveSibling(archive.getFileName() + ".log");
    Files.deleteIfExists(log);
    String java = ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    long start = System.nanoTime();
    String note = "";
    List<List<String>> attempts = trainingOptions(kind);
    for (int i = 0; ; i++) {
      List<String> command = new ArrayList<>(List.of(java, kind.recordOption + archive));
      command.addAll(attempts.get(i));
      command.addAll(List.of("-cp", jar.toString(), mainClass));
      // in target/: a JVM that crashes writes its hs_err file in its working directory
      Process p = new ProcessBuilder(command).directory(jar.getParent().toFile()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        Files.deleteIfExists(archive);
        throw new IOException("the training run took over " + TIMEOUT_SECONDS + " s (log: " + log + ")");
      }
      if (p.exitValue() != 0) {
        Files.deleteIfExists(archive);
        throw new IOException("the training run failed, exit " + p.exitValue() + " (log: " + log + ")");
      }
      if (Files.isRegularFile(archive) && Files.size(archive) > 0) {
        break;
      }
      // the JVM exits 0 even when the child that assembles an AOT cache crashed: no file, or an empty one
      Files.deleteIfExists(archive);
      if (i + 1 == attempts.size()) {
        throw new IOException("the training run wrote no " + archive.getFileName() + " (log: " + log + ")");
      }
      note = ", made again with " + String.join(" ", attempts.get(i + 1)) + " as the first run wrote none";
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Files.deleteIfExists(archive.resolveSibling(archive.getFileName() + ".config")); // left by a crashed AOT run
    String home = Path.of(System.getProperty("java.home")).toRealPath().toString();
    String runtime = System.getProperty("java.runtime.version");
    Path sidecar = sidecarFor(archive);
    Path tmp = sidecar.resolveSibling(sidecar.getFileName() + ".tmp");
    try {
      Files.writeString(tmp, sidecar(kind, home, runtime), StandardCharsets.UTF_8);
      Files.move(tmp, sidecar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | UncheckedIOException e) {
      Files.deleteIfExists(archive);
      throw e;
    }
    return String.format(Locale.ROOT, "%s: %s for JDK %s, %.1f MB, training run %.1f s%s (log: %s)",
        archive.getFileName(), kind.description, runtime, Files.size(archive) / 1e6, seconds, note, log.getFileName());
  }
}
