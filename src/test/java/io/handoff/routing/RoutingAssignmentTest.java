package io.handoff.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RoutingAssignmentTest {

  @Test
  void abAssignmentIsStablePerConversation() {
    RoutingAssignment split = new RoutingAssignment("ai", Map.of(), 50);
    for (int i = 0; i < 200; i++) {
      String id = "conv-" + i;
      String first = split.activeFor(id, "web_widget");
      for (int k = 0; k < 5; k++) {
        assertThat(split.activeFor(id, "web_widget")).isEqualTo(first);
      }
    }
    assertThat(RoutingAssignment.bucket("conv-7")).isEqualTo(RoutingAssignment.bucket("conv-7"));
  }

  @Test
  void abSplitFollowsThePercentage() {
    RoutingAssignment split = new RoutingAssignment("ai", Map.of(), 30);
    long ai = IntStream.range(0, 10_000).filter(i -> "ai".equals(split.activeFor("c" + i, null))).count();
    assertThat(ai).isBetween(2_700L, 3_300L);
    assertThat(new RoutingAssignment("ai", Map.of(), 0).activeFor("x", null)).isEqualTo("rules");
    assertThat(new RoutingAssignment("rules", Map.of(), 100).activeFor("x", null)).isEqualTo("ai");
  }

  @Test
  void aChannelChoiceWinsOverTheSplitAndTheDefault() {
    RoutingAssignment a = new RoutingAssignment("ai", Map.of("whatsapp", "rules"), 100);
    assertThat(a.activeFor("c1", "whatsapp")).isEqualTo("rules");
    assertThat(a.activeFor("c1", "web_widget")).isEqualTo("ai");
    assertThat(new RoutingAssignment("rules", Map.of(), -1).activeFor("c1", "ios")).isEqualTo("rules");
  }
}
