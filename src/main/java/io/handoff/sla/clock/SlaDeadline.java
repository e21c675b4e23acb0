package io.handoff.sla.clock;

import io.handoff.sla.policy.SlaMetric;
import java.time.Instant;

/**
 * A pending warning or breach of one metric's current cycle.
 *
 * @param percent the warning percentage, or 100 for the breach
 * @param at when it is due (may be in the past: then it is due at the next {@code fire})
 */
public record SlaDeadline(SlaMetric metric, Kind kind, int percent, Instant at, int cycle) {

  public enum Kind { WARNING, BREACH }

  /** A timer summary naming the clock, e.g. {@code SLA first_reply_time breach}. */
  public String timerSummary() {
    return kind == Kind.BREACH ? "SLA " + metric.wireName() + " breach"
        : "SLA " + metric.wireName() + " warning " + percent + "%";
  }
}
