package io.handoff.model;

import java.time.Instant;

/**
 * One accepted inbound event of a conversation (public contract v1), after validation. The
 * {@code eventId} is unique per event and doubles as the Temporal update id, so a retried POST with
 * the same id is applied once.
 */
public record JourneyEvent(
    String eventId,
    String conversationId,
    EventType type,
    Instant occurredAt,
    Instant receivedAt,
    Channel channel,
    String text,
    String pageUrl,
    Customer customer,
    Agent agent,
    String group) {}
