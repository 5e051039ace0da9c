package io.azureglossary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build step that writes the CLI's JDK archive: which kind, which files, and what it leaves on failure. */
class JdkArchiveTest {
  @Test
  void kind_followsTheJdk_unlessForced() {
    assertNull(JdkArchive.kindFor(17, "auto"));
    assertEquals(JdkArchive.Kind.CDS, JdkArchive.kindFor(21, "auto"));
    assertEquals(JdkArchive.Kind.CDS, JdkArchive.kindFor(24, null));
    assertEquals(JdkArchive.Kind.AOT, JdkArchive.kindFor(25, "auto"));
    assertEquals(JdkArchive.Kind.AOT, JdkArchive.kindFor(26, " AUTO "));
    assertEquals(JdkArchive.Kind.CDS, JdkArchive.kindFor(25, "cds"));
    assertNull(JdkArchive.kindFor(25, "none"));
    assertThrows(IllegalArgumentException.class, () -> JdkArchive.kindFor(25, "crac"));
  }

  @Test
  void files_areNamedAfterTheJar_whereTheLauncherLooks() {
    Path jar = Path.of("/t/glossary-cli.jar");
    assertEquals(Path.of("/t/glossary-cli.aot"), JdkArchive.archiveFor(jar, JdkArchive.Kind.AOT));
    assertEquals(Path.of("/t/glossary-cli.jsa"), JdkArchive.archiveFor(jar, JdkArchive.Kind.CDS));
    assertEquals(Path.of("/t/glossary-cli.aot.jdk"), JdkArchive.sidecarFor(Path.of("/t/glossary-cli.aot")));
    String sidecar = JdkArchive.sidecar(JdkArchive.Kind.AOT, "/jdk", "25.0.3+9-LTS");
    assertTrue(sidecar.contains("\njava.home=/jdk\njava.runtime.version=25.0.3+9-LTS\n"), sidecar);
  }

  @Test
  void aFailedTrainingRun_leavesNoArchive_andSaysWhy(@TempDir Path dir) throws Exception {
    Path jar = dir.resolve("glossary-cli.jar");
    LauncherTest.writeProbeJar(jar, false);
    for (JdkArchive.Kind k : JdkArchive.Kind.values()) {   // an earlier build's archives
      Files.writeString(JdkArchive.archiveFor(jar, k), "old");
      Files.writeString(JdkArchive.sidecarFor(JdkArchive.archiveFor(jar, k)), "old");
    }
    var e = assertThrows(java.io.IOException.class, () -> JdkArchive.make(jar, "no.such.Main", "auto"));
    assertTrue(e.getMessage().contains("the training run failed, exit 1 (log: "), e.getMessage());
    for (JdkArchive.Kind k : JdkArchive.Kind.values()) {
      assertFalse(Files.exists(JdkArchive.archiveFor(jar, k)), k.toString());
      assertFalse(Files.exists(JdkArchive.sidecarFor(JdkArchive.archiveFor(jar, k))), k.toString());
    }
  }
}
