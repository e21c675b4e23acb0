package io.handoff.journey;

import io.handoff.support.Actor;
import io.handoff.ticket.NewComment;
import io.handoff.ticket.TicketChange;
import java.time.Instant;

/**
 * An agent action on a journey's ticket (REST or helpdesk webhook): a change of fields and/or a
 * comment. {@code commandId} is unique per action and doubles as the Temporal update id and the
 * journal entry id, so a retried request is applied once.
 */
public record TicketCommand(
    String commandId, String ticketId, TicketChange change, NewComment comment, Actor actor, Instant receivedAt) {}
