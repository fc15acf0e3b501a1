package org.duban;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Api.as;
import static org.duban.support.EvidenceSamples.contains;
import static org.duban.support.EvidenceSamples.sha256;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.duban.support.Accounts;
import org.duban.support.Api;
import org.duban.support.Db;
import org.duban.support.EvidenceSamples;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Node;

/**
 * Evidence files (issue 15): the five types by their content, byte-for-byte with their SHA-256;
 * the wrong type, an empty or too large file, and a file for what the caller may not read are
 * refused with nothing stored; the office publishes a photo, and the public copy has no EXIF/GPS.
 */
@QuarkusTest
class EvidenceFilesTest {

  static final int MAX_MB = 20;

  /** File names go as a browser sends them: UTF-8. */
  static final io.restassured.config.RestAssuredConfig UTF8 = io.restassured.config.RestAssuredConfig.config()
      .multiPartConfig(io.restassured.config.MultiPartConfig.multiPartConfig().defaultCharset("UTF-8"))
      .httpClient(io.restassured.config.HttpClientConfig.httpClientConfig().httpMultipartMode(org.apache.http.entity.mime.HttpMultipartMode.BROWSER_COMPATIBLE))
      .decoderConfig(io.restassured.config.DecoderConfig.decoderConfig().defaultContentCharset("UTF-8"));

  static RequestSpecification multipart(String user) {
    return given().config(UTF8).auth().preemptive().basic(user, Api.PASSWORD).header("X-Requested-By", "test");
  }

  static ValidatableResponse upload(String user, long report, String name, byte[] bytes) {
    return multipart(user).multiPart("file", name, bytes, "application/octet-stream").post("/api/v1/reports/" + report + "/files").then();
  }

  static long report(String user, String measure) {
    return ((Number) as(user).body("{\"progress\":10,\"publicSummary\":\"推进中\"}").post("/api/v1/measures/" + measure + "/reports")
        .then().statusCode(201).extract().path("id")).longValue();
  }

  static Map<String, Long> stored() {
    return Map.of(
        "files", Db.scalar("select count(*) from evidence_file"),
        "objects", Db.scalar("select count(*) from pg_largeobject_metadata"),
        "journal", Db.scalar("select count(*) from journal_entry where entity = 'FILE'"));
  }

  static byte[] download(String user, long id) {
    return multipart(user).get("/api/v1/files/" + id).then().statusCode(200).extract().asByteArray();
  }

