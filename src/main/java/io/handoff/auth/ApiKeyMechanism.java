package io.handoff.auth;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Reads an API key from {@code X-API-Key} or {@code Authorization: Bearer}. With OIDC on too, a bearer
 * value shaped like a JWT (three dot-separated parts) is left to the OIDC mechanism. Webhook paths are
 * skipped: the Sunshine webhook's own secret also arrives as {@code X-API-Key}. Runs before OIDC, and
 * answers every 401 challenge with problem+json.
 */
@ApplicationScoped
public class ApiKeyMechanism implements HttpAuthenticationMechanism {
  static final String HEADER = "X-API-Key";

  private final AccessControl access;
  private final AccessProblems problems;

  @Inject
  public ApiKeyMechanism(AccessControl access, AccessProblems problems) {
    this.access = access;
    this.problems = problems;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(RoutingContext rc, IdentityProviderManager identities) {
    AccessSettings s = access.settings();
    if (!s.apiKeys() || AccessRules.isWebhook(rc.normalizedPath())) {
      return Uni.createFrom().nullItem();
    }
    String key = credential(rc, s.oidc());
    if (key == null) {
      return Uni.createFrom().nullItem();
    }
    if (problems.throttled(rc)) {
      return Uni.createFrom().failure(new io.quarkus.security.AuthenticationFailedException("throttled"));
    }
    return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(new ApiKeyRequest(key), rc));
  }

  static String credential(RoutingContext rc, boolean oidc) {
    String header = rc.request().getHeader(HEADER);
    if (header != null && !header.isBlank()) {
      return header.trim();
    }
    String auth = rc.request().getHeader("Authorization");
    if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = auth.substring(7).trim();
    if (token.isEmpty() || (oidc && token.chars().filter(c -> c == '.').count() == 2)) {
      return null;
    }
    return token;
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"handoff\""));
  }

  @Override
  public Uni<Boolean> sendChallenge(RoutingContext context) {
    problems.unauthenticated(context, null);
    return Uni.createFrom().item(Boolean.TRUE);
  }

  @Override
  public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
    return Set.of(ApiKeyRequest.class);
  }

  /** Above OIDC's 1001, so API keys are tried first and this mechanism writes the challenge. */
  @Override
  public int getPriority() {
    return 2000;
  }
}
