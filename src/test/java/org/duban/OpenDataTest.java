package org.duban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Api.anonymous;
import static org.duban.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.duban.support.Api;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The public catalogue as CSV and the public timeline as Atom, with nothing internal in them. */
@QuarkusTest
class OpenDataTest {

  static final String ATOM = "http://www.w3.org/2005/Atom";

  @Test
  void theCatalogueCsvHasABomAndEveryMeasure() {
    byte[] body = anonymous().get("/api/v1/public/measures.csv").then().statusCode(200).contentType("text/csv").extract().asByteArray();
    String text = new String(body, StandardCharsets.UTF_8);
    assertThat(text).startsWith("\ufeffcode,area,title,summary,leadUnit");
    assertThat(text).contains("B01,BUSINESS,建立政法领导干部联系服务重大项目制度");
    long total = anonymous().get("/api/v1/public/summary").then().extract().jsonPath().getLong("total");
    assertThat(text.lines().count()).isGreaterThanOrEqualTo(total + 1);
  }

  @Test
  void theCatalogueCsvRunsNoFormulaInASpreadsheet() {
    String code = Api.newCode();
    as("office").body("""
        {"code":"%s","area":"JUSTICE","title":"=HYPERLINK(1) 公开标题","summary":"-1 公开摘要","leadUnit":"fy","startDate":"2021-05-14","deadline":"2021-12-31"}
        """.formatted(code)).post("/api/v1/measures").then().statusCode(201);
    String text = new String(anonymous().get("/api/v1/public/measures.csv").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
    assertThat(text.lines().filter(l -> l.startsWith(code + ","))).singleElement()
        .satisfies(l -> assertThat(l).startsWith(code + ",JUSTICE,'=HYPERLINK(1) 公开标题,'-1 公开摘要,fy,"));
  }

  @Test
  void theFeedParsesWhateverControlCharactersAPublicTextHolds() throws Exception {
    String code = Api.createMeasure("gat");
    // JSON carries them escaped; PostgreSQL keeps every one but NUL; XML 1.0 allows none of them
    int id = as("reporter-gat").body("{\"progress\":30,\"publicSummary\":\"响铃\\u0007垂直制表\\u000b换页\\u000c非字符\\ufffe结束\"}")
        .post("/api/v1/measures/" + code + "/reports").then().statusCode(201).extract().path("id");
    as("office").post("/api/v1/reports/" + id + "/accept").then().statusCode(200);
    as("office").body("{\"newDeadline\":\"2022-02-28\",\"reason\":\"原因\\u0001\\u001f\\uffff照旧\"}")
        .post("/api/v1/measures/" + code + "/postponements").then().statusCode(200);

    byte[] body = anonymous().get("/api/v1/public/feed.atom").then().statusCode(200).extract().asByteArray();
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    NodeList entries = doc.getDocumentElement().getElementsByTagNameNS(ATOM, "entry");
    java.util.List<String> summaries = new java.util.ArrayList<>();
    for (int i = 0; i < entries.getLength(); i++) {
      Element e = (Element) entries.item(i);
      if (e.getElementsByTagNameNS(ATOM, "title").item(0).getTextContent().startsWith(code + " ")) {
        summaries.add(e.getElementsByTagNameNS(ATOM, "summary").item(0).getTextContent());
      }
    }
    assertThat(summaries).hasSize(2).anySatisfy(s -> assertThat(s).startsWith("响铃垂直制表换页非字符结束"))
        .anySatisfy(s -> assertThat(s).startsWith("原因照旧"));
  }

  @Test
  void theFeedIsAtomWithOneEntryPerPublicEventAndNoInternalText() throws Exception {
    String code = Api.createMeasure("gat");
    int id = as("reporter-gat").body("{\"progress\":30,\"narrative\":\"内部叙述-勿公开\",\"publicSummary\":\"完成首批整治\"}")
        .post("/api/v1/measures/" + code + "/reports").then().statusCode(201).extract().path("id");
    as("office").post("/api/v1/reports/" + id + "/accept").then().statusCode(200);
    as("office").body("{\"newDeadline\":\"2022-02-28\",\"reason\":\"范围扩大\"}").post("/api/v1/measures/" + code + "/postponements").then().statusCode(200);

    byte[] body = anonymous().get("/api/v1/public/feed.atom").then().statusCode(200).contentType("application/atom+xml").extract().asByteArray();
    String text = new String(body, StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("内部叙述").doesNotContain("reporter-gat").doesNotContain("office");
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    Element feed = doc.getDocumentElement();
    assertThat(feed.getLocalName()).isEqualTo("feed");
    assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
    for (String required : new String[] {"id", "title", "updated", "author"}) {
      assertThat(feed.getElementsByTagNameNS(ATOM, required).getLength()).as(required).isPositive();
    }
    NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
    int mine = 0;
    for (int i = 0; i < entries.getLength(); i++) {
      Element e = (Element) entries.item(i);
      for (String required : new String[] {"id", "title", "updated"}) {
        assertThat(e.getElementsByTagNameNS(ATOM, required).getLength()).isEqualTo(1);
      }
      java.time.Instant.parse(e.getElementsByTagNameNS(ATOM, "updated").item(0).getTextContent());
      if (e.getElementsByTagNameNS(ATOM, "title").item(0).getTextContent().startsWith(code + " ")) {
        mine++;
      }
    }
    assertThat(mine).isEqualTo(2); // the accepted report and the postponement
    assertThat(text).contains("完成首批整治").contains("范围扩大");
  }
}
