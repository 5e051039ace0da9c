package io.azureglossary.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.azureglossary.search.Glossary;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search page in a real browser: Debian's headless Chromium, driven through chromedriver.
 * Both must be installed ({@code apt-get install chromium chromium-driver}; {@code .ci/run} does
 * it): without them this test fails, it does not skip. Screenshots go to
 * {@code target/screenshots/}.
 */
class BrowserTest {
  static final Path CHROMIUM = Path.of(System.getProperty("glossary.test.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Path.of(System.getProperty("glossary.test.chromedriver", "/usr/bin/chromedriver"));
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private static GlossaryServer server;
  private static ChromeDriver driver;
  private static WebDriverWait wait;

  @BeforeAll
  static void start() throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      fail("the browser test needs Chromium at " + CHROMIUM + " and chromedriver at " + CHROMEDRIVER
          + ": apt-get install -y chromium chromium-driver (or -Dglossary.test.chromium=PATH -Dglossary.test.chromedriver=PATH)");
    }
    server = GlossaryServer.serving(Glossary.bundled()).port(0).start();
    Path profile = Files.createTempDirectory("glossary-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1200,900", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    wait.ignoring(StaleElementReferenceException.class); // the page re-renders results and facets as answers come
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  static String url(String path) {
    return server.uri().resolve(path).toString();
  }

  static void screenshot(String name) throws IOException {
    File png = driver.getScreenshotAs(OutputType.FILE);
    Files.copy(png.toPath(), SCREENSHOTS.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  static List<WebElement> hits() {
    return driver.findElements(By.cssSelector("#results > li.hit"));
  }

  @Test
  void typeCompletePickFilterOpenAndGoBack() throws IOException {
    driver.manage().window().setSize(new Dimension(1200, 900));
    driver.get(url("/"));
    WebElement q = driver.findElement(By.id("q"));
    q.sendKeys("key vau");
    // completions appear as the user types
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#completions li")));
    List<WebElement> options = driver.findElements(By.cssSelector("#completions li[role=option]"));
    assertTrue(options.get(0).getText().startsWith("Key Vault"), options.get(0).getText());
    // keyboard: down twice, up once, Enter picks the first
    q.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_UP);
    assertEquals("true", driver.findElement(By.id("completion-0")).getAttribute("aria-selected"));
    assertEquals("completion-0", q.getAttribute("aria-activedescendant"));
    String picked = driver.findElement(By.cssSelector("#completion-0 .label")).getText();
    q.sendKeys(Keys.ENTER);
    wait.until(d -> picked.equals(q.getAttribute("value")) && !hits().isEmpty()
        && d.findElement(By.id("completions")).getAttribute("hidden") != null);
    // results with section-labelled highlights
    wait.until(d -> !d.findElements(By.cssSelector("#results .passage mark")).isEmpty());
    WebElement first = hits().get(0);
    assertEquals("key-vault", first.getAttribute("data-id"));
    assertFalse(first.findElement(By.cssSelector(".highlights .section")).getText().isBlank());
    assertTrue(driver.findElement(By.id("status")).getText().contains("matching term"));
    screenshot("search.png");

    // filter by a category facet: every hit is then of that category
    WebElement facet = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#facet-category button.facet-value")));
    String category = facet.getAttribute("data-value");
    int before = hits().size();
    facet.click();
    wait.until(d -> "true".equals(d.findElement(By.cssSelector("#facet-category button[data-value='" + category + "']"))
        .getAttribute("aria-pressed")));
    assertTrue(hits().size() <= before);
    for (WebElement h : hits()) {
      assertEquals(category, h.getAttribute("data-category"));
    }
    assertTrue(driver.getCurrentUrl().contains("category="), driver.getCurrentUrl());

    // open a term page, whole entry in the published order, then come back to the same results
    String id = hits().get(0).getAttribute("data-id");
    hits().get(0).findElement(By.cssSelector("a.name")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("term-name")));
    assertEquals(id, driver.findElement(By.id("term")).getAttribute("data-id"));
    assertTrue(driver.findElement(By.id("definition")).getText().length() > 20);
    screenshot("term.png");
    driver.navigate().back();
    wait.until(d -> !hits().isEmpty());
    assertEquals(picked, driver.findElement(By.id("q")).getAttribute("value"));
    assertEquals(id, hits().get(0).getAttribute("data-id"));
    for (WebElement h : hits()) {
      assertEquals(category, h.getAttribute("data-category"));
    }
  }

  @Test
  void escapeClosesTheCompletions_andPhoneWidthHasNoSidewaysScroll() throws IOException {
    driver.manage().window().setSize(new Dimension(390, 844));
    driver.get(url("/"));
    WebElement q = driver.findElement(By.id("q"));
    q.sendKeys("virtual net");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#completions li")));
    q.sendKeys(Keys.ESCAPE);
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("completions")));
    wait.until(d -> !hits().isEmpty());
    Number scroll = (Number) ((JavascriptExecutor) driver).executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertTrue(scroll.intValue() <= 0, "the page scrolls sideways by " + scroll + " px at phone width");
    screenshot("search-phone.png");
    driver.manage().window().setSize(new Dimension(1200, 900));
  }

  @Test
  void hostileQuery_rendersAsText() {
    driver.manage().window().setSize(new Dimension(1200, 900));
    driver.get(url("/"));
    String hostile = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\">";
    WebElement q = driver.findElement(By.id("q"));
    q.sendKeys(hostile);
    wait.until(d -> !d.findElement(By.id("status")).getText().isBlank());
    q.sendKeys(Keys.ENTER);
    wait.until(d -> {
      String status = d.findElement(By.id("status")).getText();
      return status.contains(hostile) || !hits().isEmpty();
    });
    JavascriptExecutor js = (JavascriptExecutor) driver;
    assertEquals(null, js.executeScript("return window.pwned === undefined ? null : window.pwned;"));
    assertTrue(driver.findElements(By.cssSelector("main img, main script")).isEmpty(), "markup from the query reached the DOM");
    String shown = driver.findElement(By.id("status")).getText() + driver.findElement(By.id("did-you-mean")).getText();
    if (hits().isEmpty()) {
      assertTrue(shown.contains(hostile), shown);
    }
    for (WebElement mark : driver.findElements(By.cssSelector("#results mark"))) {
      assertTrue(mark.findElements(By.xpath("./*")).isEmpty(), "a <mark> holds elements");
    }
  }
}
