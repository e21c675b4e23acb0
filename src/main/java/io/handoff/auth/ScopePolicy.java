package io.handoff.auth;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;

/**
 * The one authorization rule of the HTTP layer, run on every request: the scope {@link AccessRules}
 * asks for must be among the caller's granted scopes. Open paths never trigger authentication
 * (authentication is lazy, {@code quarkus.http.auth.proactive=false}).
 */
@ApplicationScoped
public class ScopePolicy implements HttpSecurityPolicy {

  private final AccessControl access;

  @Inject
  public ScopePolicy(AccessControl access) {
    this.access = access;
  }

  @Override
  public Uni<CheckResult> checkPermission(RoutingContext rc, Uni<SecurityIdentity> identity,
      AuthorizationRequestContext context) {
    AccessSettings s = access.settings();
    if (s.open()) {
      return CheckResult.permit();
    }
    Optional<Scope> needed = AccessRules.required(rc.request().method().name(), rc.normalizedPath(), s.metricsPublic());
    if (needed.isEmpty()) {
      return CheckResult.permit();
    }
    rc.put(AccessProblems.REQUIRED_SCOPE, needed.get());
    return identity.map(id -> {
      if (id == null || id.isAnonymous()) {
        return CheckResult.DENY;
      }
      Set<Scope> granted = granted(id);
      rc.put(AccessProblems.GRANTED_SCOPES, granted);
      return granted.contains(needed.get()) ? CheckResult.PERMIT : CheckResult.DENY;
    });
  }

  static Set<Scope> granted(SecurityIdentity id) {
    Object attribute = id.getAttribute(Scope.ATTRIBUTE);
    if (attribute instanceof Set<?> set) {
      @SuppressWarnings("unchecked")
      Set<Scope> scopes = (Set<Scope>) set;
      return scopes;
    }
    return Set.of();
  }
}
