package io.handoff.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Turns an API key into a security identity: the metrics token (metrics scope only), the bootstrap
 * key from configuration, or an active key in the database. A refused key is logged by its public id at most, never by its secret.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyRequest> {
  private static final Logger LOG = Logger.getLogger(ApiKeyIdentityProvider.class);

  private final ApiKeyStore keys;
  private final AuthConfig config;
  private final AccessControl access;

  @Inject
  public ApiKeyIdentityProvider(ApiKeyStore keys, AuthConfig config, AccessControl access) {
    this.keys = keys;
    this.config = config;
    this.access = access;
  }

  @Override
  public Class<ApiKeyRequest> getRequestType() {
    return ApiKeyRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(ApiKeyRequest request, AuthenticationRequestContext context) {
    return context.runBlocking(() -> identify(request.key()));
  }

  private SecurityIdentity identify(String key) {
    Optional<String> metrics = access.metricsTokenSha256();
    if (metrics.isPresent() && ApiKeyTokens.sameDigest(metrics.get(), ApiKeyTokens.sha256(key))) {
      return identity("metrics-token", "metrics token", Scope.METRICS);
    }
    Optional<String> bootstrap = config.bootstrapKeySha256().filter(h -> !h.isBlank());
    if (bootstrap.isPresent() && ApiKeyTokens.sameDigest(bootstrap.get().trim(), ApiKeyTokens.sha256(key))) {
      return identity("bootstrap", "bootstrap", Scope.ADMIN);
    }
    Optional<ApiKeyStore.ApiKey> found = keys.verify(key);
    if (found.isEmpty()) {
      String id = ApiKeyTokens.idOf(key);
      LOG.infof("API key refused: %s", id == null ? "not a Handoff key" : "key " + id + " unknown, wrong or revoked");
      throw new AuthenticationFailedException("the API key is not valid or has been revoked");
    }
    ApiKeyStore.ApiKey k = found.get();
    return identity(k.id(), k.name(), k.scope());
  }

  private static SecurityIdentity identity(String id, String name, Scope scope) {
    return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("api-key:" + id))
        .addAttribute(Scope.ATTRIBUTE, scope.withImplied()).addAttribute("io.handoff.auth.key-name", name).build();
  }
}
