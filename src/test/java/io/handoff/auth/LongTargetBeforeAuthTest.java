package io.handoff.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.testing.hostile.HostileRequest;
import io.handoff.testing.hostile.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * In api-key mode an over-long request target is refused with the 414 problem+json before credentials are
 * looked at: no key, a wrong key and the admin key get the same answer, and no refused credential is counted.
 */
@QuarkusTest
@TestProfile(ApiKeyAccessTest.ApiKeyMode.class)
@Timeout(120)
class LongTargetBeforeAuthTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void anOverLongTargetIs414ProblemJsonWhateverTheCredentials() throws Exception {
    String target = "/api/journeys/journey-" + "a".repeat(10_000);
    for (Map<String, String> credentials : java.util.List.of(Map.<String, String>of(),
        Map.of("X-API-Key", "wrong-key"), Map.of("Authorization", "Bearer " + ApiKeyAccessTest.BOOTSTRAP))) {
      RawHttp.Answer a = RawHttp.send(RestAssured.port, new HostileRequest("long target", "GET", target,
          credentials, new byte[0], true));
      assertThat(a.status()).as("%s: %s", credentials.keySet(), a.body()).isEqualTo(414);
      assertThat(a.contentType()).startsWith("application/problem+json");
      assertThat(JSON.readTree(a.body()).path("detail").asText()).contains("the limit is 8192 characters");
    }
    // The profile does ask for credentials on a normal path.
    given().get("/api/journeys").then().statusCode(401);
  }
}
