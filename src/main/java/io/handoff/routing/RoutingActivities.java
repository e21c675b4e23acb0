package io.handoff.routing;

import io.handoff.model.RoutingView;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.time.Instant;

/** Stores routing decisions and the humans' final routing for the comparison report. Idempotent. */
@ActivityInterface(namePrefix = "Routing")
public interface RoutingActivities {

  /** Stores both routers' decision number {@code decisionNo} of a journey; a retry writes nothing twice. */
  @ActivityMethod
  void recordDecisions(String journeyId, int decisionNo, RoutingView routing, String channel, Instant decidedAt);

  /** Replaces the journey's routing outcome with the latest one. */
  @ActivityMethod
  void recordOutcome(RoutingStore.Outcome outcome);
}
