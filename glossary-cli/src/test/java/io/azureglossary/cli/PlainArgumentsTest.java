package io.azureglossary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import io.azureglossary.cli.CliTest.Run;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The plain-argument fast path takes only what picocli would parse the same way, and parses it the same. */
class PlainArgumentsTest {
  /** Argument lists the fast path must take, each as picocli would parse it. */
  private static final List<String[]> PLAIN = List.of(
      new String[] {"search", "key", "vault"},
      new String[] {"search", "self-hosted IR offline"},
      new String[] {"search", "--json", "SHIR"},
      new String[] {"search", "SHIR", "--limit", "3", "offline"},
      new String[] {"search", "--service", "Data Factory", "--category", "Analytics", "--difficulty", "advanced",
          "--section", "security", "--explain", "--json", "IR", "down"},
      new String[] {"search", "--index", "/tmp/idx", "--corpus", "corpus", "vnet"},
      new String[] {"search", "--limit", "0", "x"},
      new String[] {"search", "az network vnet peering create"},
      new String[] {"search", "\"quoted phrase\" word"},
      new String[] {"suggest", "integ"},
      new String[] {"suggest", "--json", "--limit", "5", "key", "v"},
      new String[] {"suggest", "--index", "/tmp/idx", "sh"},
      new String[] {"show", "integration-runtime"},
      new String[] {"show", "--json", "--index", "/tmp/idx", "vnet"},
      new String[] {"show", "vnet", "--corpus", "corpus", "--json"});

  /** Argument lists the fast path must leave to picocli: help, errors, and syntax it does not read. */
  private static final List<String[]> LEFT_TO_PICOCLI = List.of(
      new String[] {"search"},
      new String[] {"search", "--help"},
      new String[] {"search", "-h"},
      new String[] {"search", "-firewall", "vnet"},
      new String[] {"search", "--limit=3", "vnet"},
      new String[] {"search", "--limit", "three", "vnet"},
      new String[] {"search", "--limit", "3", "--limit", "4", "vnet"},
      new String[] {"search", "--limit"},
      new String[] {"search", "--service", "--json", "vnet"},
      new String[] {"search", "--", "vnet"},
      new String[] {"search", "@args.txt"},
      new String[] {"search", "--bogus", "vnet"},
      new String[] {"search", "--json"},
      new String[] {"suggest"},
      new String[] {"suggest", ""},
      new String[] {"suggest", " ", "\t"},
      new String[] {"suggest", "--explain", "x"},
      new String[] {"show"},
      new String[] {"show", "vnet", "subnet"},
      new String[] {"show", "--limit", "3", "vnet"},
      new String[] {"show", "--json"},
      new String[] {"show", "--help"},
      new String[] {"show", "--index=/tmp/idx", "vnet"},
      new String[] {"validate"},
      new String[] {"--version"},
      new String[] {});

  private static SearchCommand picocliSearch(String[] args) {
    SearchCommand c = new SearchCommand();
    new CommandLine(c).parseArgs(Arrays.copyOfRange(args, 1, args.length));
    return c;
  }

  private static SuggestCommand picocliSuggest(String[] args) {
    SuggestCommand c = new SuggestCommand();
    new CommandLine(c).parseArgs(Arrays.copyOfRange(args, 1, args.length));
    return c;
  }

  private static ShowCommand picocliShow(String[] args) {
    ShowCommand c = new ShowCommand();
    new CommandLine(c).parseArgs(Arrays.copyOfRange(args, 1, args.length));
    return c;
  }

  private static List<Object> fields(ShowCommand c) {
    return Arrays.asList(c.id, c.json, c.corpus, c.index);
  }

  private static List<Object> fields(SearchCommand c) {
    return Arrays.asList(c.query, c.json, c.limit, c.service, c.category, c.difficulty, c.section, c.explain,
        c.corpus, c.index);
  }

  private static List<Object> fields(SuggestCommand c) {
    return Arrays.asList(c.prefix, c.json, c.limit, c.corpus, c.index);
  }

  @Test
  void plainArguments_setTheSameFieldsAsPicocli() {
    for (String[] args : PLAIN) {
      String what = String.join(" | ", args);
      if (args[0].equals("search")) {
        SearchCommand fast = PlainArguments.search(args);
        assertNotNull(fast, what);
        assertEquals(fields(picocliSearch(args)), fields(fast), what);
      } else if (args[0].equals("show")) {
        ShowCommand fast = PlainArguments.show(args);
        assertNotNull(fast, what);
        assertEquals(fields(picocliShow(args)), fields(fast), what);
      } else {
        SuggestCommand fast = PlainArguments.suggest(args);
        assertNotNull(fast, what);
        assertEquals(fields(picocliSuggest(args)), fields(fast), what);
      }
    }
  }

  @Test
  void otherArguments_goToPicocli() {
    for (String[] args : LEFT_TO_PICOCLI) {
      String what = String.join(" | ", args);
      assertNull(PlainArguments.search(args), what);
      assertNull(PlainArguments.suggest(args), what);
      assertNull(PlainArguments.show(args), what);
      assertNull(PlainArguments.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args), what);
    }
  }

  @Test
  void failure_isReportedOnOneLineWithTheUsageExitCode() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = GlossaryCli.run(new PrintWriter(out), new PrintWriter(err), "search", "--difficulty", "expert", "vnet");
    assertEquals(GlossaryCli.USAGE, code);
    assertEquals("glossary: unknown difficulty 'expert' (expected one of beginner, intermediate, advanced)", err.toString().strip());
    assertEquals("", out.toString());
    Run picocli = CliTest.run("search", "--difficulty=expert", "vnet"); // --name=value: not the fast path
    assertEquals(GlossaryCli.USAGE, picocli.code());
    assertEquals(err.toString(), picocli.err());
  }
}
