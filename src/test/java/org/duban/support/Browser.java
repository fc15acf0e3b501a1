package org.duban.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium through its chromedriver (never a downloaded browser), driven as a
 * person would: sign in with the form, open pages, wait for what a page shows; plus axe-core (the
 * accessibility engine, test resource axe/axe.min.js) run on the page as it stands.
 */
public final class Browser implements AutoCloseable {

  public static final Path SHOTS = Path.of("target", "screenshots");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static String axeSource;

  public final WebDriver driver;
  private final String base;

  public Browser(URL base) throws IOException {
    assertThat(new File(BrowserAvailability.CHROMIUM).canExecute()).as("Chromium (apt-get install chromium chromium-driver; .ci/run does)").isTrue();
    assertThat(new File(BrowserAvailability.DRIVER).canExecute()).as("chromedriver (apt-get install chromium-driver)").isTrue();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BrowserAvailability.CHROMIUM);
    options.addArguments(
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage",
        "--lang=zh-CN", "--window-size=1280,1600");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(BrowserAvailability.DRIVER)).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    driver.manage().window().setSize(new Dimension(1280, 1600));
    Files.createDirectories(SHOTS);
    this.base = base.toString().replaceAll("/$", "");
  }

  public void open(String path) {
    driver.get(base + path);
  }

  public void signIn(String user, String password) {
    open("/staff");
    waitFor(By.id("j_username"));
    driver.findElement(By.id("j_username")).sendKeys(user);
    driver.findElement(By.id("j_password")).sendKeys(password);
    driver.findElement(By.id("login")).click();
    waitFor(By.tagName("nav"));
  }

  public void signOut() {
    driver.findElement(By.cssSelector("header form button")).click();
    waitFor(By.id("j_username"));
  }

  public void waitFor(By by) {
    try {
      new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(by));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("waiting for " + by + " at " + driver.getCurrentUrl() + ":\n" + driver.getPageSource(), e);
    }
  }

  public void shot(String name) throws IOException {
    Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }

  /** One accessibility violation: axe's rule, its impact, what it asks for, and where. */
  public record Violation(String rule, String impact, String help, List<String> targets) {
    @Override
    public String toString() {
      return rule + " (" + impact + "): " + help + " at " + targets;
    }
  }

  /** axe-core's violations on the page as it stands (all of axe's rules for WCAG 2.1 A and AA, and its best practices). */
  public List<Violation> axe() throws IOException {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript(axeScript());
    Object raw = js.executeAsyncScript(
        "var done = arguments[arguments.length - 1];"
            + "axe.run(document, {resultTypes: ['violations']})"
            + ".then(function (r) { done(JSON.stringify(r.violations)); })"
            + ".catch(function (e) { done('ERROR ' + e); });");
    String text = String.valueOf(raw);
    if (text.startsWith("ERROR")) {
      throw new AssertionError("axe-core did not run on " + driver.getCurrentUrl() + ": " + text);
    }
    List<Violation> out = new ArrayList<>();
    for (JsonNode v : JSON.readTree(text)) {
      List<String> targets = new ArrayList<>();
      for (JsonNode node : v.path("nodes")) {
        targets.add(node.path("target").toString());
      }
      out.add(new Violation(v.path("id").asText(), v.path("impact").asText(), v.path("help").asText(), targets));
    }
    return out;
  }

  private static synchronized String axeScript() throws IOException {
    if (axeSource == null) {
      try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
        assertThat(in).as("test resource axe/axe.min.js").isNotNull();
        axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    return axeSource;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
