package io.handoff.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The service on PostgreSQL, as in production: runs when HANDOFF_TEST_PG_URL names a server. */
@QuarkusTest
@TestProfile(PostgresJourneyApiTest.Pg.class)
@EnabledIfEnvironmentVariable(named = "HANDOFF_TEST_PG_URL", matches = ".+")
@Timeout(120)
class PostgresJourneyApiTest {

  /** Activates the PostgreSQL datasource on a schema of its own. */
  public static class Pg implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      String url = System.getenv("HANDOFF_TEST_PG_URL");
      if (url == null) {
        // Quarkus may read every test profile while ordering test classes, also when this test is disabled.
        return Map.of();
      }
      String schema = "handoff_it_" + UUID.randomUUID().toString().substring(0, 8);
      return Map.of(
          "quarkus.datasource.\"h2\".active", "false",
          "quarkus.datasource.\"postgresql\".active", "true",
          "quarkus.datasource.\"postgresql\".jdbc.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
          "quarkus.flyway.\"postgresql\".schemas", schema,
          "quarkus.flyway.\"postgresql\".create-schemas", "true");
    }
  }

  @Test
  void aJourneyIsIndexedInPostgres() {
    String id = "pg-" + UUID.randomUUID();
    JourneyApiTest.post(id, "{\"type\":\"conversation.started\",\"channel\":\"email\"}");
    JourneyApiTest.post(id, "{\"type\":\"message.received\",\"text\":\"where is my parcel?\"}");
    Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        given().queryParam("channel", "email").when().get("/api/journeys").then().statusCode(200)
            .body("items.journeyId", hasItem("journey-" + id)));
    given().when().get("/api/journeys/journey-{id}", id).then().statusCode(200)
        .body("timeline.text", hasItem("where is my parcel?"));
    given().when().get("/q/health/ready").then().statusCode(200)
        .body("checks.find { it.name == 'Database connections health check' }.data.postgresql", equalTo("UP"));
  }
}
