package io.handoff.sla.clock;

import java.time.Instant;

/** A closed stretch [start, end) during which a metric's clock was running. */
public record Segment(Instant start, Instant end) {}
