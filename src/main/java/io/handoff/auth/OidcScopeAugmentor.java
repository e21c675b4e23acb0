package io.handoff.auth;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Grants Handoff scopes to an OIDC identity from one configurable claim ({@code handoff.auth.oidc.scope-claim},
 * default {@code scope}): each configured value ({@code handoff:read}, {@code handoff:write},
 * {@code handoff:admin} by default) grants that scope and the ones below it. The provider's own roles
 * are ignored, so a group that happens to be called "admin" grants nothing.
 */
@ApplicationScoped
public class OidcScopeAugmentor implements SecurityIdentityAugmentor {

  private final AuthConfig config;

  @Inject
  public OidcScopeAugmentor(AuthConfig config) {
    this.config = config;
  }

  @Override
  public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
    if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
      return Uni.createFrom().item(identity);
    }
    Set<Scope> granted = scopes(claimValues(jwt, config.oidc().scopeClaim()), config.oidc());
    return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addAttribute(Scope.ATTRIBUTE, granted).build());
  }

  static Set<Scope> scopes(List<String> values, AuthConfig.Oidc mapping) {
    Set<Scope> out = EnumSet.noneOf(Scope.class);
    for (String v : values) {
      if (v.equals(mapping.adminScope())) {
        out.addAll(Scope.ADMIN.withImplied());
      } else if (v.equals(mapping.writeScope())) {
        out.addAll(Scope.WRITE.withImplied());
      } else if (v.equals(mapping.readScope())) {
        out.addAll(Scope.READ.withImplied());
      }
    }
    return out;
  }

  /** The claim's values: a space- or comma-separated string, or an array; a dotted name walks into objects. */
  static List<String> claimValues(JsonWebToken jwt, String claimPath) {
    String[] parts = claimPath.split("\\.");
    Object value = jwt.getClaim(parts[0]);
    for (int i = 1; i < parts.length && value != null; i++) {
      value = value instanceof JsonObject o ? o.get(parts[i]) : null;
    }
    List<String> out = new ArrayList<>();
    collect(value, out);
    return out;
  }

  private static void collect(Object value, List<String> out) {
    if (value instanceof JsonString s) {
      collect(s.getString(), out);
    } else if (value instanceof String s) {
      for (String part : s.split("[\\s,]+")) {
        if (!part.isEmpty()) {
          out.add(part);
        }
      }
    } else if (value instanceof JsonArray array) {
      for (JsonValue v : array) {
        collect(v, out);
      }
    } else if (value instanceof Collection<?> c) {
      c.forEach(v -> collect(v, out));
    }
  }
}
