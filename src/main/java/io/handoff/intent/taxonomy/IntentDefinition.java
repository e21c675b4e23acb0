package io.handoff.intent.taxonomy;

/** One intent of the taxonomy with its description (shown to the LLM). */
public record IntentDefinition(String name, String description) {}
