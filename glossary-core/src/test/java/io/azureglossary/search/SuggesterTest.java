package io.azureglossary.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.azureglossary.corpus.Corpus;
import io.azureglossary.model.Term;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The suggester on small hand-made glossaries, and its lookups held to a scan of every key. */
class SuggesterTest {
  private static Suggester suggester(String... idThenLabels) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (String g : idThenLabels) {
      String[] parts = g.split("\\|");
      groups.put(parts[0], List.of(parts).subList(1, parts.length));
    }
    return new Suggester(groups);
  }

  private static List<String> ids(List<Suggestion> s) {
    return s.stream().map(Suggestion::id).toList();
  }

  private static Map<String, List<String>> bundledGroups() {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (Term t : Corpus.bundled().terms()) {
      List<String> labels = new ArrayList<>();
      labels.add(t.name());
      labels.addAll(t.aliases());
      groups.put(t.id(), labels);
    }
    return groups;
  }

  @Test
  void exactAlias_comesBeforeLongerCompletions() {
    Suggester s = suggester("sass|Sass compiler|SASS", "sasl|SASL mechanism", "sig|Shared access signature|SAS|SAS token");
    // "SASS" and "SASL mechanism" are completions of "sas"; "SAS" is the whole alias
    assertEquals(List.of(new Suggestion("SAS", "sig", "Shared access signature")), s.suggest("sas", 1));
    assertEquals(List.of("sig", "sass", "sasl"), ids(s.suggest("sas", 10)));
  }

  @Test
  void exactName_comesBeforeAWellKnownLongerName() {
    Suggester s = suggester("vault-policy|Vault access policy|VAP|access policy|vault policy", "vault|Vault");
    // the other term is shown by its shortest completion, the alias "vault policy"
    assertEquals(List.of(new Suggestion("Vault", "vault", "Vault"), new Suggestion("vault policy", "vault-policy", "Vault access policy")),
        s.suggest("vault", 10));
  }

  @Test
  void sameExactLabelInTwoTerms_nameBeforeAlias() {
    Suggester s = suggester("rule|Data collection rule|AMA", "agent|AMA|Azure Monitor agent", "amazon|Amazing thing");
    assertEquals(List.of("agent", "rule", "amazon"), ids(s.suggest("ama", 10)));
    assertEquals(List.of("AMA", "AMA", "Amazing thing"), s.suggest("ama", 10).stream().map(Suggestion::text).toList());
  }

  @Test
  void aTermWithSeveralMatchingLabels_isSuggestedOnce_byItsBestLabel() {
    Suggester s = suggester("pls|Private Link service|PLS|private link service|Private-Link service alias|Private Link provider service",
        "pe|Private endpoint");
    List<Suggestion> got = s.suggest("priv", 10);
    assertEquals(List.of(new Suggestion("Private endpoint", "pe", "Private endpoint"),
        new Suggestion("Private Link service", "pls", "Private Link service")), got);
  }

  @Test
  void labelStart_comesBeforeALaterWord_evenOfAShorterBetterKnownLabel() {
    Suggester s = suggester("kv|Key Vault|AKV|vault|Azure Key Vault", "vap|Vault access policy");
    // "vault" is also an alias of kv: exact, so first; "vaul" is a completion of both
    assertEquals(List.of("vap", "kv"), ids(suggester("kv|Key Vault|AKV", "vap|Vault access policy").suggest("vaul", 10)));
    assertEquals(List.of("kv", "vap"), ids(s.suggest("vaul", 10)));
  }

  @Test
  void laterWords_earlierBeforeLater_andShortWordsNotEntered() {
    Suggester s = suggester("a|Azure data box gateway", "b|Data box", "c|Stack of many boxes");
    assertEquals(List.of("b", "a", "c"), ids(s.suggest("box", 10)));
    assertEquals(List.of(), s.suggest("of", 10), "two-letter later words are not keys");
  }

  @Test
  void typoMatches_comeAfterEveryPrefixMatch() {
    // "catch" is one insertion from "cach"; shorter and better known, it would rank first as a completion
    Suggester s = suggester("redis|Cache for Redis", "cdn-cache|Caching rules", "catch|Catch|try catch|catch block");
    assertEquals(List.of("cdn-cache", "redis", "catch"), ids(s.suggest("cach", 10)));
    assertEquals(List.of("redis"), ids(s.suggest("cache", 1)), "no typo pass once the limit is filled");
  }

  @Test
  void typoMatches_transposition_butFirstCharacterExact_andFromFourCharacters() {
    Suggester s = suggester("ir|Integration runtime", "xi|Xntegration");
    assertEquals(List.of("ir"), ids(s.suggest("itnegration", 10)), "transposed neighbours");
    assertEquals(List.of("ir"), ids(s.suggest("intgration", 10)), "a letter left out");
    assertEquals(List.of(), s.suggest("ntegration", 10), "the first character is never corrected");
    assertEquals(List.of("ir"), ids(s.suggest("inte", 10)));
    assertEquals(List.of("ir"), ids(s.suggest("intx", 10)));
    assertEquals(List.of(), s.suggest("inx", 10), "no typo pass under four characters");
  }

  @Test
  void multiWordPrefix_ignoresCaseHyphensAndSpacing() {
    Suggester s = suggester("ir|Integration runtime|self-hosted integration runtime|SHIR", "rsv|Recovery Services vault");
    assertEquals(List.of(new Suggestion("self-hosted integration runtime", "ir", "Integration runtime")), s.suggest("self hosted int", 10));
    assertEquals(ids(s.suggest("self hosted int", 10)), ids(s.suggest("  Self-Hosted   INT", 10)));
    assertEquals(List.of("rsv"), ids(s.suggest("recovery serv", 10)));
    assertEquals(List.of("rsv"), ids(s.suggest("recovery_services/v", 10)));
  }

  @Test
  void blankOrOverLongPrefix_hasNoSuggestions() {
    Suggester s = suggester("a|Alpha", "b|Beta");
    for (String p : new String[] {null, "", " ", "\t\n", "--/", "a".repeat(Suggester.MAX_PREFIX + 1)}) {
      assertEquals(List.of(), s.suggest(p, 10), String.valueOf(p));
    }
    assertEquals(List.of("a"), ids(s.suggest(" " + "alpha" + " ".repeat(Suggester.MAX_PREFIX), 10)), "spaces are stripped first");
  }

  @Test
  void controlCharacters_areSpaces() {
    Suggester s = suggester("sig|Shared access signature|SAS", "ab|A b");
    assertEquals(List.of("sig"), ids(s.suggest("sas\u001f", 10)));
    assertEquals(List.of("sig"), ids(s.suggest("\u001eshared\u0000access", 10)));
    assertEquals(List.of("ab"), ids(s.suggest("a\u001fb", 10)));
    assertEquals(List.of(), s.suggest("\u001e\u001f\u0000", 10));
  }

  @Test
  void normalize_lowerCasesFoldsAndCollapsesSeparators() {
    assertEquals("self hosted ir", Suggester.normalize("  Self-hosted\tIR "));
    assertEquals("microsoft compute virtualmachines", Suggester.normalize("Microsoft.Compute/virtualMachines"));
    assertEquals("hs gen5", Suggester.normalize("HS_Gen5"));
    assertEquals("deja vu strasse", Suggester.normalize("Déjà vu Straße"));
    assertEquals("a b", Suggester.normalize("a\u001e\u001fb"));
  }

  @Test
  void emptyGlossary_suggestsNothing() {
    assertEquals(List.of(), new Suggester(Map.of()).suggest("a", 10));
  }

  @Test
  void bundled_everyPrefixAndTypo_sameAsAScanOfEveryKey() {
    Suggester s = new Suggester(bundledGroups());
    Set<String> prefixes = new TreeSet<>();
    Random r = new Random(42);
    for (List<String> labels : bundledGroups().values()) {
      for (String label : labels) {
        String n = Suggester.normalize(label);
        for (int len = 1; len <= Math.min(8, n.length()); len++) {
          prefixes.add(n.substring(0, len));
        }
        if (n.length() > 5) { // one typo: a letter dropped, doubled or swapped
          int i = 1 + r.nextInt(4);
          prefixes.add(n.substring(0, i) + n.substring(i + 1, 6));
          prefixes.add(n.substring(0, i) + n.charAt(i) + n.substring(i, 6));
          prefixes.add(n.substring(0, i) + n.charAt(i + 1) + n.charAt(i) + n.substring(i + 2, 6));
        }
      }
    }
    assertTrue(prefixes.size() > 5000, "prefixes: " + prefixes.size());
    for (String p : prefixes) {
      assertEquals(s.suggestByScan(p, 10), s.suggest(p, 10), p);
    }
    assertEquals(s.suggestByScan("a", 100), s.suggest("a", 100));
  }

  @Test
  void bundled_noTermTwice_forAnyPrefixOfAName() {
    Glossary g = Glossary.bundled();
    for (Term t : Corpus.bundled().terms()) {
      for (int len = 1; len <= Math.min(4, t.name().length()); len++) {
        String prefix = t.name().substring(0, len);
        List<String> ids = ids(g.suggest(prefix, 10));
        assertEquals(new HashSet<>(ids).size(), ids.size(), prefix + ": " + ids);
        assertTrue(!ids.isEmpty(), prefix + " completes to something");
      }
    }
  }

  @Test
  void bundled_exactAliasFirst() {
    Glossary g = Glossary.bundled();
    assertEquals(new Suggestion("SAS", "shared-access-signature", "Shared access signature"), g.suggest("sas", 10).get(0));
    assertEquals(new Suggestion("PLS", "private-link-service", "Private Link service"), g.suggest("pls", 10).get(0));
    assertEquals("virtual-network", g.suggest("VNet", 10).get(0).id());
    assertEquals(new Suggestion("Key Vault", "key-vault", "Key Vault"), g.suggest("key vault", 10).get(0));
  }

  @Test
  void glossary_blankPrefixIsEmpty_limitOutsideOneToAHundredThrows() {
    Glossary g = Glossary.bundled();
    assertEquals(List.of(), g.suggest(null, 10));
    assertEquals(List.of(), g.suggest(" \t", 10));
    assertEquals(List.of(), g.suggest("\u001e\u001f", 10));
    assertEquals(1, g.suggest("a", 1).size());
    assertEquals(100, g.suggest("a", 100).size());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.suggest("a", 0));
    assertEquals("limit must be between 1 and 100 (got 0)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> g.suggest("", 101));
  }

  /** 100,000 made-up terms: names of two or three random words, an acronym and a longer alias. */
  private static Map<String, List<String>> syntheticGroups(int n) {
    Random r = new Random(42);
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String name = word(r) + " " + word(r) + (r.nextBoolean() ? " " + word(r) : "");
      String acronym = name.chars().filter(c -> c != ' ').limit(3).collect(StringBuilder::new, StringBuilder::appendCodePoint,
          StringBuilder::append).toString().toUpperCase(java.util.Locale.ROOT) + i;
      groups.put("t" + i, List.of(name, acronym, "Azure " + name));
    }
    return groups;
  }

  private static String word(Random r) {
    char[] w = new char[3 + r.nextInt(6)];
    for (int i = 0; i < w.length; i++) {
      w[i] = (char) ('a' + (i == 0 ? r.nextInt(3) : r.nextInt(26))); // most words start with a, b or c
    }
    return new String(w);
  }

  @Test
  void oneLetterPrefix_onAHundredThousandTerms_examinesABoundedNumberOfEntries() {
    Suggester s = new Suggester(syntheticGroups(100_000));
    // about 900,000 keys; every "Azure …" alias, and a third of the names and later words, start with "a"
    int examined = s.examined("a", 10);
    assertTrue(examined < 1_000, "examined " + examined);
    assertEquals(10, s.suggest("a", 10).size());
    assertEquals(s.suggestByScan("a", 10), s.suggest("a", 10));
    examined = s.examined("azure a", 100);
    assertTrue(examined < 10_000, "examined " + examined);
    assertEquals(s.suggestByScan("azure a", 100), s.suggest("azure a", 100));
    // no completions, so a typo pass: it walks the keys within one edit of "azur", not all of "a"
    examined = s.examined("azurx", 10);
    assertTrue(examined < 10_000, "examined " + examined);
    assertEquals(10, s.suggest("azurx", 10).size());
    assertEquals(s.suggestByScan("azurx", 10), s.suggest("azurx", 10));
  }
}
