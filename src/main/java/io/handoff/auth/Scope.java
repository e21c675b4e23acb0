package io.handoff.auth;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a caller may do: {@code metrics} (only /q/metrics, for Prometheus), {@code read} (GET on /api),
 * {@code write} (changes on /api), {@code admin} (rules, dry runs, key management under /api/admin). Each
 * scope implies the ones below it.
 */
public enum Scope {
  METRICS, READ, WRITE, ADMIN;

  /** The security identity attribute holding the caller's granted scopes (a {@code Set<Scope>}). */
  public static final String ATTRIBUTE = "io.handoff.auth.scopes";

  /** The name used in configuration, keys and problem details. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** This scope and every scope it implies. */
  public Set<Scope> withImplied() {
    return EnumSet.range(METRICS, this);
  }

  /** Whether this granted scope covers {@code needed}. */
  public boolean covers(Scope needed) {
    return compareTo(needed) >= 0;
  }

  /** Parses {@code metrics}, {@code read}, {@code write} or {@code admin}; empty for anything else. */
  public static Optional<Scope> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    for (Scope s : values()) {
      if (s.label().equals(value.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
