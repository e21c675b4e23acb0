package io.handoff.journey;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Journey bookkeeping outside the workflow: the projection into Handoff's own journey index. */
@ActivityInterface(namePrefix = "Journey")
public interface JourneyActivities {

  /**
   * Upserts the journey summary and inserts the timeline entries it carries. Idempotent: the summary
   * is written only when its version is newer, and a timeline entry is keyed by (journey, seq), so a
   * retried call writes nothing twice.
   */
  @ActivityMethod
  void project(JourneyProjection projection);
}
