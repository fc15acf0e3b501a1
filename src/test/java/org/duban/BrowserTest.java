package org.duban;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.duban.support.Api;
import org.duban.support.BrowserAvailability;
import org.duban.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The story in a real browser (Debian's headless Chromium through its chromedriver, never a
 * downloaded one): a reporter signs in and submits a report, the office accepts it, and the
 * leader's dashboard shows the measure's light change. Screenshots go to target/screenshots.
 * Without Chromium it fails in CI and is skipped, with the reason, elsewhere ({@link BrowserAvailability}).
 */
@QuarkusTest
@DisabledIf(value = "org.duban.support.BrowserAvailability#skipHere", disabledReason = BrowserAvailability.SKIP_REASON)
class BrowserTest {

  static final String CHROMIUM = BrowserAvailability.CHROMIUM;
  static final String DRIVER = BrowserAvailability.DRIVER;
  static final Path SHOTS = Path.of("target", "screenshots");

  @TestHTTPResource("/")
  URL base;

  WebDriver browser;

  @BeforeEach
  void start() throws Exception {
    // reached without a browser only in CI (CI=true): there it is a failure, never a skip
    assertThat(new File(CHROMIUM).canExecute()).as("Chromium (apt-get install chromium chromium-driver; .ci/run does)").isTrue();
    assertThat(new File(DRIVER).canExecute()).as("chromedriver (apt-get install chromium-driver)").isTrue();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage",
        "--lang=zh-CN", "--window-size=1280,1600");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    browser.manage().window().setSize(new Dimension(1280, 1600));
    Files.createDirectories(SHOTS);
    // 1 October 2021: a measure from May to December with no progress lags (yellow); at 60% it is on track (green)
    TestClock.set("2021-10-01T02:00:00Z");
  }

  @AfterEach
  void stop() {
    TestClock.reset();
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aReportGoesFromTheUnitThroughTheOfficeToTheLeadersDashboard() throws Exception {
    String code = Api.createMeasure("fy");
    signIn("leader");
    int greenBefore = count("GREEN");
    int yellowBefore = count("YELLOW");
    signOut();

    // the court's reporter signs in and reports
    signIn("reporter-fy");
    assertThat(browser.getCurrentUrl()).endsWith("/staff/measures");
    open("/staff/measures/" + code);
    assertThat(browser.findElement(By.id("light")).getText()).isEqualTo("黄灯");
    browser.findElement(By.id("progress-input")).clear();
    browser.findElement(By.id("progress-input")).sendKeys("60");
    browser.findElement(By.id("publicSummary")).sendKeys("网上立案平均审核时间已压缩至3天以内");
    browser.findElement(By.id("narrative")).sendKeys("内部：抽查10个法院");
    browser.findElement(By.id("submit-report")).click();
    waitFor(By.id("done"));
    assertThat(browser.findElement(By.id("done")).getText()).contains("进展报告已提交");
    shot("1-reporter-submitted");
    signOut();

    // the office accepts it
    signIn("office");
    open("/staff/measures/" + code);
    browser.findElement(By.cssSelector("tr[data-state=PENDING] button.accept")).click();
    waitFor(By.id("done"));
    assertThat(browser.findElement(By.id("progress")).getText()).isEqualTo("60%");
    assertThat(browser.findElement(By.id("light")).getText()).isEqualTo("绿灯");
    shot("2-office-accepted");
    signOut();

    // the leader's dashboard shows one more green and one less yellow in the area
    signIn("leader");
    assertThat(browser.getCurrentUrl()).endsWith("/staff/dashboard");
    assertThat(count("GREEN")).isEqualTo(greenBefore + 1);
    assertThat(count("YELLOW")).isEqualTo(yellowBefore - 1);
    shot("3-leader-dashboard");
    Files.copy(SHOTS.resolve("3-leader-dashboard.png"), SHOTS.resolve("dashboard.png"), StandardCopyOption.REPLACE_EXISTING);
    browser.findElement(By.linkText("English")).click();
    waitFor(By.id("area-light"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Leadership dashboard");
    shot("4-leader-dashboard-en");
    signOut();
  }

  @Test
  void aCitizenFindsAMeasureAndReadsItsTimelineWithoutScriptOrLogin() throws Exception {
    String code = Api.createMeasure("sft");
    int id = Api.as("reporter-sft").body("{\"progress\":30,\"publicSummary\":\"已建成首批调解中心\",\"narrative\":\"内部\"}")
        .post("/api/v1/measures/" + code + "/reports").then().statusCode(201).extract().path("id");
    Api.as("office").post("/api/v1/reports/" + id + "/accept").then().statusCode(200);
    Api.as("office").body("{\"newDeadline\":\"2022-03-31\",\"reason\":\"受疫情影响，现场验收推迟\"}")
        .post("/api/v1/measures/" + code + "/postponements").then().statusCode(200);

    open("/");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
    assertThat(browser.findElements(By.tagName("script"))).isEmpty();
    // every form field has a label
    for (var field : browser.findElements(By.cssSelector("form input:not([type=hidden]), form select"))) {
      assertThat(browser.findElements(By.cssSelector("label[for='" + field.getAttribute("id") + "']"))).as(field.getAttribute("name")).hasSize(1);
    }
    assertThat(browser.findElement(By.id("rule")).getText()).isEqualTo("亮灯规则");
    shot("5-public-list");
    Files.copy(SHOTS.resolve("5-public-list.png"), SHOTS.resolve("public.png"), StandardCopyOption.REPLACE_EXISTING);
    // search by keyboard: type into the title box and press Enter
    var q = browser.findElement(By.id("f-q"));
    q.sendKeys("测试事项 " + code);
    q.sendKeys(org.openqa.selenium.Keys.ENTER);
    waitFor(By.linkText(code));
    assertThat(browser.findElements(By.cssSelector("#measures tbody tr"))).hasSize(1);
    browser.findElement(By.linkText(code)).click();
    waitFor(By.id("timeline"));
    assertThat(browser.findElement(By.id("deadline")).getText()).startsWith("2022-03-31");
    assertThat(browser.findElement(By.id("postponements")).getText()).contains("2021-12-31 → 2022-03-31", "受疫情影响，现场验收推迟");
    assertThat(browser.findElement(By.id("timeline")).getText()).contains("已建成首批调解中心", "延期").doesNotContain("内部");
    assertThat(browser.findElement(By.id("light")).getText()).isNotBlank();
    shot("6-public-measure");
  }

  @Test
  void anAuditorEnrolsAnAuthenticatorAtFirstSignInThenMakesAnApiToken() throws Exception {
    String auditor = org.duban.support.Accounts.privileged("AUDITOR");
    signIn(auditor);
    assertThat(browser.getCurrentUrl()).endsWith("/staff/account");
    assertThat(browser.findElement(By.id("enrol-required")).getText()).contains("两步验证");
    browser.findElement(By.id("begin-totp")).click();
    waitFor(By.id("totp-qr"));
    assertThat(browser.findElements(By.cssSelector("#totp-qr svg"))).hasSize(1);
    String secret = browser.findElement(By.id("totp-secret")).getText();
    shot("7-auditor-enrol");
    browser.findElement(By.id("code")).sendKeys(org.duban.support.Totp.code(secret));
    browser.findElement(By.id("confirm-totp")).click();
    waitFor(By.id("totp-on"));
    assertThat(browser.findElement(By.id("done")).getText()).contains("两步验证已绑定");
    browser.findElement(By.id("token-name")).sendKeys("审计导出脚本");
    browser.findElement(By.id("create-token")).click();
    waitFor(By.id("token-value"));
    String token = browser.findElement(By.id("token-value")).getText();
    assertThat(token).startsWith("duban_");
    assertThat(browser.findElement(By.id("tokens")).getText()).contains("审计导出脚本");
    shot("8-auditor-token");
    org.duban.support.Accounts.bearer(token).get("/api/v1/audit/verify").then().statusCode(200);
    signOut();
    // next time the password alone is not enough: the form asks for the code
    open("/staff");
    waitFor(By.id("j_username"));
    browser.findElement(By.id("j_username")).sendKeys(auditor);
    browser.findElement(By.id("j_password")).sendKeys(Api.PASSWORD);
    browser.findElement(By.id("login")).click();
    waitFor(By.cssSelector("p.error"));
    assertThat(browser.getCurrentUrl()).contains("/login?error=1");
  }

  /** The JUSTICE count of a light in the dashboard's area x light table. */
  private int count(String light) {
    return Integer.parseInt(browser.findElement(By.cssSelector("td[data-area=JUSTICE][data-light=" + light + "]")).getText());
  }

  private void signIn(String user) {
    open("/staff");
    waitFor(By.id("j_username"));
    browser.findElement(By.id("j_username")).sendKeys(user);
    browser.findElement(By.id("j_password")).sendKeys(Api.PASSWORD);
    browser.findElement(By.id("login")).click();
    waitFor(By.tagName("nav"));
  }

  private void signOut() {
    browser.findElement(By.cssSelector("header form button")).click();
    waitFor(By.id("j_username"));
  }

  private void open(String path) {
    browser.get(base.toString().replaceAll("/$", "") + path);
  }

  private void waitFor(By by) {
    try {
      new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(by));
    } catch (org.openqa.selenium.TimeoutException e) {
      // what the browser shows instead, for the report
      throw new AssertionError("waiting for " + by + " at " + browser.getCurrentUrl() + ":\n" + browser.getPageSource(), e);
    }
  }

  private void shot(String name) throws Exception {
    byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    Files.write(SHOTS.resolve(name + ".png"), png);
  }
}
