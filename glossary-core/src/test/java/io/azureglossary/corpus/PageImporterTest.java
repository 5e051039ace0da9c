package io.azureglossary.corpus;

import static io.azureglossary.corpus.CorpusFolder.replace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.azureglossary.corpus.PageImporter.Imported;
import io.azureglossary.model.CaseStudy;
import io.azureglossary.model.Difficulty;
import io.azureglossary.model.Source;
import io.azureglossary.model.Term;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports pages written for these tests in the published layout: {@code pages/storage-queue.txt}
 * uses every part of it, {@code pages/resource-tag.txt} only the required ones, and the other pages
 * are broken copies of the latter.
 */
final class PageImporterTest {
  private static String page(String name) {
    return CorpusFolder.resource("/pages/" + name);
  }

  private static List<String> errors(String fileName, String text) {
    return assertThrows(PageFormatException.class, () -> PageImporter.importPage(fileName, text)).errors();
  }

  private static Term resourceTag() {
    return Term.builder()
        .id("resource-tag")
        .name("Resource tag")
        .aliases(List.of("tag", "Azure tag"))
        .service("Azure Resource Manager")
        .category("Management and governance")
        .difficulty(Difficulty.BEGINNER)
        .lastVerified(LocalDate.of(2026, 4, 20))
        .definition("A resource tag is a name and value pair attached to a resource, resource group or subscription"
            + " to record facts such as owner, environment or cost center.")
        .technicalContext("A resource holds up to 50 tags. Names are not case-sensitive, values are, and tags set on"
            + " a resource group are not copied to its resources unless a policy does so.")
        .whyItMatters("Tags are how cost reports, automation and audits find the resources that belong together"
            + " across subscriptions.")
        .whereYouSeeIt(List.of("The Tags blade of every resource and the tag filters of Cost Management."))
        .whenRelevant(List.of("Splitting a shared bill between teams."))
        .security("Tags are readable by anyone with read access to the resource, so keep secrets and personal data"
            + " out of them.")
        .cost("Tags are free, but cost reports only group spend by tags that were in place when the cost was"
            + " incurred.")
        .reliability("Tags have no effect on availability; automation that selects resources by tag fails quietly"
            + " when a tag is missing.")
        .performance("Tag changes do not affect workload performance.")
        .operations("Enforce required tags with Azure Policy and report untagged resources every week.")
        .commonMistakes(List.of("Expecting tags on a resource group to appear on the resources inside it."))
        .build();
  }

  @Test
  void fullPage_importsEveryField() throws PageFormatException {
    Imported imported = PageImporter.importPage("storage-queue.txt", page("storage-queue.txt"));
    assertEquals(StorageQueue.term(), imported.term());
    assertEquals(List.of(), imported.warnings());
  }

  @Test
  void fullPage_writesTheCorpusFile() throws PageFormatException {
    Term term = PageImporter.importPage("storage-queue.txt", page("storage-queue.txt")).term();
    assertEquals(CorpusFolder.resource("/corpus/storage-queue.written.json"), TermJson.write(term));
  }

  @Test
  void minimalPage_leavesOptionalPartsOut() throws PageFormatException {
    Imported imported = PageImporter.importPage("resource-tag.txt", page("resource-tag.txt"));
    assertEquals(resourceTag(), imported.term());
    assertEquals(List.of(), imported.warnings());
  }

  @Test
  void importedPages_loadBackThroughTheCorpusLoader(@TempDir Path dir) throws Exception {
    List<Term> imported = new ArrayList<>();
    for (String name : List.of("resource-tag.txt", "storage-queue.txt")) {
      Term t = PageImporter.importPage(name, page(name)).term();
      new CorpusFolder(dir).write("terms/" + t.id() + ".json", TermJson.write(t));
      imported.add(t);
    }
    Corpus loaded = Corpus.load(dir);
    assertEquals(imported, loaded.terms());
    assertEquals(List.of(), loaded.warnings());
  }

  @Test
  void windowsLineEndings_importTheSame() throws PageFormatException {
    String crlf = page("resource-tag.txt").replace("\n", "\r\n");
    assertEquals(resourceTag(), PageImporter.importPage("resource-tag.txt", crlf).term());
  }

  @Test
  void explicitId_replacesTheSlug() throws PageFormatException {
    assertEquals("tag", PageImporter.importPage("resource-tag.txt", page("resource-tag.txt"), "tag").term().id());
  }

