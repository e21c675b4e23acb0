package io.handoff.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * OIDC bearer tokens beside API keys: real RS256 JWTs, verified by quarkus-oidc against the JWKS of
 * {@link OidcProviderStub}, with Handoff scopes from the {@code scope} claim.
 */
@QuarkusTest
@TestProfile(OidcAccessTest.OidcMode.class)
@WithTestResource(OidcProviderStub.class)
@Timeout(120)
class OidcAccessTest {
  static final String BOOTSTRAP = "oidc-profile-bootstrap-key-0123456789abcdef";
  static final String EVENT = "{\"type\":\"conversation.started\",\"channel\":\"api\"}";

  /** api-key and oidc together, public metrics. */
  public static class OidcMode implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("handoff.auth.mode", "api-key,oidc", "quarkus.oidc.tenant-enabled", "true",
          "handoff.auth.bootstrap-key-sha256", ApiKeyTokens.sha256(BOOTSTRAP),
          "handoff.auth.metrics-public", "true");
    }
  }

  PrivateKey signingKey;

  @ConfigProperty(name = "quarkus.oidc.auth-server-url") String issuer;

  String token(String scope) {
    return Jwt.issuer(issuer).subject("agent-7").claim("scope", scope).expiresAt(Instant.now().plusSeconds(300))
        .jws().keyId(OidcProviderStub.KEY_ID).sign(signingKey);
  }

  static RequestSpecification bearer(String token) {
    return given().header("Authorization", "Bearer " + token);
  }

  @Test
  void aReadTokenCanGetButNotPost() {
    String read = token("openid handoff:read");
    bearer(read).when().get("/api/journeys").then().statusCode(200);
    bearer(read).contentType(ContentType.JSON).body(EVENT).when()
        .post("/api/conversations/{id}/events", "oidc-" + UUID.randomUUID()).then().statusCode(403)
        .contentType("application/problem+json").body("requiredScope", equalTo("write"));
  }

  @Test
  void aWriteTokenPostsEventsAndAnAdminTokenManagesKeys() {
    bearer(token("handoff:write")).contentType(ContentType.JSON).body(EVENT).when()
        .post("/api/conversations/{id}/events", "oidc-" + UUID.randomUUID()).then().statusCode(202);
    bearer(token("handoff:write")).when().get("/api/admin/api-keys").then().statusCode(403);
    bearer(token("handoff:admin")).when().get("/api/admin/api-keys").then().statusCode(200);
  }

  @Test
  void aTokenWithoutAHandoffScopeIsForbidden() {
    bearer(token("openid profile")).when().get("/api/journeys").then().statusCode(403)
        .body("requiredScope", equalTo("read")).body("grantedScopes", empty());
  }

  @Test
  void forgedAndExpiredTokensAre401() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    String forged = Jwt.issuer(issuer).subject("mallory").claim("scope", "handoff:admin")
        .expiresAt(Instant.now().plusSeconds(300)).jws().keyId(OidcProviderStub.KEY_ID)
        .sign(rsa.generateKeyPair().getPrivate());
    bearer(forged).when().get("/api/journeys").then().statusCode(401).contentType("application/problem+json")
        .body("detail", containsString("refused"));
    String expired = Jwt.issuer(issuer).subject("agent-7").claim("scope", "handoff:admin")
        .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).jws()
        .keyId(OidcProviderStub.KEY_ID).sign(signingKey);
    bearer(expired).when().get("/api/journeys").then().statusCode(401);
    String otherIssuer = Jwt.issuer("https://elsewhere.example").subject("agent-7").claim("scope", "handoff:admin")
        .expiresAt(Instant.now().plusSeconds(300)).jws().keyId(OidcProviderStub.KEY_ID).sign(signingKey);
    bearer(otherIssuer).when().get("/api/journeys").then().statusCode(401);
  }

  @Test
  void apiKeysStillWorkAndMetricsArePublic() {
    bearer(BOOTSTRAP).when().get("/api/admin/api-keys").then().statusCode(200);
    given().header("X-API-Key", BOOTSTRAP).when().get("/api/journeys").then().statusCode(200);
    given().when().get("/api/journeys").then().statusCode(401).body("detail", containsString("OIDC"));
    given().when().get("/q/metrics").then().statusCode(200);
  }
}
