package io.handoff.journey;

import io.handoff.persistence.JourneyIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Writes journey projections into Handoff's journey index. */
@ApplicationScoped
public class JourneyActivitiesImpl implements JourneyActivities {
  private final JourneyIndex index;

  @Inject
  public JourneyActivitiesImpl(JourneyIndex index) {
    this.index = index;
  }

  @Override
  public void project(JourneyProjection projection) {
    index.write(projection);
  }
}
