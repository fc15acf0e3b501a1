package org.duban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Api.anonymous;
import static org.duban.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.duban.support.EmbeddedPostgresResource;
import org.duban.support.MailServerResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(MailServerResource.class)
class CatalogueAndAccountsTest {

  @Test
  void theDemoCatalogueHoldsEveryMeasureTheTranscriptNames() {
    JsonPath page =
        as("office").queryParam("size", 100).get("/api/v1/measures").then().statusCode(200).extract().jsonPath();
    List<String> codes = page.getList("items.code");
    assertThat(codes).contains("B01", "B02", "S01", "S08", "J01", "J08");
    assertThat(codes.stream().filter(c -> c.matches("B0\\d"))).hasSize(2);
    assertThat(codes.stream().filter(c -> c.matches("S0\\d"))).hasSize(8);
    assertThat(codes.stream().filter(c -> c.matches("J0\\d"))).hasSize(8);
  }

  @Test
  void measuresAreCodedInTheOrderTheTranscriptNamesThem() {
    assertThat(title("B01")).isEqualTo("建立政法领导干部联系服务重大项目制度");
    assertThat(title("B02")).isEqualTo("提高诉讼网上立案效率");
    assertThat(title("S01")).isEqualTo("扫黑除恶斗争长效常治");
    assertThat(title("S05")).isEqualTo("开展打击治理电信网络诈骗新型违法犯罪攻坚战");
    assertThat(title("J04")).isEqualTo("创新破解执行难工作模式");
    assertThat(title("J08")).isEqualTo("开展行政复议“质量提升年”活动");
  }

  @Test
  void theDatedTargetsOfTheAnswersAreMilestonesAndTargets() {
    JsonPath b02 = as("office").get("/api/v1/measures/B02").then().statusCode(200).extract().jsonPath();
    assertThat(b02.getString("sourceQuote")).contains("3天内必须立案审核完毕");
    assertThat(b02.getList("targets.targetValue")).containsExactly(3, 30);

    JsonPath j04 = as("office").get("/api/v1/measures/J04").then().statusCode(200).extract().jsonPath();
    List<Map<String, Object>> milestones = j04.getList("milestones");
    assertThat(milestones)
        .anySatisfy(
            m -> {
              assertThat((String) m.get("title")).contains("6个月");
              assertThat(m.get("dueDate")).isEqualTo("2021-09-30");
              assertThat((String) m.get("assumption")).contains("31 March 2021");
            });

    JsonPath j05 = as("office").get("/api/v1/measures/J05").then().statusCode(200).extract().jsonPath();
    assertThat(j05.getList("targets"))
        .anySatisfy(t -> assertThat(((Map<?, ?>) t).get("dueDate")).isEqualTo("2021-12-31"));
    assertThat(j05.getInt("targets[0].targetValue")).isEqualTo(1400);
    assertThat(j05.getList("milestones.title", String.class)).anyMatch(t -> t.contains("一站式"));
  }

  @Test
  void inferredLeadUnitsAndAssumptionsAreMarked() {
    JsonPath b01 = as("office").get("/api/v1/measures/B01").then().statusCode(200).extract().jsonPath();
    assertThat(b01.getBoolean("leadUnitInferred")).isTrue();
    assertThat(b01.getString("leadUnit.code")).isEqualTo("zfw");
    assertThat(b01.getList("assumptions", String.class)).anyMatch(a -> a.startsWith("deadline:"));
    JsonPath j08 = as("office").get("/api/v1/measures/J08").then().statusCode(200).extract().jsonPath();
    assertThat(j08.getBoolean("leadUnitInferred")).isFalse();
    assertThat(j08.getString("leadUnit.name")).isEqualTo("省司法厅");
  }

  @Test
  void theContractUnitsAndDemoAccountsExist() {
    List<String> units =
        as("admin").get("/api/v1/units").then().statusCode(200).extract().jsonPath().getList("code");
    assertThat(units).contains("zfw", "fy", "jcy", "gat", "sft");
    List<String> users =
        as("admin").queryParam("size", 100).get("/api/v1/users").then().statusCode(200).extract().jsonPath().getList("items.username");
    assertThat(users)
        .contains("office", "leader", "auditor", "reporter-zfw", "reporter-fy", "reporter-jcy", "reporter-gat", "reporter-sft");
    as("leader").get("/api/v1/measures/B01").then().statusCode(200).body("code", equalTo("B01"));
  }

  @Test
  void withoutCredentialsTheStaffApiAnswers401Problem() {
    anonymous()
        .get("/api/v1/measures")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic"))
        .body("status", equalTo(401));
  }

  @Test
  void aWrongPasswordIs401() {
    io.restassured.RestAssured.given()
        .auth().preemptive().basic("office", "wrong-password")
        .get("/api/v1/measures")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  private static String title(String code) {
    return as("office").get("/api/v1/measures/" + code).then().statusCode(200).extract().path("title");
  }
}
