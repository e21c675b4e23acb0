package io.handoff.journey;

/**
 * Settings a journey run needs, passed in at start so that workflow code never reads configuration.
 *
 * @param continueAsNewAfterEvents history length at which the journey continues as new
 * @param timelineInState most timeline entries kept in the workflow state (all are in the database)
 */
public record JourneySettings(int continueAsNewAfterEvents, int timelineInState) {
  public static final JourneySettings DEFAULTS = new JourneySettings(2000, 200);
}
