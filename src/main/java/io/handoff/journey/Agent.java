package io.handoff.journey;

/** A human agent who acted on a conversation. */
public record Agent(String id, String name) {}
