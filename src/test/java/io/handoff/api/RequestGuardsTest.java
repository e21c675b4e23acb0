package io.handoff.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ';' guard reads the path as the server will route it, whatever its spelling. */
class RequestGuardsTest {

  @ParameterizedTest
  @ValueSource(strings = {"/api/conversations/a;b/events", "//api/conversations/a;x/events",
      "/%61pi/conversations/a;x/events", "/api/./conversations/a;x/events",
      "/x/../api/conversations/a;x/events", "/API/conversations/a;x/events", "/api/conversations/a%3Bx/events",
      "///%61%70%69//journeys;x"})
  void aSemicolonInAnyApiPathSpellingIsCaught(String path) {
    assertThat(RequestGuards.matrixInApiPath(path)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/conversations/a/events", "/dashboard/a;b", "/q/health"})
  void otherPathsPass(String path) {
    assertThat(RequestGuards.matrixInApiPath(path)).isFalse();
  }
}
