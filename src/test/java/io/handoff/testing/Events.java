package io.handoff.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;

/** Posts events through the public REST API in @QuarkusTests. */
public final class Events {
  private Events() {}

  /** Posts one event and returns the journey id from the 202. */
  public static String post(String conversationId, String body) {
    return given().contentType(ContentType.JSON).body(body)
        .when().post("/api/conversations/{id}/events", conversationId)
        .then().statusCode(202).extract().path("journeyId");
  }
}
