package io.handoff.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which scope each path and method needs. */
class AccessRulesTest {

  static Optional<Scope> need(String method, String path) {
    return AccessRules.required(method, path, false);
  }

  @Test
  void readsNeedReadAndChangesNeedWrite() {
    assertThat(need("GET", "/api/journeys")).contains(Scope.READ);
    assertThat(need("GET", "/api/tickets/T-1")).contains(Scope.READ);
    assertThat(need("POST", "/api/conversations/c/events")).contains(Scope.WRITE);
    assertThat(need("POST", "/api/conversations/c/replay")).as("a replay writes like events").contains(Scope.WRITE);
    assertThat(need("PATCH", "/api/tickets/T-1")).contains(Scope.WRITE);
    assertThat(need("DELETE", "/api/tickets/T-1")).contains(Scope.WRITE);
  }

  @Test
  void rulesAndAdminNeedAdminWhateverTheMethod() {
    assertThat(need("POST", "/api/rules/dry-run")).contains(Scope.ADMIN);
    assertThat(need("POST", "/api/sla/dry-run")).contains(Scope.ADMIN);
    assertThat(need("GET", "/api/admin/api-keys")).contains(Scope.ADMIN);
    assertThat(need("POST", "/api/admin/zendesk/import")).contains(Scope.ADMIN);
  }

  @Test
  void webhooksHealthDocsAndDashboardFilesAreOpen() {
    assertThat(need("POST", "/api/webhooks/zendesk")).isEmpty();
    assertThat(need("POST", "/api/webhooks/sunshine")).isEmpty();
    assertThat(need("GET", "/q/health/ready")).isEmpty();
    assertThat(need("GET", "/q/openapi")).isEmpty();
    assertThat(need("GET", "/dashboard/index.html")).isEmpty();
  }

  @Test
  void metricsAreProtectedUnlessConfiguredPublic() {
    assertThat(AccessRules.required("GET", "/q/metrics", false)).contains(Scope.METRICS);
    // Every other scope implies metrics; the metrics scope implies nothing else.
    assertThat(Scope.READ.covers(Scope.METRICS)).isTrue();
    assertThat(Scope.METRICS.covers(Scope.READ)).isFalse();
    assertThat(Scope.METRICS.withImplied()).containsExactly(Scope.METRICS);
    assertThat(AccessRules.required("GET", "/q/metrics", true)).isEmpty();
  }

  @Test
  void unknownPathsAndTrickySpellingsAreNotOpen() {
    assertThat(need("GET", "/q/dev-ui")).contains(Scope.READ);
    assertThat(need("POST", "//api//rules/dry-run")).contains(Scope.ADMIN);
    assertThat(need("GET", "/api;x=1/admin/api-keys")).contains(Scope.ADMIN);
    assertThat(need("POST", "/api/webhooksx")).contains(Scope.WRITE);
  }

  @Test
  void eachScopeImpliesTheOnesBelow() {
    assertThat(Scope.ADMIN.withImplied()).containsExactly(Scope.METRICS, Scope.READ, Scope.WRITE, Scope.ADMIN);
    assertThat(Scope.READ.withImplied()).containsExactly(Scope.METRICS, Scope.READ);
    assertThat(Scope.WRITE.covers(Scope.READ)).isTrue();
    assertThat(Scope.WRITE.covers(Scope.ADMIN)).isFalse();
  }
}