  @Test
  void everyAllowedTypeIsStoredAndComesBackByteForByteWithItsSha256() {
    String code = Api.createMeasure("fy");
    long report = report("reporter-fy", code);
    Map<String, byte[]> files = new java.util.LinkedHashMap<>();
    files.put("说明.pdf", EvidenceSamples.pdf());
    files.put("现场.png", EvidenceSamples.png());
    files.put("photo.jpg", EvidenceSamples.jpeg());
    files.put("总结.docx", EvidenceSamples.docx());
    files.put("台账.xlsx", EvidenceSamples.xlsx());
    List<String> types = List.of("application/pdf", "image/png", "image/jpeg",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    int i = 0;
    for (var f : files.entrySet()) {
      var answer = upload("reporter-fy", report, f.getKey(), f.getValue()).statusCode(201)
          .header("Location", containsString("/api/v1/files/"))
          .body("sha256", equalTo(sha256(f.getValue())))
          .body("mediaType", equalTo(types.get(i++)))
          .body("size", equalTo(f.getValue().length))
          .body("name", equalTo(f.getKey()))
          .body("public", equalTo(false))
          .extract();
      long id = ((Number) answer.path("id")).longValue();
      var got = multipart("office").get("/api/v1/files/" + id).then().statusCode(200)
          .header("Content-Type", containsString(types.get(i - 1)))
          .header("X-Content-SHA256", sha256(f.getValue()))
          .header("X-Content-Type-Options", "nosniff")
          .header("Content-Length", String.valueOf(f.getValue().length))
          .header("Content-Disposition", containsString("filename*=UTF-8''"))
          .extract().asByteArray();
      assertThat(got).isEqualTo(f.getValue());
    }
    List<String> names = multipart("leader").get("/api/v1/reports/" + report + "/files").then().statusCode(200)
        .extract().jsonPath().getList("name");
    assertThat(names).containsExactlyElementsOf(files.keySet());
    assertThat(Db.scalar("select count(*) from journal_entry where entity = 'FILE' and action = 'ATTACH' and measure_id = (select id from measure where code = ?)", code))
        .isEqualTo(5);
  }

  @Test
  void theTypeComesFromTheContentNeverTheName() {
    long report = report("reporter-fy", Api.createMeasure("fy"));
    upload("reporter-fy", report, "not-really.pdf", EvidenceSamples.png()).statusCode(201).body("mediaType", equalTo("image/png"));

    Map<String, Long> before = stored();
    upload("reporter-fy", report, "notes.pdf", "just some text, not a PDF".getBytes()).statusCode(415)
        .contentType("application/problem+json");
    upload("reporter-fy", report, "setup.pdf", EvidenceSamples.exe()).statusCode(415);
    upload("reporter-fy", report, "archive.docx", EvidenceSamples.zip()).statusCode(415);
    upload("reporter-fy", report, "empty.pdf", new byte[0]).statusCode(400).contentType("application/problem+json");
    multipart("reporter-fy").multiPart("other", "x.pdf", EvidenceSamples.pdf()).post("/api/v1/reports/" + report + "/files").then().statusCode(400);
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void aFileOverTheLimitIsRefusedWith413AndNothingIsStored() throws Exception {
    long report = report("reporter-fy", Api.createMeasure("fy"));
    Map<String, Long> before = stored();
    byte[] overByLittle = new byte[MAX_MB * 1024 * 1024 + 100_000]; // passes the body limit: the store refuses it
    System.arraycopy(EvidenceSamples.pdf(), 0, overByLittle, 0, EvidenceSamples.pdf().length);
    upload("reporter-fy", report, "big.pdf", overByLittle).statusCode(413).contentType("application/problem+json");
    // a body declared larger than the limit and its framing is refused before a byte of it is read
    try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
      socket.getOutputStream().write(("POST /api/v1/reports/" + report + "/files HTTP/1.1\r\nHost: localhost\r\n"
          + "Authorization: Basic " + java.util.Base64.getEncoder().encodeToString(("reporter-fy:" + Api.PASSWORD).getBytes())
          + "\r\nX-Requested-By: test\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: " + (MAX_MB + 2) * 1024 * 1024
          + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      socket.setSoTimeout(20_000);
      var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), java.nio.charset.StandardCharsets.ISO_8859_1));
      assertThat(in.readLine()).startsWith("HTTP/1.1 413");
      List<String> headers = new java.util.ArrayList<>();
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        headers.add(line.toLowerCase());
      }
      assertThat(headers).anySatisfy(h -> assertThat(h).startsWith("content-type: application/problem+json"));
    }
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void anotherCitysAccountsNeitherReadNorAttach() {
    String s = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    String jnUnit = "jn" + s;
    Db.exec("insert into unit (code, name, region_code, parent_code, created_at) values (?, '济南市中级人民法院', '370100', 'fy', now())", jnUnit);
    String qdUnit = "qd" + s;
    Db.exec("insert into unit (code, name, region_code, created_at) values (?, '青岛市中级人民法院', '370200', now())", qdUnit);
    String jnReporter = Accounts.reporter(jnUnit);
    String qdReporter = Accounts.reporter(qdUnit);
    String jnOffice = Accounts.business("OFFICE");
    String qdOffice = Accounts.business("OFFICE");
    Db.exec("update app_user set region_code = '370100' where username in (?, ?)", jnOffice, jnReporter);
    Db.exec("update app_user set region_code = '370200' where username in (?, ?)", qdOffice, qdReporter);
    String measure = Api.createMeasure("fy");
    String task = as("office").body("{\"region\":\"370100\",\"unit\":\"" + jnUnit + "\",\"deadline\":\"2021-10-01\"}")
        .post("/api/v1/measures/" + measure + "/tasks").then().statusCode(201).extract().path("code");
    long report = ((Number) as(jnReporter).body("{\"progress\":10,\"publicSummary\":\"推进中\"}").post("/api/v1/tasks/" + task + "/reports")
        .then().statusCode(201).extract().path("id")).longValue();
    long file = ((Number) upload(jnReporter, report, "济南.pdf", EvidenceSamples.pdf()).statusCode(201).extract().path("id")).longValue();

    assertThat(download(jnOffice, file)).isEqualTo(EvidenceSamples.pdf());
    download("office", file);
    Map<String, Long> before = stored();
    for (String stranger : List.of(qdOffice, qdReporter, "reporter-gat")) {
      multipart(stranger).get("/api/v1/files/" + file).then().statusCode(404).contentType("application/problem+json");
      multipart(stranger).get("/api/v1/reports/" + report + "/files").then().statusCode(404);
      upload(stranger, report, "x.pdf", EvidenceSamples.pdf()).statusCode(404);
      multipart(stranger).delete("/api/v1/files/" + file).then().statusCode(404);
    }
    as(qdOffice).body("{\"public\":true}").patch("/api/v1/files/" + file).then().statusCode(404);
    // those who read it but may not change it
    upload("leader", report, "x.pdf", EvidenceSamples.pdf()).statusCode(403);
    upload("admin", report, "x.pdf", EvidenceSamples.pdf()).statusCode(403);
    multipart("admin").get("/api/v1/files/" + file).then().statusCode(403);
    given().get("/api/v1/files/" + file).then().statusCode(401);
    given().get("/api/v1/public/files/" + file).then().statusCode(404);
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void aReviewedReportTakesNoMoreFilesAndADeletedFileLeavesNoLargeObject() {
    String code = Api.createMeasure("fy");
    long report = report("reporter-fy", code);
    long kept = ((Number) upload("reporter-fy", report, "a.pdf", EvidenceSamples.pdf()).statusCode(201).extract().path("id")).longValue();
    long gone = ((Number) upload("reporter-fy", report, "b.png", EvidenceSamples.png()).statusCode(201).extract().path("id")).longValue();
    long objects = Db.scalar("select count(*) from pg_largeobject_metadata");
    multipart("reporter-fy").delete("/api/v1/files/" + gone).then().statusCode(204);
    assertThat(Db.scalar("select count(*) from pg_largeobject_metadata")).isEqualTo(objects - 1);
    multipart("office").get("/api/v1/files/" + gone).then().statusCode(404);

    as("office").post("/api/v1/reports/" + report + "/accept").then().statusCode(200);
    upload("reporter-fy", report, "late.pdf", EvidenceSamples.pdf()).statusCode(409);
    multipart("reporter-fy").delete("/api/v1/files/" + kept).then().statusCode(409);
    assertThat(download("reporter-fy", kept)).isEqualTo(EvidenceSamples.pdf());

    // the report deleted (only the database's owner can): its files and their bytes go with it
    long before = Db.scalar("select count(*) from pg_largeobject_metadata");
    Db.exec("delete from progress_report where id = ?", report);
    assertThat(Db.scalar("select count(*) from evidence_file where owner_kind = 'REPORT' and owner_id = ?", report)).isZero();
    assertThat(Db.scalar("select count(*) from pg_largeobject_metadata")).isEqualTo(before - 1);
  }

  @Test
  void aPublishedPhotoIsServedWithoutItsExifGpsAndAnUnpublishedFileIsNotPublic() throws Exception {
    long report = report("reporter-fy", Api.createMeasure("fy"));
    byte[] photo = EvidenceSamples.jpegWithGps();
    assertThat(contains(photo, "Exif\0\0")).isTrue();
    assertThat(hasExif(photo)).isTrue();
    long id = ((Number) upload("reporter-fy", report, "现场.jpg", photo).statusCode(201).extract().path("id")).longValue();
    long pdf = ((Number) upload("reporter-fy", report, "a.pdf", EvidenceSamples.pdf()).statusCode(201).extract().path("id")).longValue();
    long png = ((Number) upload("reporter-fy", report, "b.png", EvidenceSamples.pngWithText()).statusCode(201).extract().path("id")).longValue();

    given().get("/api/v1/public/files/" + id).then().statusCode(404).contentType("application/problem+json");
    as("reporter-fy").body("{\"public\":true}").patch("/api/v1/files/" + id).then().statusCode(403);
    as("office").body("{\"public\":true}").patch("/api/v1/files/" + pdf).then().statusCode(409);
    as("office").body("{}").patch("/api/v1/files/" + id).then().statusCode(400);
    as("office").body("{\"public\":true}").patch("/api/v1/files/" + id).then().statusCode(200)
        .body("public", equalTo(true)).body("publicHref", equalTo("/api/v1/public/files/" + id));

    byte[] published = given().get("/api/v1/public/files/" + id).then().statusCode(200)
        .header("Content-Type", "image/jpeg").header("X-Content-Type-Options", "nosniff")
        .header("Access-Control-Allow-Origin", "*")
        .extract().asByteArray();
    assertThat(contains(published, "Exif")).isFalse();
    assertThat(contains(published, "Zhang San")).isFalse();
    assertThat(hasExif(published)).isFalse();
    assertThat(ImageIO.read(new ByteArrayInputStream(published)).getWidth()).isEqualTo(16);
    assertThat(download("office", id)).isEqualTo(photo); // the staff keep the original

    as("office").body("{\"public\":true}").patch("/api/v1/files/" + png).then().statusCode(200);
    byte[] publishedPng = given().get("/api/v1/public/files/" + png).then().statusCode(200).extract().asByteArray();
    assertThat(contains(EvidenceSamples.pngWithText(), "Zhang San")).isTrue();
    assertThat(contains(publishedPng, "Zhang San")).isFalse();
    assertThat(ImageIO.read(new ByteArrayInputStream(publishedPng)).getWidth()).isEqualTo(16);

    long objects = Db.scalar("select count(*) from pg_largeobject_metadata");
    as("office").body("{\"public\":false}").patch("/api/v1/files/" + id).then().statusCode(200).body("public", equalTo(false));
    given().get("/api/v1/public/files/" + id).then().statusCode(404);
    assertThat(Db.scalar("select count(*) from pg_largeobject_metadata")).isEqualTo(objects - 1);
    assertThat(Db.scalar("select count(*) from journal_entry where entity = 'FILE' and entity_key = ? and action = 'PUBLISH'", String.valueOf(id)))
        .isEqualTo(2);
  }

  @Test
  void onTheMeasurePageAReporterUploadsToItsPendingReportAndEveryReaderSeesNameSizeAndSha256() {
    String code = Api.createMeasure("fy");
    long report = report("reporter-fy", code);
    String session = org.duban.support.Pages.session("reporter-fy");
    String page = org.duban.support.Pages.page(session).get("/staff/measures/" + code).then().statusCode(200).extract().asString();
    assertThat(page).contains("action=\"/staff/reports/" + report + "/files\"", "enctype=\"multipart/form-data\"", "for=\"file-" + report + "\"");
    String csrf = org.duban.support.Pages.csrf(session, "/staff/measures/" + code);
    org.duban.support.Pages.page(session).config(UTF8).multiPart("csrf", csrf).multiPart("file", "现场照片.png", EvidenceSamples.png(), "image/png")
        .post("/staff/reports/" + report + "/files").then().statusCode(303)
        .header("Location", containsString("/staff/measures/" + code + "?done=file"));
    // a wrong type: the page again, with the reason and the refusal's status; nothing stored
    Map<String, Long> before = stored();
    String refused = org.duban.support.Pages.page(session).multiPart("csrf", csrf).multiPart("file", "a.pdf", "text".getBytes(), "application/pdf")
        .post("/staff/reports/" + report + "/files").then().statusCode(415).extract().asString();
    assertThat(refused).contains("PDF、JPEG、PNG、DOCX 或 XLSX");
    assertThat(stored()).isEqualTo(before);
    // without the token: refused
    org.duban.support.Pages.page(session).multiPart("csrf", "forged").multiPart("file", "b.png", EvidenceSamples.png(), "image/png")
        .post("/staff/reports/" + report + "/files").then().statusCode(403);
    assertThat(stored()).isEqualTo(before);

    String leader = org.duban.support.Pages.session("leader");
    String seen = org.duban.support.Pages.page(leader).get("/staff/measures/" + code).then().statusCode(200).extract().asString();
    assertThat(seen).contains("现场照片.png", sha256(EvidenceSamples.png())).doesNotContain("action=\"/staff/reports/" + report + "/files\"");
    long id = ((Number) multipart("office").get("/api/v1/reports/" + report + "/files").then().extract().path("[0].id")).longValue();
    assertThat(seen).contains("href=\"/staff/files/" + id + "\"");
    assertThat(org.duban.support.Pages.page(leader).get("/staff/files/" + id).then().statusCode(200).extract().asByteArray())
        .isEqualTo(EvidenceSamples.png());
    org.duban.support.Pages.page(org.duban.support.Pages.session("reporter-gat")).get("/staff/files/" + id).then().statusCode(404);
  }

  /** Whether ImageIO finds an APP1 (Exif) segment in the JPEG's metadata. */
  static boolean hasExif(byte[] jpeg) throws Exception {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
      ImageReader reader = ImageIO.getImageReaders(in).next();
      reader.setInput(in);
      Node root = reader.getImageMetadata(0).getAsTree("javax_imageio_jpeg_image_1.0");
      return find(root);
    }
  }

  private static boolean find(Node node) {
    if ("unknown".equals(node.getNodeName()) && node.getAttributes() != null
        && node.getAttributes().getNamedItem("MarkerTag") != null
        && "225".equals(node.getAttributes().getNamedItem("MarkerTag").getNodeValue())) {
      return true;
    }
    for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (find(c)) {
        return true;
      }
    }
    return false;
  }
}
