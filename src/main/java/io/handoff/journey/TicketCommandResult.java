package io.handoff.journey;

import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketComment;

/** The ticket after an agent action (with support triggers applied) and the comment it added, if any. */
public record TicketCommandResult(Ticket ticket, TicketComment comment) {}
