package io.handoff.journey;

import java.util.List;

/**
 * Input of a journey run: the settings it runs with and, after a continue-as-new, the carried state
 * and the events that arrived but were not processed yet.
 */
public record JourneyInput(
    String conversationId, JourneySettings settings, JourneyState carried, List<JourneyCommand> pending,
    int restores) {

  public static JourneyInput start(String conversationId, JourneySettings settings) {
    return new JourneyInput(conversationId, settings, null, List.of(), 0);
  }

  /** Input of a journey re-created from the journal after a restart of the embedded default. */
  public static JourneyInput restore(String conversationId, JourneySettings settings, int restores) {
    return new JourneyInput(conversationId, settings, null, List.of(), restores);
  }

  /**
   * Input of a new run for a journey whose follow-up window ended (its workflow completed): it carries
   * the last snapshot, so the customer, the tier and the ticket history stay, and its projections stay
   * newer than the finished run's.
   */
  public static JourneyInput reopen(JourneyState finished, JourneySettings settings) {
    return new JourneyInput(finished.conversationId, settings, finished, List.of(), finished.restores);
  }
}
