package org.duban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.support.Api;
import org.duban.support.Db;
import org.duban.support.MailServerResource;
import org.duban.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The overdue engine through its API, with time moved by the test clock and mail caught by a real
 * SMTP server. Each scenario stands alone, in any order: its own unit, reporter and measures, and its
 * own stretch of time. The dispatch rounds are shared by the whole database and close once, so each
 * scenario starts in a year no scan has reached yet (year Y: measures from Y-05-14 to Y-12-31, as
 * the 2021 campaign) and lives in Y and Y+1.
 */
@QuarkusTest
class ScanTest {

  /** This scenario's first year: after every scan so far, so no dispatch round of Y or Y+1 is closed. */
  int year;
  String unit;
  String reporter;

  @BeforeEach
  void ownUnitAndYear() {
    TestClock.reset();
    year = (int) Math.max(2021, Db.scalar("select coalesce(max(extract(year from as_of))::bigint, 2020) from scan_run") + 1);
    assertThat(Db.scalar("select count(*) from dispatch_round where closed_at is not null and closes_on >= ?",
        java.time.LocalDate.of(year, 1, 1))).as("no round of %d closed yet", year).isZero();
    clock(0, "05-20T02:00:00Z");
    unit = "scan" + Long.toString(System.nanoTime() % 1_000_000L, 36);
    reporter = "reporter-" + unit;
    as("admin").body("{\"code\":\"" + unit + "\",\"name\":\"测试单位\",\"email\":\"" + unit + "@duban.test\"}").post("/api/v1/units").then().statusCode(201);
    as("admin").body("{\"username\":\"" + reporter + "\",\"password\":\"" + Api.PASSWORD + "\",\"role\":\"REPORTER\",\"unit\":\"" + unit + "\"}").post("/api/v1/users").then().statusCode(201);
  }

  @AfterEach
  void backToNow() {
    TestClock.reset();
  }

  /** "Y+offset-rest", e.g. date(1, "01-05") */
  String date(int offset, String rest) {
    return (year + offset) + "-" + rest;
  }

  void clock(int offset, String rest) {
    TestClock.set(date(offset, rest));
  }

  /** A measure of this scenario's unit from Y-05-14 to the deadline, created now. */
  String createMeasure(String deadline) {
    String code = Api.newCode();
    String json = Api.measureJson(code, unit, "[]").replace("2021-05-14", date(0, "05-14")).replace("2021-12-31", deadline);
    as("office").body(json).post("/api/v1/measures").then().statusCode(201);
    return code;
  }

  /** A measure due on Y-12-31, created on Y-05-20. */
  String measureDueAtYearEnd() {
    return createMeasure(date(0, "12-31"));
  }

  /** The reporter reports 96% and the office accepts (as the story's measure did in May). */
  void reportNearlyDone(String code) {
    as(reporter).body("{\"progress\":96,\"publicSummary\":\"接近完成\"}").post("/api/v1/measures/" + code + "/reports").then().statusCode(201);
    int id = as("office").get("/api/v1/measures/" + code + "/reports").then().extract().path("items[0].id");
    as("office").post("/api/v1/reports/" + id + "/accept").then().statusCode(200);
  }

  static JsonPath scan() {
    return as("office").post("/api/v1/scans").then().statusCode(200).extract().jsonPath();
  }

  static JsonPath measure(String c) {
    return as("office").get("/api/v1/measures/" + c).then().statusCode(200).extract().jsonPath();
  }

