package io.handoff.support;

/** A comment a trigger adds (public reply or internal note), rendered with the final ticket values. */
public record CommentToAdd(String trigger, int actionIndex, boolean isPublic, String body, String idempotencyKey)
    implements TicketEffect {}
