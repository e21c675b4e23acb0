package io.handoff.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The effective access control of this process, decided once at start from configuration. A decision
 * that would expose an unauthenticated API beyond loopback is refused unless explicitly overridden.
 *
 * @param modes how callers authenticate; {@code {NONE}} means every request is allowed
 * @param metricsPublic whether /q/metrics needs no credentials
 * @param unauthenticatedOnNetwork mode none on a non-loopback address, allowed by the override
 */
public record AccessSettings(Set<AuthMode> modes, boolean metricsPublic, boolean unauthenticatedOnNetwork) {

  /** The configuration facts the decision depends on. */
  public record Inputs(Optional<List<String>> mode, boolean temporalTargetSet, String httpHost, boolean loopback,
      boolean oidcTenantEnabled, boolean allowUnauthenticatedNetwork, boolean metricsPublic) {}

  /** Why Handoff refuses to start with this configuration. */
  public static class InvalidAccessConfig extends RuntimeException {
    public InvalidAccessConfig(String message) {
      super(message);
    }
  }

  public boolean open() {
    return modes.contains(AuthMode.NONE);
  }

  public boolean apiKeys() {
    return modes.contains(AuthMode.API_KEY);
  }

  public boolean oidc() {
    return modes.contains(AuthMode.OIDC);
  }

  /** The modes as configured ({@code api-key,oidc}). */
  public String describe() {
    return modes.stream().map(AuthMode::label).collect(Collectors.joining(","));
  }

  /** Decides the effective settings, or throws {@link InvalidAccessConfig} naming what to change. */
  public static AccessSettings decide(Inputs in) {
    Set<AuthMode> modes = in.mode().isPresent() ? parse(in.mode().get()) : defaults(in);
    if (modes.contains(AuthMode.OIDC) && !in.oidcTenantEnabled()) {
      throw new InvalidAccessConfig("handoff.auth.mode includes oidc but quarkus.oidc.tenant-enabled is false:"
          + " set quarkus.oidc.tenant-enabled=true and quarkus.oidc.auth-server-url to the provider's URL");
    }
    if (!modes.contains(AuthMode.OIDC) && in.oidcTenantEnabled()) {
      throw new InvalidAccessConfig("quarkus.oidc.tenant-enabled is true but handoff.auth.mode ("
          + labels(modes) + ") does not include oidc: add oidc to handoff.auth.mode or disable the tenant");
    }
    boolean open = modes.contains(AuthMode.NONE);
    if (open && !in.loopback() && !in.allowUnauthenticatedNetwork()) {
      throw new InvalidAccessConfig("Refusing to start: handoff.auth.mode is none but quarkus.http.host="
          + in.httpHost() + " is not a loopback address, so anyone who reaches the port could read journeys and"
          + " change tickets. Set handoff.auth.mode=api-key (and create a key with `api-keys create --scope admin`),"
          + " or, only behind a proxy that authenticates, handoff.auth.allow-unauthenticated-network=true");
    }
    return new AccessSettings(Collections.unmodifiableSet(EnumSet.copyOf(modes)), in.metricsPublic(),
        open && !in.loopback());
  }

  private static Set<AuthMode> defaults(Inputs in) {
    if (!in.temporalTargetSet() && in.loopback()) {
      return EnumSet.of(AuthMode.NONE);
    }
    return in.oidcTenantEnabled() ? EnumSet.of(AuthMode.API_KEY, AuthMode.OIDC) : EnumSet.of(AuthMode.API_KEY);
  }

  private static Set<AuthMode> parse(List<String> values) {
    Set<AuthMode> modes = EnumSet.noneOf(AuthMode.class);
    List<String> unknown = new ArrayList<>();
    for (String v : values) {
      if (v.isBlank()) {
        continue;
      }
      AuthMode m = AuthMode.parse(v);
      if (m == null) {
        unknown.add(v.trim());
      } else {
        modes.add(m);
      }
    }
    if (!unknown.isEmpty() || modes.isEmpty()) {
      throw new InvalidAccessConfig("handoff.auth.mode: unknown value " + (unknown.isEmpty() ? "''" : unknown)
          + " (use none, api-key, oidc or api-key,oidc)");
    }
    if (modes.contains(AuthMode.NONE) && modes.size() > 1) {
      throw new InvalidAccessConfig("handoff.auth.mode: none cannot be combined with " + labels(modes));
    }
    return modes;
  }

  private static String labels(Set<AuthMode> modes) {
    return modes.stream().map(AuthMode::label).collect(Collectors.joining(","));
  }

  /** Whether a host name or address only listens on this machine (0.0.0.0 and :: listen everywhere). */
  public static boolean isLoopback(String host) {
    if (host == null || host.isBlank()) {
      return false;
    }
    String h = host.trim();
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    try {
      InetAddress[] all = InetAddress.getAllByName(h);
      for (InetAddress a : all) {
        if (!a.isLoopbackAddress()) {
          return false;
        }
      }
      return all.length > 0;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
