package io.azureglossary.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.azureglossary.corpus.Corpus;
import io.azureglossary.model.Difficulty;
import io.azureglossary.model.Section;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Real queries on the bundled glossary, one behaviour each. */
class GlossarySearchTest {
  private final Glossary glossary = Glossary.bundled();

  private List<String> ids(String query) {
    return glossary.search(SearchRequest.of(query).highlight(false)).results().stream().map(Hit::id).toList();
  }

  private String first(String query) {
    List<String> ids = ids(query);
    assertFalse(ids.isEmpty(), "no results for " + query);
    return ids.get(0);
  }

  @Test
  void exactName_putsThatTermFirst() {
    assertEquals("key-vault", first("Key Vault"));
    assertEquals("virtual-network", first("virtual network"));
    assertEquals("integration-runtime", first("Integration runtime"));
  }

  @Test
  void mainJob_selfHostedIrOffline_findsIntegrationRuntime() {
    assertEquals("integration-runtime", first("self-hosted IR offline"));
  }

  @Test
  void multiWordAlias_acronymFindsTerm_andLongFormFindsTerm() {
    assertEquals("dedicated-host", first("ADH"));
    assertEquals("dedicated-host", first("Azure Dedicated Host"));
    assertEquals("virtual-network", first("VNet"));
    assertEquals("virtual-network", first("Azure virtual network"));
  }

  @Test
  void multiWordAlias_nameExpandsToAcronym_inProse() {
    // "virtual network" must also match prose that only says "VNet"
    SearchResponse r = glossary.search(SearchRequest.of("virtual network").section("operations").limit(50));
    boolean vnetOnly = r.results().stream().flatMap(h -> h.highlights().stream())
        .anyMatch(h -> h.text().contains("<mark>VNet") && !h.text().toLowerCase(Locale.ROOT).contains("virtual network"));
    assertTrue(vnetOnly, "no passage matched through the VNet synonym alone: " + r.results());
  }

  @Test
  void synonymMatch_isHighlightedInTheOriginalWords() {
    SearchResponse r = glossary.search(SearchRequest.of("ADH"));
    Hit top = r.results().get(0);
    assertEquals("dedicated-host", top.id());
    assertTrue(top.highlights().stream().anyMatch(h -> h.text().toLowerCase(Locale.ROOT).contains("<mark>dedicated host")),
        top.highlights().toString());
  }

  @Test
  void phraseContainingAnAlias_matchesThroughTheSynonym() {
    // "self-hosted IR" is an alias of Integration runtime; as a quoted phrase it must still match
    SearchResponse r = glossary.search(SearchRequest.of("\"self-hosted IR\" node").highlight(false));
    assertEquals("integration-runtime", r.results().get(0).id());
    SearchResponse none = glossary.search(SearchRequest.of("\"runtime self-hosted IR\"").highlight(false));
    assertEquals(0, none.total(), "word order inside quotes must matter");
  }

  @Test
  void acronymThatIsAnEnglishWord_expandsOnlyInCapitals() {
    assertEquals("public-ip", first("PIP"));
    assertEquals("traffic-manager", first("ATM"));
    assertEquals("compute-gallery", first("SIG"));
    // lowercase "pip" in a sentence is the word, not the acronym: no expansion to public IP
    var analysis = io.azureglossary.analysis.GlossaryAnalysis.forTerms(Corpus.bundled().terms());
    assertTrue(Glossary.synonyms(analysis, "PIP").contains("public"));
    assertTrue(Glossary.synonyms(analysis, "pip install fails").isEmpty());
    assertTrue(Glossary.synonyms(analysis, "public ip").stream().noneMatch(s -> s.equalsIgnoreCase("pip")),
        "one-way: the name must not expand to the everyday-word acronym");
  }

  @Test
  void cliCommand_findsTheTermThatMapsIt() {
    assertEquals("vnet-peering", first("az network vnet peering create"));
    assertEquals("private-endpoint", first("az network private-endpoint create --name pe1 --resource-group rg"));
    assertEquals("private-endpoint", first("private-endpoint"));
    assertEquals("aks-node-pool", first("az aks nodepool add"));
  }

  @Test
  void azPrefixAlone_doesNotMatchEveryCommand() {
    SearchResponse r = glossary.search(SearchRequest.of("az").highlight(false));
    assertTrue(r.total() < 20, "the bare az prefix matched " + r.total() + " terms");
    assertTrue(List.of("azure-cli", "availability-zone").contains(r.results().get(0).id()));
  }

  @Test
  void hyphenatedName_matchesWholeAndInParts() {
    assertEquals("private-endpoint", first("private-endpoint"));
    assertEquals("private-endpoint", first("private endpoint"));
  }

