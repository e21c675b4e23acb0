package io.handoff.webhook;

import io.handoff.ticket.NewComment;
import io.handoff.ticket.TicketChange;

/** What an inbound Zendesk event asks of the journey: a change, a comment, or nothing. */
public sealed interface ZendeskCommand {

  /** The ticket's fields changed in Zendesk. */
  record Change(String ticketId, TicketChange change) implements ZendeskCommand {}

  /** A comment was added in Zendesk. */
  record Comment(String ticketId, NewComment comment) implements ZendeskCommand {}

  /** An event Handoff does not act on, and why. */
  record Ignored(String reason) implements ZendeskCommand {}
}
