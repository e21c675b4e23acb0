package io.handoff.support;

/**
 * A side effect of applied support actions that is not a field change: a comment to add or a
 * notification to send, rendered and keyed. The journey sends them through its activities.
 */
public sealed interface TicketEffect permits CommentToAdd, Notification {

  /** The rule that queued it (trigger or automation title, or {@code SLA <clock>}). */
  String trigger();
}
