package io.handoff.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Access control settings (prefix {@code handoff.auth}); see README "Access control". */
@ConfigMapping(prefix = "handoff.auth")
public interface AuthConfig {

  /**
   * {@code none}, {@code api-key}, {@code oidc} or {@code api-key,oidc}. Unset: {@code none} in the
   * embedded default (no Temporal target, loopback host), otherwise {@code api-key} (plus {@code oidc}
   * when {@code quarkus.oidc.tenant-enabled=true}).
   */
  Optional<List<String>> mode();

  /** Serve {@code /q/metrics} without credentials; otherwise it needs the metrics scope. */
  @WithDefault("false")
  boolean metricsPublic();

  /** File holding a bearer token that grants only the metrics scope (for Prometheus); created with a random token when missing. */
  Optional<java.nio.file.Path> metricsTokenFile();

  /** Allow mode {@code none} on a non-loopback address (only behind a proxy that authenticates). */
  @WithDefault("false")
  boolean allowUnauthenticatedNetwork();

  /** SHA-256 (hex) of a bootstrap admin key, so a fresh deployment has an administrator. */
  Optional<String> bootstrapKeySha256();

  /**
   * Refused credentials a client may present in a row before it must wait (1 s, doubling, at most 5
   * minutes; 429 with Retry-After meanwhile).
   */
  @WithDefault("10")
  int failedAttemptsAllowed();

  /** How OIDC token claims map onto Handoff's scopes. */
  Oidc oidc();

  interface Oidc {
    /** Claim holding the granted scopes or roles: a space-separated string or an array; dots walk into objects. */
    @WithDefault("scope")
    String scopeClaim();

    /** Claim value granting the read scope. */
    @WithDefault("handoff:read")
    String readScope();

    /** Claim value granting the write scope. */
    @WithDefault("handoff:write")
    String writeScope();

    /** Claim value granting the admin scope. */
    @WithDefault("handoff:admin")
    String adminScope();
  }
}
