package io.handoff.model;

/** A human agent who acted on a conversation. */
public record Agent(String id, String name) {}
