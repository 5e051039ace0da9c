package io.azureglossary.cli;

import io.azureglossary.corpus.Corpus;
import io.azureglossary.corpus.CorpusProblem;
import io.azureglossary.corpus.Validation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check every term file; print every error and warning; exit 1 on errors.")
final class ValidateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--corpus", paramLabel = "DIR", description = "Corpus folder to check (default: the bundled glossary).")
  Path corpus;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Validation v;
    try {
      v = corpus == null ? Corpus.validateBundled() : Corpus.validate(corpus);
    } catch (OutOfMemoryError e) { // exit 1 must keep meaning "corpus errors", which the JVM's default would say
      PrintWriter err = spec.commandLine().getErr();
      err.println("glossary: out of memory (" + e.getMessage() + "); the terms are held in memory while they are"
          + " checked: give Java more heap, e.g. GLOSSARY_JAVA_OPTS=-Xmx2g");
      err.flush();
      return GlossaryCli.USAGE;
    }
    for (CorpusProblem p : v.problems()) {
      out.println(p);
    }
    out.printf("%s: %d terms, %d errors, %d warnings%n", v.origin(), v.terms().size(), v.errors().size(), v.warnings().size());
    return v.hasErrors() ? GlossaryCli.CORPUS_ERRORS : GlossaryCli.OK;
  }
}
