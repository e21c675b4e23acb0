package io.handoff.journey;

import java.time.Instant;

/** One SLA clock as shown in the journey view. */
public record SlaClockView(
    String metric, String target, Instant dueAt, boolean paused, Long secondsLeft, boolean fulfilled,
    boolean breached) {}
