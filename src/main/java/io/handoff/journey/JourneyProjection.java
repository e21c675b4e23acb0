package io.handoff.journey;

import java.util.List;

/**
 * What the projection writes: the current view (without its timeline) and the timeline entries not
 * projected yet. {@code version} is the highest timeline seq, so older projections never overwrite newer.
 * {@code snapshot} is the workflow state without its timeline (null from older workers): what a restore
 * on the embedded default starts from.
 */
public record JourneyProjection(JourneyView view, List<TimelineEntry> newEntries, long version,
    JourneyState snapshot) {

  public JourneyProjection(JourneyView view, List<TimelineEntry> newEntries, long version) {
    this(view, newEntries, version, null);
  }
}
