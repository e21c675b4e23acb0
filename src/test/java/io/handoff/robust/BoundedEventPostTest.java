package io.handoff.robust;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 15, item 10: a journey that does not record an event (here: no worker polls its task queue) answers
 * the POST with a 503 problem+json and Retry-After within {@code handoff.temporal.update-timeout}, never a hang.
 */
@QuarkusTest
@TestProfile(BoundedEventPostTest.NoWorker.class)
@Timeout(180)
class BoundedEventPostTest {

  /** No journey worker, a 2 s update timeout, no restore (the test database is shared by profiles). */
  public static class NoWorker implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("handoff.temporal.worker-enabled", "false", "handoff.temporal.update-timeout", "2s",
          "handoff.restore.enabled", "false");
    }
  }

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
