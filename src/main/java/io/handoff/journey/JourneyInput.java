package io.handoff.journey;

import java.util.List;

/**
 * Input of a journey run: the settings it runs with and, after a continue-as-new, the carried state
 * and the events that arrived but were not processed yet.
 */
public record JourneyInput(
    String conversationId, JourneySettings settings, JourneyState carried, List<JourneyEvent> pending) {

  public static JourneyInput start(String conversationId, JourneySettings settings) {
    return new JourneyInput(conversationId, settings, null, List.of());
  }
}
