package io.handoff.trigger;

/**
 * One action applied: the field or effect it touched and the value before and after (for effects
 * such as a notification, {@code after} describes what was queued).
 */
public record ActionTrace(int index, String action, String target, String before, String after) {}
