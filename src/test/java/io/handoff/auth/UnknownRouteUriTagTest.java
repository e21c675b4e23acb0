package io.handoff.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Requests to random paths, with and without credentials (answered 401, 403 or 404), do not each add a
 * {@code uri} tag value to {@code http_server_requests_seconds}: unknown routes share one value, known
 * routes keep their templates.
 */
@QuarkusTest
@TestProfile(ApiKeyAccessTest.ApiKeyMode.class)
@Timeout(120)
class UnknownRouteUriTagTest {
  private static final Pattern URI = Pattern.compile("^http_server_requests_seconds_count\\{[^}]*uri=\"([^\"]*)\"");

  @Test
  void randomPathsCollapseIntoOneUriTagAndKnownRoutesKeepTheirTemplate() {
    for (int i = 0; i < 50; i++) {
      String r = UUID.randomUUID().toString().substring(0, 8);
      String path = switch (i % 5) {
        case 0 -> "/api/x-" + r;
        case 1 -> "/api/journeys/" + r + "/nothing/" + r;
        case 2 -> "/x-" + r;
        case 3 -> "/q/x-" + r;
        default -> "/dashboard/x-" + r + "/y";
      };
      given().when().get(path).then().statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
      given().header("Authorization", "Bearer " + ApiKeyAccessTest.BOOTSTRAP).when().get(path)
          .then().statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
      given().header("X-API-Key", "wrong-" + r).when().get(path)
          .then().statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
    }
    given().header("Authorization", "Bearer " + ApiKeyAccessTest.BOOTSTRAP)
        .when().get("/api/journeys/journey-no-such-" + UUID.randomUUID()).then().statusCode(404);

    String body = given().header("Authorization", "Bearer " + ApiKeyAccessTest.BOOTSTRAP)
        .when().get("/q/metrics").then().statusCode(200).extract().asString();
    Set<String> uris = new TreeSet<>();
    body.lines().map(URI::matcher).filter(Matcher::find).forEach(m -> uris.add(m.group(1)));
    // Without the filter each of the 150 random requests leaves its own value; the registry is shared with the
    // other tests of this profile, so the known routes they called are there too (about 15 of them).
    assertThat(uris).as("uri tag values").noneMatch(u -> u.contains("x-") || u.contains("nothing"))
        .hasSizeLessThan(40).contains("/api/journeys/{journeyId}", "UNKNOWN");
  }
}
