package io.handoff.journey;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One entry of a journey's timeline: an inbound event, a stage step or a timer firing. {@code seq} is
 * unique and increasing within a journey, which makes the projection idempotent.
 *
 * @param step what happened, e.g. {@code event.message.received}, {@code messaging.triggers}
 * @param trace the decision trace of the step, when it has one (rules fired, classifier output)
 */
public record TimelineEntry(long seq, Instant at, String step, String text, JsonNode trace) {}
