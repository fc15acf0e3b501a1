package org.duban.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.concurrent.atomic.AtomicInteger;

/** Small factories for requests and test data. */
public final class Api {
  public static final String PASSWORD = "test-Passw0rd!";
  private static final AtomicInteger SEQ = new AtomicInteger();

  private Api() {}

  /** JSON and problem+json are UTF-8 (RFC 8259), whatever the Content-Type says or omits. */
  private static final io.restassured.config.RestAssuredConfig UTF8 =
      io.restassured.config.RestAssuredConfig.config()
          .decoderConfig(io.restassured.config.DecoderConfig.decoderConfig().defaultContentCharset("UTF-8"))
          .encoderConfig(io.restassured.config.EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

  public static RequestSpecification as(String user) {
    return given().config(UTF8).auth().preemptive().basic(user, PASSWORD).contentType(ContentType.JSON);
  }

  public static RequestSpecification anonymous() {
    return given().config(UTF8).contentType(ContentType.JSON);
  }

  /** A fresh measure code no other test uses. */
  public static String newCode() {
    return "T" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase() + SEQ.incrementAndGet();
  }

  public static String measureJson(String code, String lead, String coUnits) {
    return """
        {"code":"%s","area":"JUSTICE","title":"测试事项 %s","summary":"公开摘要",
         "leadUnit":"%s","coUnits":%s,"startDate":"2021-05-14","deadline":"2021-12-31"}
        """
        .formatted(code, code, lead, coUnits);
  }

  /** Creates a measure as the office and returns its code. */
  public static String createMeasure(String lead, String... coUnits) {
    String code = newCode();
    StringBuilder co = new StringBuilder("[");
    for (int i = 0; i < coUnits.length; i++) {
      co.append(i == 0 ? "" : ",").append('"').append(coUnits[i]).append('"');
    }
    co.append(']');
    as("office").body(measureJson(code, lead, co.toString())).post("/api/v1/measures").then().statusCode(201);
    return code;
  }
}
