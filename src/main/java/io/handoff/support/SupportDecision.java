package io.handoff.support;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.handoff.ticket.Ticket;
import io.handoff.trigger.EvaluationTrace;
import java.util.List;

/**
 * What the support triggers decided for one update: the ticket with all trigger changes, the comments
 * and notifications to send, and the trace. The evaluation itself has no side effects.
 */
public record SupportDecision(
    Ticket ticket, List<CommentToAdd> comments, List<Notification> notifications, EvaluationTrace trace) {

  public SupportDecision {
    comments = List.copyOf(comments);
    notifications = List.copyOf(notifications);
  }

  /** The comments, then the notifications: the order the journey sends them in. */
  @JsonIgnore
  public List<TicketEffect> effects() {
    List<TicketEffect> all = new java.util.ArrayList<>(comments);
    all.addAll(notifications);
    return all;
  }
}
