package io.handoff.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 15, item 10: a journey that does not record an event (here: no worker polls its task queue) answers
 * the POST with a 503 problem+json and Retry-After within {@code handoff.temporal.update-timeout}, never a hang.
 */
@QuarkusTest
@TestProfile(JourneyViewFallbackTest.NoWorker.class)
@Timeout(180)
class BoundedEventPostTest {

  @Test
  void anEventItsJourneyDoesNotRecordIsA503WithRetryAfterInBoundedTime() {
    String id = "stuck-" + UUID.randomUUID();
    long began = System.nanoTime();
    Response r = given().contentType(ContentType.JSON).header("Idempotency-Key", "s-1")
        .body("{\"type\":\"message.received\",\"channel\":\"whatsapp\",\"text\":\"hello?\"}")
        .when().post("/api/conversations/{id}/events", id);
    long seconds = java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began);
    r.then().statusCode(503).contentType("application/problem+json").body("status", equalTo(503))
        .body("title", equalTo("Journey busy"));
    assertThat(r.header("Retry-After")).isEqualTo("2");
    assertThat(seconds).isLessThan(30);
    // The retry with the same key is bounded the same way (and counts once when the journey answers).
    given().contentType(ContentType.JSON).header("Idempotency-Key", "s-1")
        .body("{\"type\":\"message.received\",\"channel\":\"whatsapp\",\"text\":\"hello?\"}")
        .when().post("/api/conversations/{id}/events", id).then().statusCode(503);
  }
}