  static List<MimeMessage> mailTo(String address) throws Exception {
    List<MimeMessage> list = new ArrayList<>();
    for (MimeMessage m : MailServerResource.mail().getReceivedMessages()) {
      if (Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address))) {
        list.add(m);
      }
    }
    return list;
  }

  @Test
  void theLastSecondOfTheDeadlineInShanghaiIsNotOverdue() throws Exception {
    String code = measureDueAtYearEnd();
    reportNearlyDone(code);

    clock(0, "12-31T15:59:59Z"); // 23:59:59 on 31 December in Shanghai, still the 31st in UTC too
    JsonPath result = scan();
    assertThat(result.getString("outcome")).isEqualTo("OK");
    assertThat(result.getString("asOf")).isEqualTo(date(0, "12-31"));
    JsonPath m = measure(code);
    assertThat(m.getBoolean("overdue")).isFalse();
    assertThat(m.getString("light")).isEqualTo("YELLOW"); // due today, not claimed
    // a reminder (提醒) went to the unit's address
    assertThat(mailTo(unit + "@duban.test")).anySatisfy(msg -> assertThat(msg.getSubject()).startsWith("【提醒】" + code));
  }

  @Test
  void fromMidnightShanghaiItIsOverdueAndTheScanSaysSo() throws Exception {
    String code = measureDueAtYearEnd();
    reportNearlyDone(code);
    clock(0, "12-31T15:59:59Z");
    assertThat(measureAfter(scan(), code).getBoolean("overdue")).isFalse();

    clock(0, "12-31T16:00:00Z"); // 00:00:00 on 1 January of Y+1 in Shanghai; 31 December in UTC
    JsonPath result = scan();
    assertThat(result.getString("asOf")).isEqualTo(date(1, "01-01"));
    List<Map<String, Object>> changes = result.getList("changes");
    assertThat(changes)
        .anySatisfy(
            c -> {
              assertThat(c.get("code")).isEqualTo(code);
              assertThat(c.get("oldOverdue")).isEqualTo(false);
              assertThat(c.get("overdue")).isEqualTo(true);
              assertThat(c.get("light")).isEqualTo("RED");
              assertThat(c.get("overdueDays")).isEqualTo(1);
            });
    JsonPath m = measure(code);
    assertThat(m.getBoolean("overdue")).isTrue();
    assertThat(m.getInt("overdueDays")).isEqualTo(1);
    assertThat(m.getString("light")).isEqualTo("RED");
    Api.anonymous().get("/api/v1/public/measures/" + code).then().body("overdue", equalTo(true)).body("light", equalTo("RED"));
    // the scan journaled its changes
    List<Map<String, Object>> journal = as("office").get("/api/v1/measures/" + code + "/journal?size=100").then().extract().jsonPath().getList("items");
    assertThat(journal)
        .anySatisfy(e -> {
          assertThat(e.get("action")).isEqualTo("SCAN");
          assertThat(e.get("field")).isEqualTo("overdue");
          assertThat(e.get("oldValue")).isEqualTo("false");
          assertThat(e.get("newValue")).isEqualTo("true");
          assertThat(e.get("actor")).isEqualTo("system:scan");
        });
    // an urging notice (催办), once
    assertThat(mailTo(unit + "@duban.test")).filteredOn(msg -> subject(msg).equals("【催办】" + code + " 测试事项 " + code + " 已逾期")).hasSize(1);
    // December's window (26 Nov .. 25 Dec) closed without a report from the unit: urged for that too
    assertThat(mailTo(unit + "@duban.test")).filteredOn(msg -> subject(msg).equals("【催办】" + code + " 未按期报送（" + date(0, "12") + " 调度）")).hasSize(1);
  }

  /** The measure as it is after the given scan (the scan is only there to say it ran). */
  static JsonPath measureAfter(JsonPath scan, String code) {
    assertThat(scan.getString("outcome")).isEqualTo("OK");
    return measure(code);
  }

  @Test
  void runAgainAtTheSameInstantItChangesAndSendsNothing() throws Exception {
    String code = measureDueAtYearEnd();
    clock(0, "12-31T16:00:00Z");
    JsonPath first = scan();
    assertThat(first.getInt("flagsChanged")).isPositive();
    assertThat(first.getList("changes.code")).contains(code);

    Map<String, Object> before = Db.snapshot();
    int mails = MailServerResource.mail().getReceivedMessages().length;
    long notices = Db.scalar("select count(*) from notice");
    JsonPath again = scan();
    assertThat(again.getInt("flagsChanged")).isZero();
    assertThat(again.getInt("noticesQueued")).isZero();
    assertThat(again.getInt("roundsClosed")).isZero();
    assertThat(again.getList("changes")).isEmpty();
    Map<String, Object> after = Db.snapshot();
    assertThat(after).isEqualTo(before);
    assertThat(Db.scalar("select count(*) from notice")).isEqualTo(notices);
    assertThat(MailServerResource.mail().getReceivedMessages()).hasSize(mails);
  }

  @Test
  void severalScansAtOnceDoTheWorkOnce() throws Exception {
    String code = measureDueAtYearEnd();
    String lateCode = measureDueAtYearEnd();
    clock(0, "12-31T16:00:00Z"); // 1 January in Shanghai: both overdue
    scan();
    assertThat(measure(lateCode).getBoolean("overdue")).isTrue();

    clock(1, "01-05T16:30:00Z");
    // work for the scans: a postponement ends lateCode's overdue state
    as("office").body("{\"newDeadline\":\"" + date(1, "06-30") + "\",\"reason\":\"调整\"}").post("/api/v1/measures/" + lateCode + "/postponements").then().statusCode(200);
    long journalBefore = Db.scalar("select count(*) from journal_entry where action = 'SCAN' and entity_key = ?", lateCode);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<CompletableFuture<JsonPath>> runs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      runs.add(CompletableFuture.supplyAsync(ScanTest::scan, pool));
    }
    List<JsonPath> results = runs.stream().map(CompletableFuture::join).toList();
    pool.shutdown();
    assertThat(results.stream().filter(r -> r.getInt("flagsChanged") > 0).count()).isEqualTo(1);
    assertThat(results.stream().filter(r -> r.getList("changes.code").contains(lateCode)).count()).isEqualTo(1);
    assertThat(Db.scalar("select count(*) from measure where code = ? and not overdue", lateCode)).isEqualTo(1);
    // one scan's journal entries (overdue and light), not four
    long journalAfter = Db.scalar("select count(*) from journal_entry where action = 'SCAN' and entity_key = ?", lateCode);
    assertThat(journalAfter - journalBefore).isBetween(1L, 3L);
    assertThat(Db.scalar("select count(*) from journal_entry where action = 'SCAN' and entity_key = ? and field = 'overdue'", lateCode))
        .isEqualTo(2); // true on 1 January, false now
    // 6 January in Shanghai: the measure view derives 6 overdue days for code
    assertThat(measure(code).getInt("overdueDays")).isEqualTo(6);
  }

  @Test
  void overdueBeyondThirtyDaysABulletinGoesToLeadershipOnce() throws Exception {
    String code = measureDueAtYearEnd();
    clock(0, "12-31T15:59:59Z"); // due today: a reminder
    scan();
    clock(0, "12-31T16:00:00Z"); // overdue: an urging notice
    scan();
    clock(1, "02-01T16:30:00Z"); // 2 February in Shanghai: 33 days overdue
    scan();
    scan();
    // leadership hears of it once, in a digest (通报汇总) that lists it
    assertThat(mailTo("leaders@duban.test"))
        .filteredOn(msg -> subject(msg).startsWith("【通报】") && listed(msg, code) == 1)
        .hasSize(1);
    assertThat(mailTo("leaders@duban.test")).noneSatisfy(msg -> assertThat(subject(msg)).startsWith("【通报】" + code));
    List<Map<String, Object>> notices = as("office").get("/api/v1/measures/" + code + "/notices").then().statusCode(200).extract().jsonPath().getList("items");
    assertThat(notices).extracting(n -> n.get("level")).contains("REMINDER", "URGING", "BULLETIN");
    assertThat(notices).allSatisfy(n -> assertThat(n.get("state")).isEqualTo("SENT"));
    assertThat(notices).allSatisfy(n -> assertThat(n.get("channel")).isEqualTo("SMTP"));
    assertThat(notices).filteredOn(n -> "BULLETIN".equals(n.get("level"))).singleElement()
        .satisfies(n -> assertThat(n.get("digestId")).isNotNull());
  }

  @Test
  void leadershipGetsOneDigestPerScanListingWhatCrossedTheThresholdSinceTheLast() throws Exception {
    String m1 = measureDueAtYearEnd();
    String m2 = measureDueAtYearEnd();
    String m3 = measureDueAtYearEnd();
    String parent = measureDueAtYearEnd();
    String jnUnit = "jn" + unit;
    Db.exec("insert into unit (code, name, region_code, email, created_at) values (?, '济南市测试单位', '370100', ?, now())", jnUnit,
        jnUnit + "@duban.test");
    String task = as("office").body("{\"region\":\"370100\",\"unit\":\"" + jnUnit + "\",\"deadline\":\"" + date(0, "12-31")
            + "\",\"targetShares\":[]}").post("/api/v1/measures/" + parent + "/tasks").then().statusCode(201).extract().path("code");
    String late = createMeasure(date(1, "01-10")); // crosses 30 days on Y+1-02-10
    List<String> first = List.of(m1, m2, m3, parent, task);
    clock(0, "12-31T16:00:00Z"); // overdue: the units are urged, leadership hears nothing yet
    scan();
    clock(1, "02-01T16:30:00Z"); // 2 February in Shanghai: 33 days overdue (late: 23)
    int before = mailTo("leaders@duban.test").size();
    scan();

    // exactly one message to leadership, listing each item once, with its unit, region (a task) and days
    List<MimeMessage> leaders = mailTo("leaders@duban.test");
    assertThat(leaders).hasSize(before + 1);
    MimeMessage digest = leaders.get(leaders.size() - 1);
    assertThat(subject(digest)).startsWith("【通报】逾期超过 30 天事项汇总（" + date(1, "02-02"));
    String text = body(digest);
    for (String c : first) {
      assertThat(listed(digest, c)).as("%s listed once", c).isEqualTo(1);
    }
    assertThat(listed(digest, late)).isZero();
    assertThat(text).contains(m1 + " 测试事项 " + m1 + "（牵头单位：测试单位；当前时限 " + date(0, "12-31") + "，已逾期 33 天；级别：通报）");
    assertThat(text).contains(task + " ", "牵头单位：济南市测试单位；地区：济南市", "Digest of " + date(1, "02-02"));
    assertThat(text.indexOf("以下")).isLessThan(text.indexOf("Digest of")); // Chinese first

    // one outbox row for the digest, counting its items, the items linked to it
    long digestId = Db.scalar("select digest_id from notice where level = 'BULLETIN' and measure_id = (select id from measure where code = ?)", m1);
    List<Map<String, Object>> outbox = as("office").get("/api/v1/notices?size=100").then().statusCode(200).extract().jsonPath().getList("items");
    assertThat(outbox).filteredOn(n -> ((Number) n.get("id")).longValue() == digestId).singleElement().satisfies(n -> {
      assertThat(n.get("measure")).isNull();
      assertThat(n.get("level")).isEqualTo("BULLETIN");
      assertThat(n.get("recipient")).isEqualTo("leaders@duban.test");
      assertThat(n.get("state")).isEqualTo("SENT");
      assertThat((Integer) n.get("itemCount")).isGreaterThanOrEqualTo(first.size());
    });
    List<String> items = as("office").get("/api/v1/notices?size=100&digest=" + digestId).then().statusCode(200).extract().jsonPath().getList("items.measure");
    assertThat(items).containsAll(first).doesNotHaveDuplicates().doesNotContain(late);
    as("office").get("/api/v1/notices?digest=x").then().statusCode(400).contentType("application/problem+json");
    // the units' notices as before: each urged once, by its own mail; no 通报 reaches a unit
    for (String c : List.of(m1, m2, m3, parent)) {
      assertThat(mailTo(unit + "@duban.test")).filteredOn(msg -> subject(msg).equals("【催办】" + c + " 测试事项 " + c + " 已逾期")).hasSize(1);
    }
    assertThat(mailTo(jnUnit + "@duban.test")).filteredOn(msg -> subject(msg).startsWith("【催办】" + task + " ") && subject(msg).endsWith(" 已逾期")).hasSize(1);
    assertThat(mailTo(unit + "@duban.test")).noneSatisfy(msg -> assertThat(subject(msg)).startsWith("【通报】"));
    // the page shows the digest with its count and its items
    String session = org.duban.support.Pages.session("office");
    assertThat(org.duban.support.Pages.page(session).get("/staff/notices").then().statusCode(200).extract().asString())
        .contains("data-notice=\"" + digestId + "\"", "汇总通报，列 ", "href=\"/staff/notices?digest=" + digestId + "\"");
    assertThat(org.duban.support.Pages.page(session).get("/staff/notices?digest=" + digestId).then().statusCode(200).extract().asString())
        .contains("汇总通报 #" + digestId + " 所列事项", "href=\"/staff/measures/" + task + "\"", "已并入汇总通报 #" + digestId);

    // the next day nothing new crossed: no digest
    clock(1, "02-02T16:30:00Z");
    long digests = Db.scalar("select count(*) from notice where measure_id is null");
    scan();
    assertThat(mailTo("leaders@duban.test")).hasSize(before + 1);
    assertThat(Db.scalar("select count(*) from notice where measure_id is null")).isEqualTo(digests);

    // late crosses: a digest with it alone of this scenario's items
    clock(1, "02-10T16:30:00Z"); // 11 February in Shanghai: late is 32 days overdue
    scan();
    leaders = mailTo("leaders@duban.test");
    assertThat(leaders).hasSize(before + 2);
    MimeMessage second = leaders.get(leaders.size() - 1);
    assertThat(listed(second, late)).isEqualTo(1);
    assertThat(body(second)).contains("已逾期 32 天");
    for (String c : first) {
      assertThat(listed(second, c)).isZero();
    }

    // a digest that failed is retried as the one message, also from one of its items
    long lateItem = Db.scalar("select id from notice where level = 'BULLETIN' and measure_id = (select id from measure where code = ?)", late);
    long secondId = Db.scalar("select digest_id from notice where id = ?", lateItem);
    Db.exec("update notice set state = 'FAILED', last_error = 'test' where id = ?", secondId);
    assertThat(as("office").get("/api/v1/measures/" + late + "/notices").then().extract().jsonPath().getList("items.state")).contains("FAILED");
    as("office").post("/api/v1/notices/" + lateItem + "/retry").then().statusCode(204);
    assertThat(Db.text("select state from notice where id = ?", secondId)).isEqualTo("SENT");
    assertThat(Db.text("select state from notice where id = ?", lateItem)).isEqualTo("DIGESTED");
    leaders = mailTo("leaders@duban.test");
    assertThat(leaders).hasSize(before + 3);
    assertThat(listed(leaders.get(leaders.size() - 1), late)).isEqualTo(1);
  }

  /** How many of the digest's lines list the item {@code code} ("n. CODE title…"). */
  static int listed(MimeMessage msg, String code) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\d+\\. " + java.util.regex.Pattern.quote(code) + " ").matcher(body(msg));
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  static String body(MimeMessage msg) {
    try {
      Object content = msg.getContent();
      return content instanceof String text ? text : String.valueOf(content);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aUnitThatDidNotReportInTheRoundIsFlaggedAndUrged() throws Exception {
    // due in June of Y+1 (as a postponed measure): never overdue here, only its reports are watched
    String lateCode = createMeasure(date(1, "06-30"));
    // February's window: 26 January .. 25 February. lateCode's unit reports nothing in it.
    String lateRound = date(1, "02");
    clock(1, "02-26T01:00:00Z"); // 26 February in Shanghai: the February round has closed
    JsonPath result = scan();
    assertThat(result.getInt("roundsClosed")).isGreaterThanOrEqualTo(1);
    JsonPath m = measure(lateCode);
    assertThat(m.getBoolean("reportingMissed")).isTrue();
    assertThat(mailTo(unit + "@duban.test"))
        .filteredOn(msg -> subject(msg).contains(lateCode) && subject(msg).contains("未按期报送（" + lateRound))
        .hasSize(1);
    assertThat(Db.scalar("select count(*) from round_result rr join dispatch_round d on d.id = rr.round_id join measure m on m.id = rr.measure_id"
        + " where d.code = ? and m.code = ? and not rr.reported", lateRound, lateCode)).isEqualTo(1);
    // it reports in March's window and the office accepts: at the March close the flag clears
    int report = as(reporter).body("{\"progress\":10,\"publicSummary\":\"已启动\"}").post("/api/v1/measures/" + lateCode + "/reports")
        .then().statusCode(201).extract().path("id");
    as("office").post("/api/v1/reports/" + report + "/accept").then().statusCode(200);
    clock(1, "03-26T01:00:00Z");
    scan();
    assertThat(measure(lateCode).getBoolean("reportingMissed")).isFalse();

    // the ledger of the February round still shows the state at its close; March's shows the report
    Row feb = ledgerLine("?round=" + date(1, "02"), lateCode);
    assertThat(feb.getCell(8).getNumericCellValue()).isEqualTo(0.0);
    assertThat(feb.getCell(11).getStringCellValue()).isEmpty();
    Row mar = ledgerLine("?round=" + date(1, "03"), lateCode);
    assertThat(mar.getCell(8).getNumericCellValue()).isEqualTo(0.1);
    assertThat(mar.getCell(7).getStringCellValue()).isEqualTo("已启动");
    assertThat(mar.getCell(11).getStringCellValue()).isEqualTo(date(1, "02-26"));
    // rounds closed in a catch-up scan (here every round before February's) kept no ledger; unknown or open rounds none either
    as("leader").get("/api/v1/ledger.xlsx?round=" + date(0, "06")).then().statusCode(404).contentType("application/problem+json");
    as("leader").get("/api/v1/ledger.xlsx?round=" + date(1, "04")).then().statusCode(404);
    as("leader").get("/api/v1/ledger.xlsx?round=1999-01").then().statusCode(404);
    as("leader").get("/api/v1/ledger.xlsx?round=June").then().statusCode(400);
  }

  /** The row of a measure in the ledger workbook (query = "" for today's). */
  static Row ledgerLine(String query, String measureCode) throws Exception {
    byte[] body = as("leader").get("/api/v1/ledger.xlsx" + query).then().statusCode(200).extract().asByteArray();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(body))) {
      for (Sheet sheet : book) {
        for (Row row : sheet) {
          if (row.getRowNum() > 1 && row.getCell(2) != null && row.getCell(2).getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
              && row.getCell(2).getStringCellValue().startsWith(measureCode + " ")) {
            return row;
          }
        }
      }
    }
    throw new AssertionError(measureCode + " is not in the ledger " + query);
  }

  @Test
  void aPostponementEndsTheOverdueStateAtTheNextScan() {
    String code = measureDueAtYearEnd();
    clock(1, "03-26T01:00:00Z");
    scan();
    assertThat(measure(code).getBoolean("overdue")).isTrue();
    as("office").body("{\"newDeadline\":\"" + date(1, "12-31") + "\",\"reason\":\"试点范围扩大\"}").post("/api/v1/measures/" + code + "/postponements").then().statusCode(200);
    scan();
    JsonPath m = measure(code);
    assertThat(m.getBoolean("overdue")).isFalse();
    assertThat(Db.scalar("select count(*) from measure where code = ? and not overdue", code)).isEqualTo(1);
  }

  @Test
  void aDeliveryThatFailsIsRetriedWithItsStateVisible() throws Exception {
    clock(1, "03-26T01:00:00Z");
    scan(); // the rounds up to now close with the mail server up
    String other = measureDueAtYearEnd(); // deadline Y-12-31: overdue now
    MailServerResource.mail().stop();
    try {
      scan();
    } finally {
      MailServerResource.mail().start();
    }
    List<Map<String, Object>> notices = as("office").get("/api/v1/measures/" + other + "/notices").then().statusCode(200).extract().jsonPath().getList("items");
    assertThat(notices).isNotEmpty();
    assertThat(notices).allSatisfy(n -> {
      assertThat(n.get("state")).isEqualTo("PENDING");
      assertThat(n.get("attempts")).isEqualTo(1);
      assertThat(n.get("lastError")).isNotNull();
    });
    clock(1, "03-26T01:01:30Z"); // past the first retry wait (60 s)
    scan();
    notices = as("office").get("/api/v1/measures/" + other + "/notices").then().extract().jsonPath().getList("items");
    assertThat(notices).allSatisfy(n -> {
      assertThat(n.get("state")).isEqualTo("SENT");
      assertThat(n.get("attempts")).isEqualTo(2);
    });
    assertThat(mailTo(unit + "@duban.test")).filteredOn(msg -> subject(msg).equals("【催办】" + other + " 测试事项 " + other + " 已逾期")).hasSize(1);
  }

  @Test
  void theHistoryKeepsEveryScan() {
    clock(0, "06-01T02:00:00Z");
    long before = as("office").get("/api/v1/scans?size=1").then().statusCode(200).extract().jsonPath().getLong("total");
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ids.add(scan().getInt("id"));
    }
    JsonPath history = as("office").get("/api/v1/scans?size=100").then().statusCode(200).extract().jsonPath();
    assertThat(history.getInt("total")).isGreaterThanOrEqualTo(10);
    assertThat(history.getLong("total") - before).isEqualTo(10);
    assertThat(history.getList("items.id", Integer.class)).containsAll(ids);
    assertThat(history.getList("items.outcome", String.class)).containsOnly("OK");
    assertThat(history.getString("items[0].startedAt")).isNotNull();
    as("leader").post("/api/v1/scans").then().statusCode(403);
    as("reporter-fy").get("/api/v1/scans").then().statusCode(403);
    as("admin").post("/api/v1/scans").then().statusCode(200);
  }

  static String subject(MimeMessage msg) {
    try {
      return msg.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
