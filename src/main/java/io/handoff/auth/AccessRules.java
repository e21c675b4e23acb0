package io.handoff.auth;

import java.util.Optional;

/**
 * Which scope a request needs, by method and path. Deny by default (dry runs and admin paths need admin): only the listed paths are open
 * (health, OpenAPI and Swagger UI, the dashboard's static files, the inbound webhooks, which carry
 * their own signatures, and metrics when configured public); everything else needs a scope.
 */
public final class AccessRules {
  private AccessRules() {}

  /** The scope a request needs; empty when the path is open. */
  public static Optional<Scope> required(String method, String rawPath, boolean metricsPublic) {
    String path = normalize(rawPath);
    if (under(path, "/q/metrics")) {
      return metricsPublic ? Optional.empty() : Optional.of(Scope.METRICS);
    }
    if (isOpen(path)) {
      return Optional.empty();
    }
    if (under(path, "/api/admin") || under(path, "/api/rules") || under(path, "/api/sla")) {
      return Optional.of(Scope.ADMIN);
    }
    return switch (method) {
      case "GET", "HEAD", "OPTIONS" -> Optional.of(Scope.READ);
      default -> Optional.of(Scope.WRITE);
    };
  }

  /** Inbound webhooks: authenticated by their own signature or secret, never by an API key. */
  public static boolean isWebhook(String rawPath) {
    return under(normalize(rawPath), "/api/webhooks");
  }

  private static boolean isOpen(String path) {
    return path.equals("/") || path.equals("/favicon.ico") || under(path, "/dashboard") || under(path, "/q/health")
        || under(path, "/q/openapi") || under(path, "/q/swagger-ui") || under(path, "/api/webhooks");
  }

  /** Collapses repeated slashes and drops matrix parameters, so {@code //api;x=1/admin} is {@code /api/admin}. */
  static String normalize(String path) {
    if (path == null || path.isEmpty()) {
      return "/";
    }
    StringBuilder out = new StringBuilder();
    for (String segment : path.split("/")) {
      int semi = segment.indexOf(';');
      String s = semi >= 0 ? segment.substring(0, semi) : segment;
      if (!s.isEmpty()) {
        out.append('/').append(s);
      }
    }
    return out.length() == 0 ? "/" : out.toString();
  }

  private static boolean under(String path, String prefix) {
    return path.equals(prefix) || path.startsWith(prefix + "/");
  }
}
