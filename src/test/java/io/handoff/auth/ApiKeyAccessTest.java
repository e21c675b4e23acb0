package io.handoff.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The service in api-key mode: every scope rule of README "Access control", through real HTTP. */
@QuarkusTest
@TestProfile(ApiKeyAccessTest.ApiKeyMode.class)
@Timeout(120)
class ApiKeyAccessTest {
  static final String BOOTSTRAP = "bootstrap-admin-key-for-tests-only-0123456789";
  static final String SUNSHINE_SECRET = "test-sunshine-secret";
  static final String EVENT = "{\"type\":\"conversation.started\",\"channel\":\"email\"}";

  /**
   * api-key mode with a bootstrap admin key (stored as its SHA-256), protected metrics and a metrics
   * token file that does not exist before the service starts.
   */
  public static class ApiKeyMode implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("handoff.auth.mode", "api-key",
          "handoff.auth.bootstrap-key-sha256", ApiKeyTokens.sha256(BOOTSTRAP),
          "handoff.auth.metrics-public", "false",
          "handoff.auth.metrics-token-file", metricsTokenFile().toString());
    }
  }

  /** One fresh path per JVM (the profile and the test may be loaded by different class loaders). */
  static synchronized Path metricsTokenFile() {
    String shared = System.getProperty("api-key-access-test.metrics-token");
    if (shared == null) {
      try {
        shared = Files.createTempDirectory("handoff-auth-").resolve("prometheus").resolve("metrics-token").toString();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      System.setProperty("api-key-access-test.metrics-token", shared);
    }
    return Path.of(shared);
  }

  static RequestSpecification bearer(String key) {
    return given().header("Authorization", "Bearer " + key);
  }

  /** Creates a key through the admin API with the bootstrap key and returns the key string. */
  static String createKey(String scope) {
    return bearer(BOOTSTRAP).contentType(ContentType.JSON)
        .body("{\"name\":\"test " + scope + "\",\"scope\":\"" + scope + "\"}")
        .when().post("/api/admin/api-keys").then().statusCode(201)
        .body("scope", equalTo(scope)).extract().path("key");
  }

  static String conversation() {
    return "auth-" + UUID.randomUUID();
  }

  @Test
  void withoutCredentialsTheApiIs401NamingTheScopeNeeded() {
    given().when().get("/api/journeys").then().statusCode(401).contentType("application/problem+json")
        .header("WWW-Authenticate", containsString("Bearer")).body("requiredScope", equalTo("read"))
        .body("detail", containsString("API key"));
    given().contentType(ContentType.JSON).body(EVENT).when().post("/api/conversations/{id}/events", conversation())
        .then().statusCode(401).body("requiredScope", equalTo("write"));
    given().when().get("/api/admin/api-keys").then().statusCode(401).body("requiredScope", equalTo("admin"));
  }

  @Test
  void aWrongKeyIs401AndIsNotLogged() {
    List<LogRecord> logged = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord r) {
        logged.add(r);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    java.util.logging.Logger log = java.util.logging.Logger.getLogger(ApiKeyIdentityProvider.class.getName());
    log.addHandler(capture);
    try {
      String real = createKey("read");
      String forged = real.substring(0, real.length() - 6) + "AAAAAA";
      bearer(forged).when().get("/api/journeys").then().statusCode(401).contentType("application/problem+json")
          .body("detail", containsString("not valid")).body("detail", not(containsString(forged)));
      given().header("X-API-Key", "no-such-key-at-all").when().get("/api/journeys").then().statusCode(401);
    } finally {
      log.removeHandler(capture);
    }
    assertThat(logged).hasSizeGreaterThanOrEqualTo(2);
    assertThat(logged).allSatisfy(r -> {
      String text = r.getMessage() + " " + java.util.Arrays.toString(r.getParameters());
      assertThat(text).doesNotContain("AAAAAA").doesNotContain("no-such-key-at-all");
    });
  }

  @Test
  void aReadKeyCanGetButNotPost() {
    String read = createKey("read");
    bearer(read).when().get("/api/journeys").then().statusCode(200);
    given().header("X-API-Key", read).when().get("/api/journeys").then().statusCode(200);
    bearer(read).contentType(ContentType.JSON).body(EVENT).when()
        .post("/api/conversations/{id}/events", conversation()).then().statusCode(403)
        .contentType("application/problem+json").body("requiredScope", equalTo("write"))
        .body("grantedScopes", equalTo(List.of("metrics", "read"))).body("detail", containsString("write scope"));
  }

  @Test
  void aWriteKeyCanPostEventsButNotDryRunRules() {
    String write = createKey("write");
    String id = conversation();
    bearer(write).contentType(ContentType.JSON).body(EVENT).when().post("/api/conversations/{id}/events", id)
        .then().statusCode(202).body("journeyId", equalTo("journey-" + id));
    bearer(write).when().get("/api/journeys/journey-{id}", id).then().statusCode(200);
    bearer(write).contentType("application/x-ndjson").body("\n".getBytes(StandardCharsets.UTF_8))
        .when().post("/api/rules/dry-run").then().statusCode(403).body("requiredScope", equalTo("admin"));
    bearer(write).when().get("/api/admin/api-keys").then().statusCode(403).body("requiredScope", equalTo("admin"));
  }

  @Test
  void anAdminKeyCanDryRunRules() {
    String admin = createKey("admin");
    String events = "{\"id\": \"m1\", \"kind\": \"messaging\", \"facts\": {\"conversationId\": \"" + conversation()
        + "\", \"event\": \"message_sent\", \"at\": \"2026-11-24T10:00:20Z\", \"sender\": \"customer\","
        + " \"pageUrl\": \"https://shop.example/pricing\", \"message\": \"How much is it?\"}}\n";
    bearer(admin).contentType("application/x-ndjson").body(events.getBytes(StandardCharsets.UTF_8))
        .when().post("/api/rules/dry-run").then().statusCode(200).body("events", equalTo(1));
  }

  @Test
  void aRevokedKeyIs401AtOnce() {
    String read = createKey("read");
    bearer(read).when().get("/api/journeys").then().statusCode(200);
    bearer(BOOTSTRAP).when().delete("/api/admin/api-keys/{id}", ApiKeyTokens.idOf(read)).then().statusCode(200)
        .body("active", equalTo(false));
    bearer(read).when().get("/api/journeys").then().statusCode(401);
  }

  @Test
  void aRotatedKeyWorksAndTheOldOneDoesNot() {
    String old = createKey("write");
    JsonPath rotated = bearer(BOOTSTRAP).when().post("/api/admin/api-keys/{id}/rotate", ApiKeyTokens.idOf(old))
        .then().statusCode(201).body("scope", equalTo("write")).body("replaces", equalTo(ApiKeyTokens.idOf(old)))
        .extract().jsonPath();
    String fresh = rotated.getString("key");
    bearer(fresh).contentType(ContentType.JSON).body(EVENT).when()
        .post("/api/conversations/{id}/events", conversation()).then().statusCode(202);
    bearer(old).when().get("/api/journeys").then().statusCode(401);
    bearer(BOOTSTRAP).when().post("/api/admin/api-keys/{id}/rotate", ApiKeyTokens.idOf(old)).then().statusCode(409);
  }

  @Test
  void keyListingsNeverShowASecretButShowUse() {
    String read = createKey("read");
    bearer(read).when().get("/api/journeys").then().statusCode(200);
    String listing = bearer(BOOTSTRAP).when().get("/api/admin/api-keys").then().statusCode(200)
        .body("id", hasItem(ApiKeyTokens.idOf(read))).extract().asString();
    assertThat(listing).doesNotContain(read.substring(ApiKeyTokens.PREFIX.length() + ApiKeyTokens.ID_LENGTH + 1));
    JsonPath keys = JsonPath.from(listing);
    assertThat(keys.getString("find { it.id == '" + ApiKeyTokens.idOf(read) + "' }.lastUsedAt")).isNotNull();
    bearer(BOOTSTRAP).contentType(ContentType.JSON).body("{\"name\":\"\",\"scope\":\"root\",\"x\":1}")
        .when().post("/api/admin/api-keys").then().statusCode(400).contentType("application/problem+json")
        .body("errors.field", hasItem("scope")).body("errors.field", hasItem("name")).body("errors.field", hasItem("x"));
  }

  @Test
  void webhooksKeepTheirOwnSecretsAndNeedNoApiKey() {
    String body = """
        {"app": {"id": "app-1"}, "webhook": {"id": "wh-1", "version": "v2"},
         "events": [{"id": "%2$s", "createdAt": "%3$s", "type": "conversation:message",
           "payload": {"conversation": {"id": "%1$s", "type": "personal"},
             "message": {"id": "m-%2$s", "received": "%3$s",
               "author": {"userId": "u-sun", "displayName": "Jo Doe", "type": "user",
                          "user": {"id": "u-sun", "externalId": "cust-sun", "profile": {"givenName": "Jo"}}},
               "content": {"type": "text", "text": "Where is my parcel?"},
               "source": {"type": "whatsapp"}}}}]}"""
        .formatted("sun" + UUID.randomUUID().toString().replace("-", ""), UUID.randomUUID(), Instant.now());
    given().contentType(ContentType.JSON).header("X-API-Key", SUNSHINE_SECRET).body(body)
        .when().post("/api/webhooks/sunshine").then().statusCode(200);
    given().contentType(ContentType.JSON).header("X-API-Key", "guess").body(body)
        .when().post("/api/webhooks/sunshine").then().statusCode(403).body("requiredScope", equalTo(null));
    given().contentType(ContentType.JSON).body("{}").when().post("/api/webhooks/zendesk").then().statusCode(401)
        .body("detail", containsString("ignature"));
  }

  @Test
  void healthIsOpenAndMetricsNeedTheMetricsScopeWhichReadsNothingElse() {
    given().when().get("/q/health/live").then().statusCode(200);
    given().when().get("/dashboard/index.html").then().statusCode(200);
    given().when().get("/q/metrics").then().statusCode(401).body("requiredScope", equalTo("metrics"));
    String metricsKey = createKey("metrics");
    bearer(metricsKey).when().get("/q/metrics").then().statusCode(200).body(containsString("handoff_ready"));
    bearer(metricsKey).when().get("/api/journeys").then().statusCode(403).body("requiredScope", equalTo("read"))
        .body("grantedScopes", equalTo(List.of("metrics")));
    bearer(createKey("read")).when().get("/q/metrics").then().statusCode(200);
  }

  @Test
  void theMetricsTokenFileWrittenAtStartLetsPrometheusScrapeAndNothingElse() throws IOException {
    Path file = metricsTokenFile();
    String token = Files.readString(file).trim();
    assertThat(token).startsWith("hm_").hasSizeGreaterThanOrEqualTo(40);
    // Readable by a Prometheus container running as another user; never writable by it.
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
    bearer(token).when().get("/q/metrics").then().statusCode(200).body(containsString("handoff_ready"));
    given().header("X-API-Key", token).when().get("/q/metrics").then().statusCode(200);
    bearer(token).when().get("/api/journeys").then().statusCode(403).body("requiredScope", equalTo("read"))
        .body("grantedScopes", equalTo(List.of("metrics")));
    given().contentType(ContentType.JSON).body(EVENT).header("Authorization", "Bearer " + token)
        .when().post("/api/conversations/{id}/events", conversation()).then().statusCode(403);
    bearer(token + "x").when().get("/q/metrics").then().statusCode(401);
  }
}
