package io.handoff.journey;

import io.handoff.model.JourneyEvent;
import io.handoff.problem.FieldError;
import io.handoff.support.Actor;
import io.handoff.ticket.NewComment;
import io.handoff.ticket.TextLimits;
import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketChange;
import io.handoff.ticket.TicketCommands;
import io.handoff.ticket.TicketComment;
import io.handoff.ticket.TicketNotFoundException;
import io.handoff.ticket.TicketRefusedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Agent actions on tickets become Temporal updates of the ticket's journey, so every change runs the
 * support triggers, moves the SLA clocks and shows in the journey's history.
 */
@ApplicationScoped
public class JourneyTicketCommands implements TicketCommands, InboundEvents {
  /** Who a REST change is attributed to when the request names nobody. */
  static final Actor API_AGENT = new Actor("api", "API agent", TicketComment.AuthorRole.AGENT);

  @Inject JourneyService journeys;
  @Inject io.handoff.ticket.HelpdeskGateway helpdesk;

  @Override
  public Ticket change(String ticketId, TicketChange change) {
    return run(new TicketCommand(UUID.randomUUID().toString(), ticketId, change, null, API_AGENT, Instant.now()))
        .ticket();
  }

  @Override
  public TicketComment comment(String ticketId, NewComment comment) {
    return comment(ticketId, comment, null);
  }

  @Override
  public TicketComment comment(String ticketId, NewComment comment, String idempotencyKey) {
    FieldError tooLong = TextLimits.text("body", comment.body());
    if (tooLong != null) {
      throw new TicketRefusedException(List.of(tooLong));
    }
    TicketComment.AuthorRole role = comment.authorRole() == null ? TicketComment.AuthorRole.AGENT : comment.authorRole();
    Actor actor = new Actor(comment.authorId() == null ? API_AGENT.id() : comment.authorId(),
        comment.authorName() == null ? API_AGENT.name() : comment.authorName(), role);
    // The key names the command, so a retry is the same Temporal update and the same journal entry.
    String commandId = idempotencyKey == null ? UUID.randomUUID().toString()
        : "comment/" + ticketId + "/" + idempotencyKey;
    TicketComment added = run(new TicketCommand(commandId, ticketId, null, comment, actor, Instant.now())).comment();
    if (added != null) {
      return added;
    }
    // A retry the journey recognised from an earlier run: the comment it added then.
    return helpdesk.find(ticketId).flatMap(t -> t.comments().stream()
            .filter(c -> java.util.Objects.equals(c.body(), comment.body())
                && java.util.Objects.equals(c.authorId(), actor.id()))
            .reduce((a, b) -> b))
        .orElseThrow(() -> new TicketNotFoundException(ticketId));
  }

  @Override
  public void inboundEvent(JourneyEvent event) {
    journeys.deliver(event);
  }

  private TicketCommandResult run(TicketCommand command) {
    // The ticket's external id is its conversation (set at creation); the index is the fallback.
    String journeyId = helpdesk.find(command.ticketId())
        .map(Ticket::externalId)
        .filter(JourneyIds::isValidConversationId)
        .map(JourneyIds::journeyId)
        .or(() -> journeys.journeyOfTicket(command.ticketId()))
        .orElseThrow(() -> new TicketNotFoundException(command.ticketId()));
    try {
      return journeys.command(journeyId, command);
    } catch (JourneyService.CommandRefused e) {
      throw new TicketRefusedException(e.errors().isEmpty()
          ? List.of(new FieldError(e.field(), e.getMessage())) : e.errors());
    }
  }
}
