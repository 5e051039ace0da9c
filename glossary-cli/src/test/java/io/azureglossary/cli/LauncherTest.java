package io.azureglossary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./glossary} launcher, run by bash from a copy in a tree of its own whose CLI jar is
 * {@link LauncherProbe}: nothing is built, and what the launcher chose (the JDK, the options, the
 * archive) is what the probe prints.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherTest {
  private static final Path SCRIPT = Path.of("..", "glossary").toAbsolutePath().normalize();

  @TempDir
  Path tmp;

  record Run(int code, String out, String err) {
    List<String> jvmArgs() {
      return out.lines().filter(l -> l.startsWith("jvm-arg=")).map(l -> l.substring("jvm-arg=".length())).toList();
    }

    boolean usedArchive() {
      return jvmArgs().stream().anyMatch(a -> a.startsWith("-XX:AOTCache=") || a.startsWith("-XX:SharedArchiveFile="));
    }
  }

  static Path realJavaHome() throws IOException {
    return Path.of(System.getProperty("java.home")).toRealPath();
  }

  /** root/glossary (a copy of the launcher) and root/glossary-cli/target/glossary-cli.jar (the probe). */
  Path tree() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("root"));
    Path script = root.resolve("glossary");
    Files.copy(SCRIPT, script);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    writeProbeJar(jar(root), false);
    return root;
  }

  static Path jar(Path root) {
    return root.resolve("glossary-cli/target/glossary-cli.jar");
  }

  /** A runnable jar of {@link LauncherProbe}; {@code variant} adds an entry, for a jar rebuilt differently. */
  static void writeProbeJar(Path jar, boolean variant) throws IOException {
    Files.createDirectories(jar.getParent());
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
    String entry = LauncherProbe.class.getName().replace('.', '/') + ".class";
    try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os, m);
         InputStream in = LauncherProbe.class.getClassLoader().getResourceAsStream(entry)) {
      out.putNextEntry(new JarEntry(entry));
      in.transferTo(out);
      out.closeEntry();
      if (variant) {
        out.putNextEntry(new JarEntry("rebuilt.txt"));
        out.write("rebuilt".getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
  }

  /** Runs the launcher with a clean environment: JAVA_HOME the JDK running this test, unless env says otherwise. */
  Run launch(Path root, Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", root.resolve("glossary").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
    Map<String, String> e = pb.environment();
    for (String v : List.of("GLOSSARY_JAVA_OPTS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")) {
      e.remove(v);
    }
    e.put("JAVA_HOME", realJavaHome().toString());
    e.put("PATH", "/usr/bin:/bin");
    e.put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
    e.putAll(env);
    Path out = tmp.resolve("out.txt");
    Path err = tmp.resolve("err.txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("launcher still running after 120 s");
    }
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  static void executable(Path file, String script) throws IOException {
    write(file, script);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  static void setModified(Path file, long millis) throws IOException {
    Files.setLastModifiedTime(file, FileTime.fromMillis(millis));
  }

  @Test
  void skipsAJdkOlderThan21_byItsReleaseFile_withoutStartingIt() throws Exception {
    Path root = tree();
    Path old = tmp.resolve("jdk-17");
    write(old.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"17.0.2\"\nJAVA_RUNTIME_VERSION=\"17.0.2+8\"\n");
    executable(old.resolve("bin/java"), "#!/bin/sh\ntouch \"$(dirname \"$0\")/started\"\nexit 1\n");

    Run r = launch(root, Map.of("JAVA_HOME", old.toString(), "PATH", realJavaHome().resolve("bin") + ":/usr/bin:/bin"),
        "search", "key vault");

    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    assertTrue(r.out().startsWith("java.home=" + realJavaHome() + "\n"), r.out());
    assertTrue(r.out().endsWith("args=search|key vault\n"), r.out());
    assertFalse(Files.exists(old.resolve("bin/started")), "the JDK 17 was started to learn its version");
  }

  @Test
  void aJavaWithoutReleaseFile_isStartedOnce_andTheAnswerRemembered() throws Exception {
    Path root = tree();
    Path wrapper = tmp.resolve("wrapped/bin/java");
    executable(wrapper, "#!/bin/sh\necho started >> \"$(dirname \"$0\")/starts\"\nexec '" + realJavaHome() + "/bin/java' \"$@\"\n");
    Path starts = wrapper.resolveSibling("starts");
    Map<String, String> env = Map.of("JAVA_HOME", wrapper.getParent().getParent().toString());

    for (int i = 0; i < 2; i++) {
      Run r = launch(root, env, "--version");
      assertEquals(0, r.code(), r.err());
      assertTrue(r.out().startsWith("java.home=" + realJavaHome() + "\n"), r.out());
    }
    // one start to ask the version; the tool itself runs on the JDK the answer named
    assertEquals(1, Files.readAllLines(starts).size());

    setModified(wrapper, Files.getLastModifiedTime(wrapper).toMillis() - 60_000);
    assertEquals(0, launch(root, env, "--version").code());
    assertEquals(2, Files.readAllLines(starts).size(), "a java changed since is asked again");
  }

  @Test
  void archiveOfAnotherJdk_orOlderThanTheJar_isNotUsed() throws Exception {
    Path root = tree();
    Path target = jar(root).getParent();
    String runtime = System.getProperty("java.runtime.version");
    Path archive = target.resolve(Runtime.version().feature() >= 25 ? "glossary-cli.aot" : "glossary-cli.jsa");
    Files.write(archive, new byte[4096]);
    Path sidecar = JdkArchive.sidecarFor(archive);
    long jarTime = Files.getLastModifiedTime(jar(root)).toMillis();

    for (String[] jdk : new String[][] {
        {"/elsewhere/jdk", runtime}, {realJavaHome().toString(), runtime + "-other-build"}}) {
      write(sidecar, JdkArchive.sidecar(JdkArchive.Kind.AOT, jdk[0], jdk[1]));
      setModified(archive, jarTime + 10_000);
      setModified(sidecar, jarTime + 10_000);
      Run r = launch(root, Map.of(), "--version");
      assertEquals(0, r.code(), r.err());
      assertEquals("", r.err());
      assertFalse(r.usedArchive(), r.out());
    }

    write(sidecar, JdkArchive.sidecar(JdkArchive.Kind.AOT, realJavaHome().toString(), runtime));
    setModified(archive, jarTime - 10_000);
    setModified(sidecar, jarTime - 10_000);
    Run older = launch(root, Map.of(), "--version");
    assertEquals(0, older.code(), older.err());
    assertFalse(older.usedArchive(), older.out());
  }

  @Test
  void archiveOfThisJdk_isUsed_andGlossaryJavaOptsComeLast() throws Exception {
    Path root = tree();
    String made = JdkArchive.make(jar(root), LauncherProbe.class.getName(), "auto");
    assertTrue(made.contains("for JDK " + System.getProperty("java.runtime.version")), made);

    Run r = launch(root, Map.of("GLOSSARY_JAVA_OPTS", "-Xlog:class+load=info -Dglossary.test=1"), "x");

    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    List<String> jvm = r.jvmArgs();
    assertTrue(r.usedArchive(), r.out());
    int archiveOption = indexOf(jvm, "-XX:AOTCache=", "-XX:SharedArchiveFile=");
    int userOption = jvm.indexOf("-Dglossary.test=1");
    assertTrue(archiveOption >= 0 && archiveOption < userOption && userOption < jvm.indexOf("-jar"), jvm.toString());
    // the probe's class came from the archive: the archive works, not only its option
    assertTrue(r.out().lines().anyMatch(l -> l.contains(" " + LauncherProbe.class.getName() + " source: shared objects file")),
        r.out());
  }

  @Test
  void anArchiveTheJvmRejects_isSilent() throws Exception {
    Path root = tree();
    JdkArchive.make(jar(root), LauncherProbe.class.getName(), "auto");
    Path target = jar(root).getParent();
    Path archive = Files.exists(target.resolve("glossary-cli.aot")) ? target.resolve("glossary-cli.aot") : target.resolve("glossary-cli.jsa");
    Path sidecar = JdkArchive.sidecarFor(archive);
    long later = System.currentTimeMillis() + 60_000;

    // 1. the jar rebuilt after the archive (its sidecar still matching); 2. the archive cut short
    writeProbeJar(jar(root), true);
    setModified(archive, later);
    setModified(sidecar, later);
    assertSilent(launch(root, Map.of(), "a"));

    byte[] head = new byte[8192];
    try (InputStream in = Files.newInputStream(archive)) {
      assertEquals(head.length, in.readNBytes(head, 0, head.length));
    }
    Files.write(archive, head);
    setModified(archive, later);
    assertSilent(launch(root, Map.of(), "a"));

    // without the launcher's logging options the JVM does complain, on stdout: what is kept silent
    Process plain = new ProcessBuilder(realJavaHome().resolve("bin/java").toString(),
        (archive.toString().endsWith(".aot") ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive,
        "-jar", jar(root).toString(), "a").redirectErrorStream(true).start();
    String said = new String(plain.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    plain.waitFor();
    assertTrue(said.contains("[warning]") || said.contains("[error"), said);
  }

  private static void assertSilent(Run r) {
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    assertTrue(r.usedArchive(), "the launcher passed the archive: " + r.out());
    assertTrue(r.out().lines().allMatch(l -> l.startsWith("java.home=") || l.startsWith("jvm-arg=") || l.equals("args=a")),
        r.out());
  }

  private static int indexOf(List<String> list, String... prefixes) {
    for (int i = 0; i < list.size(); i++) {
      for (String p : prefixes) {
        if (list.get(i).startsWith(p)) {
          return i;
        }
      }
    }
    return -1;
  }

  @Test
  void changedSources_rebuildOnce_andOutputFoldersDoNotCount() throws Exception {
    Path root = tree();
    executable(root.resolve("mvnw"), "#!/bin/sh\necho \"$@\" >> mvnw-calls\n");
    Path calls = root.resolve("mvnw-calls");
    long now = System.currentTimeMillis();
    setModified(jar(root), now - 60_000);
    Path output = root.resolve("corpus/target/classes/glossary/terms/x.json"); // the corpus module's own output
    write(output, "x");
    setModified(output, now - 30_000);

    Run unchanged = launch(root, Map.of(), "a");
    assertEquals(0, unchanged.code(), unchanged.err());
    assertFalse(Files.exists(calls), "rebuilt for a file under target/");

    Path source = root.resolve("glossary-core/src/main/java/X.java");
    write(source, "class X {}");
    setModified(source, now - 30_000);
    Run changed = launch(root, Map.of(), "a");
    assertEquals(0, changed.code(), changed.err());
    assertTrue(changed.err().startsWith("glossary: building the command-line tool"), changed.err());
    assertEquals(List.of("-q -B -pl glossary-cli -am package -DskipTests"), Files.readAllLines(calls));
    assertTrue(changed.out().contains("args=a"), changed.out());

    // the build left the jar as it was (nothing to do): not rebuilt again on the next run
    assertEquals(0, launch(root, Map.of(), "a").code());
    assertEquals(1, Files.readAllLines(calls).size());

    Path term = root.resolve("corpus/terms/x.json");
    write(term, "{}");
    setModified(term, System.currentTimeMillis() + 5_000);
    assertEquals(0, launch(root, Map.of(), "a").code());
    assertEquals(2, Files.readAllLines(calls).size(), "a corpus change rebuilds");
  }
}
