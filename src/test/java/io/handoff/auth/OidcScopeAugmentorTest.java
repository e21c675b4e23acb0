package io.handoff.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/** Claim values of a token become Handoff scopes through the configured names. */
class OidcScopeAugmentorTest {
  static final AuthConfig.Oidc DEFAULTS = mapping("handoff:read", "handoff:write", "handoff:admin");

  static AuthConfig.Oidc mapping(String read, String write, String admin) {
    return new AuthConfig.Oidc() {
      public String scopeClaim() {
        return "scope";
      }

      public String readScope() {
        return read;
      }

      public String writeScope() {
        return write;
      }

      public String adminScope() {
        return admin;
      }
    };
  }

  static DefaultJWTCallerPrincipal token(String claimsJson) throws Exception {
    return new DefaultJWTCallerPrincipal(JwtClaims.parse(claimsJson));
  }

  @Test
  void aSpaceSeparatedScopeClaimGrantsTheHighestScopeAndWhatItImplies() throws Exception {
    var jwt = token("{\"sub\":\"a\",\"scope\":\"openid handoff:write profile\"}");
    assertThat(OidcScopeAugmentor.scopes(OidcScopeAugmentor.claimValues(jwt, "scope"), DEFAULTS))
        .containsExactly(Scope.METRICS, Scope.READ, Scope.WRITE);
  }

  @Test
  void aNestedRoleArrayCanCarryTheScopes() throws Exception {
    var jwt = token("{\"sub\":\"a\",\"realm_access\":{\"roles\":[\"offline_access\",\"support-admin\"]}}");
    assertThat(OidcScopeAugmentor.claimValues(jwt, "realm_access.roles")).containsExactly("offline_access",
        "support-admin");
    assertThat(OidcScopeAugmentor.scopes(OidcScopeAugmentor.claimValues(jwt, "realm_access.roles"),
        mapping("support-read", "support-write", "support-admin")))
        .containsExactly(Scope.METRICS, Scope.READ, Scope.WRITE, Scope.ADMIN);
  }

  @Test
  void unrelatedOrMissingClaimsGrantNothing() throws Exception {
    var jwt = token("{\"sub\":\"a\",\"groups\":[\"admin\"],\"scope\":\"openid\"}");
    assertThat(OidcScopeAugmentor.scopes(OidcScopeAugmentor.claimValues(jwt, "scope"), DEFAULTS)).isEmpty();
    assertThat(OidcScopeAugmentor.claimValues(jwt, "roles.missing")).isEmpty();
  }
}
