package io.handoff.routing;

import io.handoff.model.RoutingView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/** Writes routing decisions and outcomes to the database. */
@ApplicationScoped
public class RoutingActivitiesImpl implements RoutingActivities {
  private final RoutingStore store;

  @Inject
  public RoutingActivitiesImpl(RoutingStore store) {
    this.store = store;
  }

  @Override
  public void recordDecisions(String journeyId, int decisionNo, RoutingView routing, String channel,
      Instant decidedAt) {
    if (routing.rules() != null) {
      store.recordDecision(journeyId, RoutingAssignment.RULES, decisionNo, routing.rules(),
          RoutingAssignment.RULES.equals(routing.active()), channel, decidedAt);
    }
    if (routing.ai() != null) {
      store.recordDecision(journeyId, RoutingAssignment.AI, decisionNo, routing.ai(),
          RoutingAssignment.AI.equals(routing.active()), channel, decidedAt);
    }
  }

  @Override
  public void recordOutcome(RoutingStore.Outcome outcome) {
    store.recordOutcome(outcome);
  }
}
