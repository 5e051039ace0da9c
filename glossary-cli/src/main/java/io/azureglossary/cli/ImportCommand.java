package io.azureglossary.cli;

import io.azureglossary.corpus.PageFormatException;
import io.azureglossary.corpus.PageImporter;
import io.azureglossary.corpus.TermJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Turn a glossary page (published plain-text layout) into a term file, <id>.json.",
        "Prints the file written; on errors in the page prints every one and exits 1."})
final class ImportCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PAGE.txt", description = "The page to import (UTF-8 text).")
  Path page;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Folder to write to (default: corpus/terms if the current folder has one, else the current folder).")
  Path out;

  @Option(names = "--id", paramLabel = "ID", description = "The term's id (default: made from its name).")
  String id;

  @Option(names = "--force", description = "Replace the term file if it exists.")
  boolean force;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    String text;
    try {
      text = Files.readString(page, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return usage(err, "no such file: " + page);
    } catch (MalformedInputException e) {
      return usage(err, page + " is not UTF-8 text");
    }
    PageImporter.Imported imported;
    try {
      imported = PageImporter.importPage(page.getFileName().toString(), text, id);
    } catch (PageFormatException e) {
      e.errors().forEach(err::println);
      return GlossaryCli.CORPUS_ERRORS;
    }
    imported.warnings().forEach(err::println);
    Path dir = out != null ? out : defaultOut(Path.of(""));
    Path file = dir.resolve(imported.term().id() + ".json");
    if (Files.exists(file) && !force) {
      return usage(err, file + " already exists; use --force to replace it");
    }
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
    }
    TermJson.writeFile(imported.term(), file, force);
    spec.commandLine().getOut().println(file);
    return GlossaryCli.OK;
  }

  /** {@code corpus/terms} under the given folder if it exists, else the folder itself. */
  static Path defaultOut(Path cwd) {
    Path terms = cwd.resolve("corpus").resolve("terms");
    return Files.isDirectory(terms) ? terms : cwd;
  }

  private static int usage(PrintWriter err, String message) {
    err.println("glossary: " + message);
    return GlossaryCli.USAGE;
  }
}
