package io.azureglossary.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.azureglossary.corpus.Corpus;
import io.azureglossary.model.Section;
import io.azureglossary.index.Fields;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export, without a cluster: rules, fields, files. */
class IndexDefinitionTest {
  private static final IndexDefinition DEF = IndexDefinition.of(Corpus.bundled());

  @Test
  void synonymRules_aliasToNameBothWays() {
    List<String> rules = DEF.synonymRules();
    assertTrue(rules.contains("adh => adh, dedicated host"), rules.stream().filter(r -> r.startsWith("adh")).toList().toString());
    assertTrue(rules.stream().anyMatch(r -> r.startsWith("dedicated host => dedicated host,") && r.contains(", adh")));
  }

  @Test
  void synonymRules_everydayWordAcronymOneWayAndInCapitals() {
    assertTrue(DEF.acronyms().contains("PIP"), DEF.acronyms().toString());
    List<String> rules = DEF.synonymRules();
    assertTrue(rules.stream().anyMatch(r -> r.startsWith("xacronymxpip => xacronymxpip, public ip")), rules.toString());
    assertFalse(rules.stream().anyMatch(r -> r.startsWith("pip ")), "lower-case pip expands to nothing");
    assertFalse(rules.stream().anyMatch(r -> !r.startsWith("xacronymxpip") && r.contains("xacronymxpip")),
        "nothing expands to the acronym");
  }

  @Test
  void acronymPattern_matchesOnlyStandaloneCapitals() {
    java.util.regex.Pattern p = java.util.regex.Pattern.compile(IndexDefinition.acronymPattern(java.util.Set.of("PIP", "AZ")));
    assertEquals("xPIP addr", p.matcher("PIP addr").replaceAll("x$1"));
    assertEquals("pip PIPE PIP's AZ_1", p.matcher("pip PIPE PIP's AZ_1").replaceAll("x$1"));
    assertEquals("(?!)", IndexDefinition.acronymPattern(java.util.Set.of()));
  }

  @Test
  void mappings_aFieldPerSectionAndKeywordsForExactMatches() {
    JsonNode props = DEF.mappings().path("properties");
    for (Section s : Section.values()) {
      assertEquals("glossary_prose", props.path(Fields.section(s)).path("analyzer").asText(), s.key());
    }
    assertEquals("keyword", props.path(Fields.EXACT_NAME).path("type").asText());
    assertEquals("keyword", props.path(Fields.EXACT_ALIAS).path("type").asText());
    assertEquals("glossary_cli", props.path(Fields.CLI_PATH).path("analyzer").asText());
    assertEquals("glossary_exact_query", props.path(Fields.NAME_TEXT).path("search_analyzer").asText());
    assertEquals(254, DEF.mappings().path("_meta").path("terms").asInt());
  }

  @Test
  void stopWords_areTheEngines() {
    JsonNode stop = DEF.settings().path("analysis").path("filter").path("glossary_stop").path("stopwords");
    List<String> words = new java.util.ArrayList<>();
    stop.forEach(w -> words.add(w.asText()));
    assertTrue(words.containsAll(List.of("the", "how", "az", "difference")), words.toString());
    assertEquals(io.azureglossary.analysis.GlossaryAnalysis.stopWords().size(), words.size());
  }

  @Test
  void document_cliPathsWithoutAzAndNormalizedNames() {
    var term = Corpus.bundled().term("vnet-peering").orElseThrow();
    JsonNode d = IndexDefinition.document(term);
    assertEquals("vnet-peering", d.path(Fields.ID).asText());
    assertTrue(d.path(Fields.CLI_PATH).toString().contains("network vnet peering create"), d.path(Fields.CLI_PATH).toString());
    assertFalse(d.path(Fields.CLI_PATH).toString().contains("\"az "));
    assertEquals(io.azureglossary.analysis.GlossaryAnalysis.normalizeExact(term.name()), d.path(Fields.EXACT_NAME).asText());
  }

  @Test
  void export_writesSettingsTemplateAndBulkFiles(@TempDir Path dir) throws Exception {
    List<Path> files = DEF.export(dir);
    assertEquals(List.of("index.json", "settings.json", "mappings.json", "search-template.json", "search-template.mustache",
        "bulk-0001.ndjson", "bulk-0002.ndjson"), files.stream().map(p -> p.getFileName().toString()).toList());
    long lines = 0;
    for (Path f : files.subList(5, 7)) {
      lines += Files.readAllLines(f).size();
    }
    assertEquals(2 * 254, lines, "an action and a document per term");
    JsonNode index = IndexDefinition.JSON.readTree(dir.resolve("index.json").toFile());
    assertTrue(index.path("settings").path("analysis").path("analyzer").has("glossary_prose_query"));
    JsonNode template = IndexDefinition.JSON.readTree(dir.resolve("search-template.json").toFile());
    assertEquals("mustache", template.path("script").path("lang").asText());
    assertTrue(template.path("script").path("source").asText().contains("\"exact_name\""));
    try (var s = Files.list(dir)) {
      assertTrue(s.noneMatch(p -> p.toString().endsWith(".tmp")));
    }
  }
}
