package io.handoff.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Refused API keys are throttled per client: after the allowed refusals, 429 problem+json with
 * Retry-After; API-key names cannot carry line breaks into the logs.
 */
@QuarkusTest
@TestProfile(FailedAttemptsTest.Throttled.class)
class FailedAttemptsTest {

  public static class Throttled implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("handoff.auth.mode", "api-key",
          "handoff.auth.bootstrap-key-sha256", ApiKeyTokens.sha256(ApiKeyAccessTest.BOOTSTRAP),
          "handoff.auth.failed-attempts-allowed", "3");
    }
  }

  @Test
  void aClientThatKeepsPresentingWrongKeysIsAnswered429WithRetryAfter() {
    // the name check first, with the valid key, before this client is throttled
    given().header("Authorization", "Bearer " + ApiKeyAccessTest.BOOTSTRAP).contentType("application/json")
        .body("{\"name\": \"ci\\nINFO forged log line\", \"scope\": \"read\"}")
        .when().post("/api/admin/api-keys").then().statusCode(400)
        .contentType("application/problem+json").body("field", equalTo("name"));
    for (int i = 0; i < 3; i++) {
      given().header("Authorization", "Bearer hk_wrong_" + i).when().get("/api/journeys").then().statusCode(401);
    }
    given().header("Authorization", "Bearer hk_wrong_4").when().get("/api/journeys").then().statusCode(401);
    given().header("Authorization", "Bearer hk_wrong_5").when().get("/api/journeys").then().statusCode(429)
        .contentType("application/problem+json").header("Retry-After", notNullValue())
        .body("type", equalTo("https://handoff.dev/problems/too-many-failed-attempts"));
  }

  @Test
  void theWaitDoublesAndEnds() {
    Instant[] now = {Instant.parse("2026-01-01T00:00:00Z")};
    Clock clock = new Clock() {
      public ZoneOffset getZone() { return ZoneOffset.UTC; }
      public Clock withZone(java.time.ZoneId z) { return this; }
      public Instant instant() { return now[0]; }
    };
    FailedAttempts f = new FailedAttempts(2, clock);
    f.refused("c");
    f.refused("c");
    assertThat(f.waitFor("c")).isZero();
    f.refused("c");
    assertThat(f.waitFor("c")).isEqualTo(Duration.ofSeconds(1));
    f.refused("c");
    assertThat(f.waitFor("c")).isEqualTo(Duration.ofSeconds(2));
    assertThat(f.waitFor("other")).isZero();
    now[0] = now[0].plusSeconds(3);
    assertThat(f.waitFor("c")).isZero();
    now[0] = now[0].plus(Duration.ofMinutes(20));
    f.refused("c");
    assertThat(f.waitFor("c")).as("forgotten after 15 minutes").isZero();
  }
}
