package io.handoff.temporal;

import io.handoff.journey.JourneyActivitiesImpl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Collects every activity implementation the journey worker registers. */
@ApplicationScoped
public class WorkerActivities {
  @Inject JourneyActivitiesImpl journey;

  /** All activity implementations, each a CDI bean with its dependencies injected. */
  public Object[] all() {
    return new Object[] {journey};
  }
}
