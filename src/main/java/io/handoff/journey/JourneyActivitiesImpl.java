package io.handoff.journey;

import io.handoff.metrics.HandoffMetrics;
import io.handoff.persistence.JourneyIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Writes journey projections into Handoff's journey index and counts what the new entries record. */
@ApplicationScoped
public class JourneyActivitiesImpl implements JourneyActivities {
  private final JourneyIndex index;
  private final HandoffMetrics metrics;

  @Inject
  public JourneyActivitiesImpl(JourneyIndex index, HandoffMetrics metrics) {
    this.index = index;
    this.metrics = metrics;
  }

  /** Outside CDI (tests): metrics go to a registry nothing exports. */
  public JourneyActivitiesImpl(JourneyIndex index) {
    this(index, HandoffMetrics.unexported());
  }

  @Override
  public void project(JourneyProjection projection) {
    ProjectionMetrics.record(metrics, projection.view(), index.write(projection));
  }
}
