package io.handoff.journey;

import java.util.List;

/**
 * What the projection writes: the current view (without its timeline) and the timeline entries not
 * projected yet. {@code version} is the highest timeline seq, so older projections never overwrite newer.
 */
public record JourneyProjection(JourneyView view, List<TimelineEntry> newEntries, long version) {}
