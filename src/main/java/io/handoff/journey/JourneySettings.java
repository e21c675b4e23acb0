package io.handoff.journey;

import io.handoff.routing.RoutingAssignment;
import java.time.Duration;

/**
 * Settings a journey run needs, passed in at start so that workflow code never reads configuration.
 *
 * @param continueAsNewAfterEvents history length at which the journey continues as new
 * @param timelineInState most timeline entries kept in the workflow state (all are in the database)
 * @param closeAfter how long a solved ticket stays solved before the journey closes it
 * @param routing which router acts on the journey
 * @param followUpWindow how long a closed journey waits for a customer message that starts a follow-up
 */
public record JourneySettings(
    int continueAsNewAfterEvents, int timelineInState, Duration closeAfter, RoutingAssignment routing,
    Duration followUpWindow) {
  public static final JourneySettings DEFAULTS =
      new JourneySettings(2000, 200, Duration.ofDays(4), RoutingAssignment.AI_ACTS, Duration.ofDays(30));
}
