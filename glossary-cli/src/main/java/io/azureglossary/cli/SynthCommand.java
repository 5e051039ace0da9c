package io.azureglossary.cli;

import io.azureglossary.corpus.Corpus;
import io.azureglossary.model.Term;
import io.azureglossary.synth.SyntheticCorpus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "synth", mixinStandardHelpOptions = true,
    description = {"Write a synthetic corpus of N terms assembled from the bundled glossary's vocabulary,",
        "for measuring reindex and search at scale. Deterministic per --seed. Not for relevance work."})
final class SynthCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--terms", required = true, paramLabel = "N", description = "How many terms to write.")
  int terms;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Corpus folder to create; term files go to DIR/terms.")
  Path out;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--force", description = "Replace the term files already in DIR/terms.")
  boolean force;

  @Override
  public Integer call() throws IOException {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (terms < 1) {
      err.println("glossary: --terms must be at least 1 (got " + terms + ")");
      return GlossaryCli.USAGE;
    }
    Path folder = out.resolve("terms");
    List<Path> existing = jsonFiles(folder);
    if (!existing.isEmpty()) {
      if (!force) {
        err.println("glossary: " + folder + " already holds " + existing.size()
            + " term files; choose an empty folder or pass --force to replace them");
        return GlossaryCli.USAGE;
      }
      for (Path p : existing) {
        Files.delete(p);
      }
    }
    long start = System.nanoTime();
    List<Term> generated = SyntheticCorpus.generate(Corpus.bundled(), terms, seed);
    SyntheticCorpus.write(generated, out);
    long bytes;
    try (Stream<Path> s = Files.list(folder)) {
      bytes = s.mapToLong(p -> p.toFile().length()).sum();
    }
    o.printf(Locale.ROOT, "wrote %d terms to %s (%.1f MB, seed %d) in %.1f s%n", generated.size(), folder,
        bytes / 1e6, seed, (System.nanoTime() - start) / 1e9);
    return GlossaryCli.OK;
  }

  private static List<Path> jsonFiles(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    }
  }
}