  @Test
  void misspelling_isCorrected_andReportedAsDidYouMean() {
    SearchResponse r = glossary.search(SearchRequest.of("virtal netwrok").highlight(false));
    assertEquals("virtual-network", r.results().get(0).id());
    assertEquals("virtual network", r.didYouMean());
    assertEquals("aks-node-pool", first("kubernets node pool"));
    assertEquals("application-gateway", first("aplication gatway"));
  }

  @Test
  void correctlySpelledQuery_hasNoDidYouMean() {
    assertNull(glossary.search(SearchRequest.of("virtual network")).didYouMean());
  }

  @Test
  void shortWords_getNoEdits() {
    // "IRR" is three letters: no fuzzy match to "IR" may be invented
    SearchResponse r = glossary.search(SearchRequest.of("qzx").highlight(false));
    assertEquals(0, r.total());
    assertNull(r.didYouMean());
  }

  @Test
  void sectionFilter_matchesAndHighlightsOnlyThatSection() {
    SearchResponse r = glossary.search(SearchRequest.of("rotate keys").section("security").limit(10));
    assertFalse(r.results().isEmpty());
    for (Hit h : r.results()) {
      assertFalse(h.highlights().isEmpty());
      h.highlights().forEach(hl -> assertEquals("security", hl.section(), h.id()));
    }
    SearchResponse inline = glossary.search(SearchRequest.of("rotate keys section:security").limit(10));
    assertEquals(r.results().stream().map(Hit::id).toList(), inline.results().stream().map(Hit::id).toList());
  }

  @Test
  void highlights_areLabelledWithSectionsAndEscaped() {
    SearchResponse r = glossary.search(SearchRequest.of("SHIR offline"));
    Hit top = r.results().get(0);
    assertEquals("integration-runtime", top.id());
    assertTrue(top.highlights().size() <= 3 && !top.highlights().isEmpty());
    for (Highlight h : top.highlights()) {
      assertNotNull(Section.fromKey(h.section()), h.section());
      assertTrue(h.text().contains("<mark>"), h.text());
      assertFalse(h.text().replace("<mark>", "").replace("</mark>", "").contains("<"), "unescaped markup: " + h.text());
    }
  }

  @Test
  void categoryAndDifficultyFilters_restrictResults() {
    SearchResponse r = glossary.search(SearchRequest.of("private").category("networking").difficulty(Difficulty.BEGINNER).limit(50));
    assertFalse(r.results().isEmpty());
    r.results().forEach(h -> {
      assertEquals("Networking", h.category());
      assertEquals("beginner", h.difficulty());
    });
  }