  @Test
  void explicitId_notSlug() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PageImporter.importPage("resource-tag.txt", page("resource-tag.txt"), "Resource_Tag"));
    assertEquals("id 'Resource_Tag' is not a lowercase slug (letters, digits, single hyphens)", e.getMessage());
  }

  @Test
  void slug_lowercasesAndHyphenatesAndDropsAccents() {
    assertEquals("azure-sql-database-hyperscale", PageImporter.slug("Azure SQL Database (Hyperscale)"));
    assertEquals("cafe-queue", PageImporter.slug("  Café -- queue! "));
    assertEquals("", PageImporter.slug("–"));
  }

  @Test
  void missingSection() {
    assertEquals(List.of("missing-section.txt: missing section 'Security'"),
        errors("missing-section.txt", page("missing-section.txt")));
  }

  @Test
  void unknownHeading() {
    assertEquals(List.of("unknown-heading.txt:40: unknown heading 'Reliablity'",
        "unknown-heading.txt: missing section 'Reliability'"), errors("unknown-heading.txt", page("unknown-heading.txt")));
  }

  @Test
  void badDate() {
    assertEquals(List.of("bad-date.txt:12: bad date '2026-02-30' in 'Last verified' (no such day)"),
        errors("bad-date.txt", page("bad-date.txt")));
  }

  @Test
  void badDate_notIso() {
    String text = replace(page("resource-tag.txt"), "2026-04-20", "20 April 2026");
    assertEquals(List.of("page.txt:12: bad date '20 April 2026' in 'Last verified' (expected an ISO date, YYYY-MM-DD)"),
        errors("page.txt", text));
  }

  @Test
  void badDifficulty() {
    assertEquals(List.of("bad-difficulty.txt:10: bad difficulty 'expert' (expected one of beginner, intermediate,"
        + " advanced)"), errors("bad-difficulty.txt", page("bad-difficulty.txt")));
  }

  @Test
  void severalProblems_allReportedInPageOrderMissingLast() {
    String text = replace(page("resource-tag.txt"), "beginner", "easy");
    text = replace(text, "2026-04-20", "2026-13-01");
    text = replace(text, "\nPerformance\n", "\nPerformence\n");
    text = replace(text, "\nCost\n\nTags are free, but cost reports only group spend by tags that were in place when the"
        + " cost was incurred.\n", "\n");
    assertEquals(List.of("page.txt:10: bad difficulty 'easy' (expected one of beginner, intermediate, advanced)",
        "page.txt:12: bad date '2026-13-01' in 'Last verified' (no such day)",
        "page.txt:41: unknown heading 'Performence'",
        "page.txt: missing section 'Cost'",
        "page.txt: missing section 'Performance'"), errors("page.txt", text));
  }

  @Test
  void unknownHeading_afterTheFields() {
    String text = replace(page("resource-tag.txt"), "2026-04-20\n", "2026-04-20\n\nMicrosoft Lern\n\nA summary.\n");
    assertEquals(List.of("page.txt:14: unknown heading 'Microsoft Lern'"), errors("page.txt", text));
  }

  @Test
  void unknownHeading_betweenCaseStudyParts() {
    String text = replace(page("storage-queue.txt"), "Results & Business Impact", "Results and impact");
    assertEquals(List.of("page.txt:71: unknown heading 'Results and impact'"), errors("page.txt", text));
  }

  @Test
  void bulletWithoutMarker() {
    String text = replace(page("resource-tag.txt"), "  • Expecting tags", "Expecting tags");
    assertEquals(List.of("page.txt:54: expected a '•' bullet in section 'Common mistakes', found 'Expecting tags on a"
        + " resource group to appear on the resou...'"), errors("page.txt", text));
  }

  @Test
  void section_empty() {
    String text = replace(page("resource-tag.txt"), "Tags are readable by anyone with read access to the resource, so"
        + " keep secrets and personal data out of them.\n", "");
    assertEquals(List.of("page.txt:32: section 'Security' is empty"), errors("page.txt", text));
  }

  @Test
  void section_repeated() {
    String text = page("resource-tag.txt") + "\nSecurity\n\nAgain.\n";
    assertEquals(List.of("page.txt:56: duplicate section 'Security' (first at line 32)"), errors("page.txt", text));
  }

  @Test
  void requiredField_missing() {
    String text = replace(page("resource-tag.txt"), "Difficulty\nbeginner\n", "");
    assertEquals(List.of("page.txt: missing field 'Difficulty'"), errors("page.txt", text));
  }

  @Test
  void definition_missing() {
    String text = replace(page("resource-tag.txt"), "A resource tag is a name and value pair attached to a resource,"
        + " resource group or subscription to record facts such as owner, environment or cost center.\n", "");
    assertEquals(List.of("page.txt: missing definition (the paragraph after the name)"), errors("page.txt", text));
  }

  @Test
  void definition_followedByBullet() {
    String text = replace(page("resource-tag.txt"), "cost center.\n", "cost center.\n  • stray\n");
    assertEquals(List.of("page.txt:6: expected prose in the definition, found '• stray'"), errors("page.txt", text));
  }

  @Test
  void header_unknownCategory() {
    String text = replace(page("resource-tag.txt"), "Management and governance Azure", "Governance Azure");
    assertEquals(List.of("page.txt:1: header 'Governance Azure Resource Manager' does not start with a category (one"
        + " of AI + machine learning, Analytics, Compute, Containers, Databases, DevOps, Developer tools,"
        + " Hybrid + multicloud, Identity, Integration, Internet of Things, Management and governance, Migration,"
        + " Monitoring, Networking, Security, Storage, Web)"), errors("page.txt", text));
  }

  @Test
  void header_noService() {
    String text = replace(page("resource-tag.txt"), "Management and governance Azure Resource Manager",
        "Management and governance arm tagging");
    assertEquals(List.of("page.txt:1: header names no service after the category 'Management and governance'"),
        errors("page.txt", text));
  }

  @Test
  void header_tagsAfterTheService() throws PageFormatException {
    String text = replace(page("resource-tag.txt"), "Azure Resource Manager", "Azure Resource Manager cost governance");
    Term t = PageImporter.importPage("page.txt", text).term();
    assertEquals("Azure Resource Manager", t.service());
    assertEquals(List.of("cost", "governance"), t.tags());
  }

  @Test
  void manyProblems_atMost100Lines_eachValueShownShort() {
    String text = replace(page("resource-tag.txt"), "tag, Azure tag", "tag, " + "tag, ".repeat(50_000) + "Azure tag");
    List<String> errors = errors("page.txt", text);
    assertEquals(PageParser.MAX_ERRORS + 1, errors.size());
    assertEquals("page.txt: more problems not listed (the first " + PageParser.MAX_ERRORS + " are)", errors.getLast());
    String difficulty = replace(page("bad-difficulty.txt"), "expert", "x".repeat(100_000));
    String line = errors("bad-difficulty.txt", difficulty).get(0);
    assertTrue(line.length() < 300, line.length() + " characters");
    assertTrue(line.startsWith("bad-difficulty.txt:10: bad difficulty 'xxxx") && line.contains("...' (expected one of"), line);
  }

  @Test
  void alias_listedTwice() {
    String text = replace(page("resource-tag.txt"), "tag, Azure tag", "tag, Azure tag, tag");
    assertEquals(List.of("page.txt:8: alias 'tag' is listed twice"), errors("page.txt", text));
  }

  @Test
  void source_withoutUrlOrDate() throws PageFormatException {
    String text = replace(page("storage-queue.txt"), "Queue Storage?2026-05-14\nhttps://learn.microsoft.com/azure/"
        + "storage/queues/storage-queues-introduction\n", "Queue Storage?\n");
    assertEquals(new Source("What is Azure Queue Storage?", null, null),
        PageImporter.importPage("page.txt", text).term().source());
  }

  @Test
  void source_lineMissing() {
    String text = replace(page("storage-queue.txt"), "Microsoft Learn: What is Azure Queue Storage?2026-05-14\n", "");
    assertEquals(List.of("page.txt:16: section 'Microsoft Learn' has no 'Microsoft Learn: TITLEyyyy-mm-dd' line"),
        errors("page.txt", text));
  }

  @Test
  void caseStudies_several() throws PageFormatException {
    String page = page("storage-queue.txt");
    String block = page.substring(page.indexOf("Case study 01"), page.indexOf("Why use Azure CLI for this?"));
    String second = block.replace("Case study 01", "Case study 02").replace("Thumbnail generation", "Video transcoding");
    List<CaseStudy> cases = PageImporter.importPage("page.txt", replace(page, block, block + second)).term()
        .caseStudies();
    CaseStudy first = StorageQueue.term().caseStudies().get(0);
    assertEquals(List.of(first, new CaseStudy("Video transcoding off the upload path", first.scenario(),
        first.objectives(), first.solution(), first.results(), first.takeaway())), cases);
  }

  @Test
  void caseStudy_partMissing() {
    String text = replace(page("storage-queue.txt"), "Key Takeaway for Glossary Readers\n\nMoving slow work behind a"
        + " queue keeps the user-facing path short.\n", "");
    assertEquals(List.of("page.txt:54: case study 01 has no 'Key Takeaway for Glossary Readers'"),
        errors("page.txt", text));
  }

  @Test
  void caseStudy_partEmpty() {
    String text = replace(page("storage-queue.txt"), "  • Median upload time fell from 4.1 to 0.6 seconds\n", "");
    assertEquals(List.of("page.txt:71: 'Results & Business Impact' of case study 01 is empty"),
        errors("page.txt", text));
  }

  @Test
  void command_unknownKind() {
    String text = replace(page("storage-queue.txt"), "az storage queuecreateStorage", "az storage queuemakeStorage");
    assertEquals(List.of("page.txt:101: no command kind in 'az storage queuemakeStorage' (expected the command group,"
        + " one of discover, create, configure, operate, delete, then the category)"), errors("page.txt", text));
  }

  @Test
  void command_withoutKindLine() {
    String text = replace(page("storage-queue.txt"), "az storage queuecreateStorage\n", "");
    assertEquals(List.of("page.txt:100: command 'az storage queue create --name <queue> --account-name <account>' has"
        + " no kind line after it"), errors("page.txt", text));
  }

  @Test
  void command_failingCorpusValidation_isReportedByTheReadBack() {
    String text = replace(page("storage-queue.txt"), "az storage queue list --account-name <account>",
        "az --version");
    assertEquals(List.of("page.txt: the imported term fails validation: $.cli.commands[0].command: command"
        + " 'az --version' must start with 'az ' and a lowercase command group"), errors("page.txt", text));
  }

  @Test
  void cliMappings_countDiffers_warns() throws PageFormatException {
    String text = replace(page("storage-queue.txt"), "CLI mappings\n2\n", "CLI mappings\n3\n");
    Imported imported = PageImporter.importPage("page.txt", text);
    assertEquals(StorageQueue.term(), imported.term());
    assertEquals(List.of("page.txt:12: warning: 'CLI mappings' says 3 but the page lists 2 mapped commands"),
        imported.warnings());
  }

  @Test
  void cliMappings_notANumber() {
    String text = replace(page("storage-queue.txt"), "CLI mappings\n2\n", "CLI mappings\ntwo\n");
    assertEquals(List.of("page.txt:12: bad count 'two' in 'CLI mappings' (expected a whole number)"),
        errors("page.txt", text));
  }

  @Test
  void name_ofThousandsOfWords_isALocatedErrorNotAStackOverflow() {
    String text = replace(page("resource-tag.txt"), "\nResource tag\n", "\n" + "Word ".repeat(3000) + "\n");
    assertEquals(List.of("page.txt:3: the id made from the name would have 14999 characters (at most 100); give the"
        + " id explicitly"), errors("page.txt", text));
  }

  @Test
  void name_givingAnIdOver100Characters_isALocatedError() {
    String text = replace(page("resource-tag.txt"), "\nResource tag\n", "\nResource " + "t".repeat(92) + "\n");
    assertEquals(List.of("page.txt:3: the id made from the name would have 101 characters (at most 100); give the id"
        + " explicitly"), errors("page.txt", text));
  }

  @Test
  void name_givingAnIdOf100Characters_imports() throws PageFormatException {
    String text = replace(page("resource-tag.txt"), "\nResource tag\n", "\nResource " + "t".repeat(91) + "\n");
    assertEquals("resource-" + "t".repeat(91), PageImporter.importPage("page.txt", text).term().id());
  }

  @Test
  void explicitId_over100Characters_isRefusedNotAStackOverflow() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PageImporter.importPage("resource-tag.txt", page("resource-tag.txt"), "a-".repeat(5000) + "a"));
    assertEquals("id of 10001 characters is too long (at most 100)", e.getMessage());
  }

  @Test
  void header_slugLikeWordOver100Characters_isPartOfTheServiceNotATag() throws PageFormatException {
    String word = "a-".repeat(5_000) + "a"; // 5,000 parts overflowed the slug pattern
    String text = replace(page("resource-tag.txt"), "Azure Resource Manager\n", "Azure Resource Manager " + word + "\n");
    Term t = PageImporter.importPage("page.txt", text).term();
    assertEquals("Azure Resource Manager " + word, t.service());
    assertEquals(List.of(), t.tags());
  }

  /** Each page has one 100,000-character line where one of the parser's patterns reads it. */
  @Test
  void longLines_importOrGivePageErrorsQuickly() {
    String tag = page("resource-tag.txt");
    String queue = page("storage-queue.txt");
    String n = "1".repeat(100_000);
    List<String> pages = List.of(
        replace(tag, "Azure Resource Manager\n", "Azure Resource Manager " + "a-".repeat(50_000) + "\n"),
        replace(tag, "Azure Resource Manager\n", "Azure Resource Manager" + " a".repeat(50_000) + "\n"),
        replace(tag, "\nResource tag\n", "\n" + "a-".repeat(50_000) + "\n"),
        replace(tag, "\nResource tag\n", "\n" + "Resource tag ".repeat(8_000) + "\n"),
        replace(tag, "cost center.", "cost center." + " x".repeat(50_000)),
        replace(tag, "tag, Azure tag", "tag, Azure tag" + ", x".repeat(33_000)),
        replace(tag, "\nbeginner\n", "\n" + n + "\n"),
        replace(tag, "2026-04-20", "2026-04-20".repeat(10_000)),
        replace(tag, "  • Expecting tags", "  • " + "• ".repeat(50_000) + "Expecting tags"),
        replace(queue, "CLI mappings\n2\n", "CLI mappings\n" + n + "\n"),
        replace(queue, "Queue Storage?2026-05-14", "Queue Storage?" + "2026-05-1x".repeat(10_000)),
        replace(queue, "Queue Storage?2026-05-14", "Queue Storage?" + n),
        replace(queue, "Signal 01", "Signal " + n),
        replace(queue, "Case study 01", "Case study " + n),
        replace(queue, "az storage queue create --name", "az storage queue create" + " --x".repeat(25_000) + " --name"),
        replace(queue, "az storage queuecreateStorage", "az storage queue" + "createS".repeat(14_000)),
        replace(queue, "az storage queuecreateStorage", "az storage queue" + "createS".repeat(14_000) + "\u0085"));
    for (int i = 0; i < pages.size(); i++) {
      String text = pages.get(i);
      assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
        try {
          PageImporter.importPage("page.txt", text);
        } catch (PageFormatException expected) {
          // a located error is fine; an overflow or a minute of backtracking is not
        }
      }, "page " + i);
    }
  }

  @Test
  void controlCharacter_isALocatedError() {
    String text = replace(page("resource-tag.txt"), "name and value", "name\u0000and value");
    assertEquals(List.of("page.txt:5: the line contains the control character U+0000 at character 25"),
        errors("page.txt", text));
  }

  @Test
  void controlCharacter_inTextTheImportDropsOrStrips_isALocatedErrorToo() {
    String text = replace(page("storage-queue.txt"), "The Queue Storage overview", "The Queue Storage\u001Eoverview");
    text = replace(text, "Mapped Azure CLI commands\n", "Mapped Azure CLI commands\u001F\n\u2029\n");
    assertEquals(List.of("page.txt:18: the line contains the control character U+001E at character 18",
        "page.txt:93: the line contains the control character U+001F at character 26",
        "page.txt:94: the line contains the control character U+2029 at character 1"), errors("page.txt", text));
  }

  @Test
  void halfSurrogatePair_isALocatedError() {
    String text = replace(page("resource-tag.txt"), "\nResource tag\n", "\nResource \uD83D tag\n");
    assertEquals(List.of("page.txt:3: the line contains half of a surrogate pair (U+D83D) at character 10"),
        errors("page.txt", text));
  }

  @Test
  void page_empty() {
    assertEquals(List.of("page.txt: page is empty"), errors("page.txt", "\n \n"));
  }
}
