package io.handoff.auth;

/** How callers authenticate ({@code handoff.auth.mode}). */
public enum AuthMode {
  /** No authentication: the embedded default on loopback. */
  NONE("none"),
  /** Handoff's own API keys, hashed in the database. */
  API_KEY("api-key"),
  /** Bearer tokens from an OpenID Connect provider (Quarkus' {@code quarkus-oidc}). */
  OIDC("oidc");

  private final String label;

  AuthMode(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  static AuthMode parse(String value) {
    for (AuthMode m : values()) {
      if (m.label.equalsIgnoreCase(value.trim())) {
        return m;
      }
    }
    return null;
  }
}
