package io.handoff.journey;

import io.handoff.metrics.HandoffMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Writes journey projections into Handoff's journey index and counts what the new entries record. */
@ApplicationScoped
public class JourneyActivitiesImpl implements JourneyActivities {
  private final ProjectionStore index;
  private final HandoffMetrics metrics;

  @Inject
  public JourneyActivitiesImpl(ProjectionStore index, HandoffMetrics metrics) {
    this.index = index;
    this.metrics = metrics;
  }

  /** Outside CDI (tests): metrics go to a registry nothing exports. */
  public JourneyActivitiesImpl(ProjectionStore index) {
    this(index, HandoffMetrics.unexported());
  }

  @Override
  public void project(JourneyProjection projection) {
    ProjectionMetrics.record(metrics, projection.view(), index.write(projection));
  }
}
