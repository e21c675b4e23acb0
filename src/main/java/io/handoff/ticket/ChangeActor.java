package io.handoff.ticket;

/**
 * Who makes a ticket change. Zendesk lets only the system (automations, the close timer) move a
 * solved ticket to closed; agents and API callers cannot.
 */
public enum ChangeActor {
  /** A human agent or an API client (REST, inbound webhook). */
  AGENT,
  /** Handoff itself: support triggers, inactivity reminders, the solved → closed timer. */
  SYSTEM
}