  @Test
  void queriesThatExpandPastLucenesClauseLimit_areRefusedAsInvalidQueries() {
    for (String q : new String[] {"\"IR IR IR IR IR IR IR IR IR\"", "\"VNet VNet VNet VNet VNet VNet VNet VNet VNet VNet\"",
        "section:definition \"IR IR IR IR IR IR IR IR IR\"",
        "\"SHIR SHIR SHIR SHIR SHIR SHIR SHIR SHIR SHIR SHIR SHIR SHIR\""}) {
      InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> glossary.search(q), q);
      assertTrue(e.getMessage().startsWith("query too complex: "), e.getMessage());
    }
  }

  @Test
  void queryOverTheTokenBudget_isCutToItsLeadingTokens_andSaysSo() {
    java.util.Random random = new java.util.Random(7);
    StringBuilder ascii = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      ascii.append((char) (33 + random.nextInt(94)));
    }
    for (String q : new String[] {"漢".repeat(400), String.join("-", java.util.Collections.nCopies(150, "ab")),
        ascii.toString(), "az !" + " SHIR".repeat(100), "integration runtime " + "漢字".repeat(200)}) {
      SearchResponse r = glossary.search(q);
      assertTrue(r.truncated(), q);
    }
    SearchResponse cut = glossary.search("integration runtime " + "漢字".repeat(200));
    assertEquals("integration-runtime", cut.results().get(0).id(), "the leading words are searched");
    // the longest judged query, a pasted error message: whole
    assertFalse(glossary.search("pipeline fails: Could not fetch access token for Azure. Verify the Service Principal used is valid and not expired").truncated());
    assertFalse(glossary.search("self-hosted IR offline").truncated());
    assertFalse(glossary.search("storage account key vault secret network security group rule private endpoint")
        .truncated(), "twelve glossary words and their synonyms (70 tokens)");
  }

  @Test
  void moreThan32WordsOrExclusions_areCut_andSaySo() {
    assertTrue(glossary.search("SHIR " + "runtime ".repeat(40)).truncated());
    assertTrue(glossary.search("SHIR " + "-zzqx ".repeat(40)).truncated());
    assertEquals("integration-runtime", glossary.search("SHIR " + "-zzqx ".repeat(40)).results().get(0).id());
    assertFalse(glossary.search("SHIR " + "runtime ".repeat(20)).truncated());
  }

  @Test
  void quotedPhraseOverTheTokenBudget_isRefused() {
    InvalidQueryException e = assertThrows(InvalidQueryException.class,
        () -> glossary.search("\"" + "ab-".repeat(200) + "ab\""));
    assertTrue(e.getMessage().startsWith("query too complex: the phrase"), e.getMessage());
    assertTrue(e.getMessage().contains("more than " + QueryFactory.MAX_TOKENS + " tokens"), e.getMessage());
  }

  @Test
  void azFollowedByPunctuation_isAnOrdinaryQuery_withItsBounds() {
    SearchResponse r = glossary.search("az ! SHIR");
    assertEquals("integration-runtime", r.results().get(0).id());
    assertTrue(glossary.search("az !" + " runtime".repeat(40)).truncated());
  }

  @Test
  void quotedPhraseWithTooManySynonymReadings_isRefused_aFewRepeatsAnswer() {
    InvalidQueryException e = assertThrows(InvalidQueryException.class,
        () -> glossary.search("\"IR IR IR IR IR IR IR IR\""));
    assertTrue(e.getMessage().contains("more than " + QueryFactory.MAX_PHRASE_READINGS + " readings"), e.getMessage());
    assertNotNull(glossary.search("\"IR IR\"")); // four readings: searched
    assertTrue(glossary.search("\"self-hosted integration runtime\"").total() > 0);
  }

  @Test
  void veryLongWord_isNeitherCorrectedNorFuzzyMatched_andAnswers() {
    SearchResponse r = glossary.search("a".repeat(999));
    assertEquals(0, r.total());
    assertNull(r.didYouMean());
    SearchResponse typo = glossary.search("integartion runtme");
    assertEquals("integration runtime", typo.didYouMean()); // sane lengths are still corrected
  }

  @Test
  void correction_looksUpAtMostEightUnknownWords_knownOnesAreFree() {
    String typos = "integartion runtme netwrok peerign storrage accuont containr registyr";
    SearchResponse eight = glossary.search(SearchRequest.of(typos + " firewal gatewya").prefixLast(false));
    assertNotNull(eight.didYouMean());
    assertTrue(eight.didYouMean().startsWith("integration runtime network"), eight.didYouMean());
    assertTrue(eight.didYouMean().endsWith(" firewal gatewya"), "the ninth and tenth are left: " + eight.didYouMean());
    SearchResponse known = glossary.search(SearchRequest.of("storage account key vault secret network security group"
        + " rule private endpoint integartion").prefixLast(false));
    assertEquals("integration", known.didYouMean().substring(known.didYouMean().lastIndexOf(' ') + 1));
  }

  @Test
  void corpusWithoutAnyAlias_searches() throws Exception {
    List<io.azureglossary.model.Term> bare = Corpus.bundled().terms().stream().limit(20)
        .map(t -> t.toBuilder().aliases(List.of()).build())
        .toList();
    try (Glossary g = Glossary.of(Corpus.of("no aliases", bare))) {
      String name = bare.get(0).name();
      assertEquals(bare.get(0).id(), g.search(name).results().get(0).id());
      assertFalse(g.suggest(name.substring(0, 3), 5).isEmpty());
    }
  }

  @Test
  void facetsOff_sameHitsAndTotal_noCounts() {
    for (String q : new String[] {"vnet", "key vault soft delete", "how do I connect my on-premises network to azure",
        "az network vnet peering create", "integartion runtme"}) {
      SearchResponse with = glossary.search(SearchRequest.of(q).highlight(false));
      SearchResponse without = glossary.search(SearchRequest.of(q).highlight(false).facets(false));
      assertEquals(with.total(), without.total(), q);
      assertEquals(with.results(), without.results(), q);
      assertTrue(with.facets().category().size() > 0, q);
      assertEquals(Facets.EMPTY, without.facets(), q);
    }
  }

  @Test
  void facets_countTheWholeMatchSet() {
    SearchResponse r = glossary.search(SearchRequest.of("storage").limit(3));
    assertTrue(r.total() > 3);
    assertEquals(r.total(), r.facets().category().values().stream().mapToInt(Integer::intValue).sum());
    assertEquals(r.total(), r.facets().service().values().stream().mapToInt(Integer::intValue).sum());
  }

  @Test
  void exclusion_removesTermsContainingTheWord() {
    List<String> with = ids("runtime");
    assertTrue(with.contains("integration-runtime"));
    assertFalse(ids("runtime -SSIS").contains("integration-runtime"));
  }

  @Test
  void explain_saysWhichFieldsAndSynonymsScored() {
    Hit h = glossary.search(SearchRequest.of("ADH").explain(true)).results().get(0);
    assertNotNull(h.explanation());
    assertTrue(h.explanation().contains("exact_alias:adh"), h.explanation());
    assertTrue(h.explanation().contains("synonyms: dedicated, host"), h.explanation());
  }

  @Test
  void emptyQuery_isAClearError() {
    assertEquals("query is empty", assertThrows(InvalidQueryException.class, () -> glossary.search("   ")).getMessage());
    assertEquals("query is empty", assertThrows(InvalidQueryException.class, () -> glossary.search("\u0000\u0007")).getMessage());
  }

  @Test
  void overlongQuery_isAClearError() {
    InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> glossary.search("a".repeat(10_000)));
    assertEquals("query is too long: 10000 characters (the limit is 1000)", e.getMessage());
  }

  @Test
  void hostileInput_isSearchedLiterallyInBoundedTime() {
    List<String> hostile = List.of("\"self-hosted IR", "((((SHIR", "SHIR)))", "*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?",
        "/.*.*.*.*.*.*.*(a|b)*/", "a~2 b^10 c:d", "title:SHIR AND NOT", "\"\"\"\"", "-", "-\"", "section:",
        "section:nosuch SHIR", "🙂 SHIR", "SHIR\u0000\u001b[31m", "x ".repeat(400));
    for (String q : hostile) {
      org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
        try {
          glossary.search(q);
        } catch (InvalidQueryException expected) {
          assertFalse(expected.getMessage().contains("\n"), "error must be one line");
        }
      }, q);
    }
    assertEquals("integration-runtime", first("SHIR\u0000\u001b[31m"));
    assertEquals("integration-runtime", first("\"self-hosted IR"));
  }

  @Test
  void unknownSection_isAClearError() {
    InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> glossary.search("section:nosuch SHIR"));
    assertEquals("unknown section 'nosuch'", e.getMessage());
  }

  @Test
  void services_areThoseOfTheTerms_sortedAsInResults() {
    List<String> expected = Corpus.bundled().terms().stream().map(io.azureglossary.model.Term::service).distinct()
        .sorted(String.CASE_INSENSITIVE_ORDER).toList();
    assertEquals(expected, glossary.services());
    assertTrue(glossary.services().contains("Data Factory"), glossary.services().toString());
  }

  @Test
  void unknownServiceCategoryOrDifficultyScope_isAClearErrorListingTheValues() {
    InvalidQueryException service = assertThrows(InvalidQueryException.class, () -> glossary.search("service:nope SHIR"));
    assertEquals("unknown service 'nope' (expected one of " + String.join(", ", glossary.services()) + ")",
        service.getMessage());
    InvalidQueryException category = assertThrows(InvalidQueryException.class,
        () -> glossary.search("category:\"No such\" SHIR"));
    assertEquals("unknown category 'No such' (expected one of " + String.join(", ", io.azureglossary.model.Term.CATEGORIES)
        + ")", category.getMessage());
    InvalidQueryException difficulty = assertThrows(InvalidQueryException.class,
        () -> glossary.search("difficulty:expert SHIR"));
    assertEquals("unknown difficulty 'expert' (expected one of beginner, intermediate, advanced)", difficulty.getMessage());
    // known values, in any case, scope the search; a filter of the request is not checked (it wins over the scope)
    assertEquals("integration-runtime", first("service:\"data factory\" category:ANALYTICS difficulty:Intermediate SHIR"));
    assertTrue(glossary.search(SearchRequest.of("service:nope SHIR").service("Data Factory")).total() > 0);
    assertEquals(0, glossary.search(SearchRequest.of("SHIR").service("nope")).total());
  }

  @Test
  void suggest_completesNamesAndAliases() {
    List<Suggestion> integ = glossary.suggest("integ", 10);
    assertEquals("Integration runtime", integ.get(0).name());
    assertTrue(integ.stream().anyMatch(s -> s.name().equals("Integration account")));
    assertTrue(glossary.suggest("shi", 10).stream().anyMatch(s -> s.text().equals("SHIR") && s.id().equals("integration-runtime")));
    assertTrue(glossary.suggest("intgration", 10).stream().anyMatch(s -> s.id().equals("integration-runtime")), "typo-tolerant");
    assertTrue(glossary.suggest("integ", 3).size() <= 3);
    assertTrue(glossary.suggest("", 10).isEmpty());
  }

  @Test
  void concurrentSearches_returnTheSameAsSequential() throws Exception {
    List<String> queries = List.of("SHIR", "virtual network", "az aks nodepool add", "virtal netwrok", "who deleted the VM yesterday");
    List<List<String>> expected = queries.stream().map(this::ids).toList();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> futures = new java.util.ArrayList<>();
      for (int t = 0; t < 8; t++) {
        futures.add(pool.submit(() -> {
          for (int round = 0; round < 20; round++) {
            for (int i = 0; i < queries.size(); i++) {
              if (!ids(queries.get(i)).equals(expected.get(i))) {
                return false;
              }
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> f : futures) {
        assertTrue(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
