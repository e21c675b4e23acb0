package io.handoff.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The start-up decision: which mode is in force, and when Handoff refuses to start. */
class AccessSettingsTest {

  static AccessSettings.Inputs inputs(String mode, boolean target, String host, boolean oidc, boolean override) {
    return new AccessSettings.Inputs(Optional.ofNullable(mode).map(m -> List.of(m.split(","))), target, host,
        AccessSettings.isLoopback(host), oidc, override, false);
  }

  @Test
  void theEmbeddedDefaultOnLoopbackNeedsNoCredentials() {
    AccessSettings s = AccessSettings.decide(inputs(null, false, "127.0.0.1", false, false));
    assertThat(s.open()).isTrue();
    assertThat(s.unauthenticatedOnNetwork()).isFalse();
  }

  @Test
  void aTemporalClusterOrAPublicAddressDefaultsToApiKeys() {
    assertThat(AccessSettings.decide(inputs(null, true, "127.0.0.1", false, false)).modes())
        .containsExactly(AuthMode.API_KEY);
    assertThat(AccessSettings.decide(inputs(null, false, "0.0.0.0", false, false)).modes())
        .containsExactly(AuthMode.API_KEY);
    assertThat(AccessSettings.decide(inputs(null, true, "0.0.0.0", true, false)).modes())
        .containsExactlyInAnyOrder(AuthMode.API_KEY, AuthMode.OIDC);
  }

  @Test
  void modeNoneOnANonLoopbackAddressRefusesToStart() {
    assertThatThrownBy(() -> AccessSettings.decide(inputs("none", true, "0.0.0.0", false, false)))
        .isInstanceOf(AccessSettings.InvalidAccessConfig.class)
        .hasMessageContaining("Refusing to start").hasMessageContaining("quarkus.http.host=0.0.0.0")
        .hasMessageContaining("handoff.auth.allow-unauthenticated-network");
    assertThatThrownBy(() -> AccessSettings.decide(inputs("none", false, "10.0.0.5", false, false)))
        .hasMessageContaining("not a loopback address");
  }

  @Test
  void theOverrideAllowsModeNoneOnTheNetworkAndIsFlaggedForTheLog() {
    AccessSettings s = AccessSettings.decide(inputs("none", true, "0.0.0.0", false, true));
    assertThat(s.open()).isTrue();
    assertThat(s.unauthenticatedOnNetwork()).isTrue();
  }

  @Test
  void modeNoneBehindALoopbackHostIsAllowedEvenWithACluster() {
    assertThat(AccessSettings.decide(inputs("none", true, "localhost", false, false)).open()).isTrue();
  }

  @Test
  void oidcNeedsItsTenantEnabledAndAnEnabledTenantNeedsOidcInTheMode() {
    assertThatThrownBy(() -> AccessSettings.decide(inputs("oidc", true, "0.0.0.0", false, false)))
        .hasMessageContaining("quarkus.oidc.tenant-enabled");
    assertThatThrownBy(() -> AccessSettings.decide(inputs("api-key", true, "0.0.0.0", true, false)))
        .hasMessageContaining("does not include oidc");
    assertThat(AccessSettings.decide(inputs("api-key, oidc", true, "0.0.0.0", true, false)).modes())
        .containsExactlyInAnyOrder(AuthMode.API_KEY, AuthMode.OIDC);
  }

  @Test
  void unknownOrContradictoryModesAreNamed() {
    assertThatThrownBy(() -> AccessSettings.decide(inputs("apikey", true, "0.0.0.0", false, false)))
        .hasMessageContaining("handoff.auth.mode").hasMessageContaining("apikey");
    assertThatThrownBy(() -> AccessSettings.decide(inputs("none,api-key", false, "127.0.0.1", false, false)))
        .hasMessageContaining("none cannot be combined");
  }

  @Test
  void loopbackMeansOnlyThisMachine() {
    assertThat(AccessSettings.isLoopback("127.0.0.1")).isTrue();
    assertThat(AccessSettings.isLoopback("localhost")).isTrue();
    assertThat(AccessSettings.isLoopback("::1")).isTrue();
    assertThat(AccessSettings.isLoopback("[::1]")).isTrue();
    assertThat(AccessSettings.isLoopback("0.0.0.0")).isFalse();
    assertThat(AccessSettings.isLoopback("::")).isFalse();
    assertThat(AccessSettings.isLoopback("192.168.1.10")).isFalse();
    assertThat(AccessSettings.isLoopback("")).isFalse();
  }
}
