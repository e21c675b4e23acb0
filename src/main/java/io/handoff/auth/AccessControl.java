package io.handoff.auth;

import io.handoff.config.HandoffConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Decides the access control of the running service at start, refuses to start when an
 * unauthenticated API would listen beyond loopback, and says in the log which mode is in force.
 */
@ApplicationScoped
public class AccessControl {
  private static final Logger LOG = Logger.getLogger(AccessControl.class);

  private final AccessSettings settings;
  private final Optional<String> metricsTokenSha256;

  private final AuthConfig config;

  AccessControl(AuthConfig auth, HandoffConfig handoff, @ConfigProperty(name = "quarkus.http.host") String host,
      @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false") boolean oidcTenantEnabled) {
    this.config = auth;
    try {
      this.settings = AccessSettings.decide(new AccessSettings.Inputs(auth.mode(),
          HandoffConfig.Mode.of(handoff.temporal().mode(), handoff.temporal().target()) == HandoffConfig.Mode.CLUSTER, host, AccessSettings.isLoopback(host), oidcTenantEnabled, auth.allowUnauthenticatedNetwork(),
          auth.metricsPublic()));
    } catch (AccessSettings.InvalidAccessConfig e) {
      throw new ConfigurationException(e.getMessage());
    }
    try {
      this.metricsTokenSha256 = auth.metricsTokenFile().map(MetricsToken::loadOrCreate);
    } catch (MetricsToken.InvalidTokenFile e) {
      throw new ConfigurationException(e.getMessage());
    }
  }

  /** SHA-256 of the metrics token ({@code handoff.auth.metrics-token-file}), when one is configured. */
  public Optional<String> metricsTokenSha256() {
    return metricsTokenSha256;
  }

  public AccessSettings settings() {
    return settings;
  }

  /** Runs before the other start-up work so a refused configuration stops the service first. */
  void onStart(@Observes @Priority(1) StartupEvent event) {
    if (settings.unauthenticatedOnNetwork()) {
      LOG.warn("!!! ACCESS CONTROL IS OFF on a non-loopback address (handoff.auth.allow-unauthenticated-network=true):"
          + " every caller that reaches this port can read journeys, change tickets and rules. Only run this way"
          + " behind a proxy that authenticates. !!!");
    } else if (settings.open()) {
      LOG.info("Access control: none (embedded default on loopback)");
    } else {
      LOG.infof("Access control: %s; metrics %s", settings.describe(), settings.metricsPublic() ? "public"
          : "need the metrics scope" + (metricsTokenSha256.isPresent() ? " (or the token in "
              + config.metricsTokenFile().get() + ")" : ""));
    }
  }

  @Produces
  @Singleton
  ApiKeyStore apiKeyStore(DataSource dataSource) {
    return new ApiKeyStore(dataSource);
  }
}
