package io.handoff.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.security.PrivateKey;
import java.util.Map;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jwk.JsonWebKey;

/**
 * An OpenID provider on WireMock: the discovery document and the JWKS of a freshly generated RSA key,
 * in the shapes a real provider (Keycloak's realm URLs) serves. Tests sign tokens with the private
 * key, injected into their {@code PrivateKey} field.
 */
public class OidcProviderStub implements QuarkusTestResourceLifecycleManager {
  static final String REALM = "/realms/handoff";
  static final String KEY_ID = "handoff-test-key";

  private WireMockServer server;
  private RsaJsonWebKey key;

  @Override
  public Map<String, String> start() {
    try {
      key = RsaJwkGenerator.generateJwk(2048);
    } catch (org.jose4j.lang.JoseException e) {
      throw new IllegalStateException(e);
    }
    key.setKeyId(KEY_ID);
    key.setUse("sig");
    key.setAlgorithm("RS256");
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    String issuer = "http://127.0.0.1:" + server.port() + REALM;
    server.stubFor(get(REALM + "/.well-known/openid-configuration").willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody("""
            {"issuer": "%1$s", "jwks_uri": "%1$s/protocol/openid-connect/certs",
             "authorization_endpoint": "%1$s/protocol/openid-connect/auth",
             "token_endpoint": "%1$s/protocol/openid-connect/token",
             "id_token_signing_alg_values_supported": ["RS256"],
             "response_types_supported": ["code"], "subject_types_supported": ["public"]}""".formatted(issuer))));
    server.stubFor(get(REALM + "/protocol/openid-connect/certs").willReturn(aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody("{\"keys\": [" + key.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY) + "]}")));
    return Map.of("quarkus.oidc.auth-server-url", issuer);
  }

  @Override
  public void inject(TestInjector injector) {
    injector.injectIntoFields(key.getPrivateKey(), new TestInjector.MatchesType(PrivateKey.class));
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop();
    }
  }
}
