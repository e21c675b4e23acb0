package io.handoff.support;

/** A webhook that {@code notification_webhook} actions name by id (Zendesk's webhook object). */
public record Webhook(String id, String name, String endpoint) {}
