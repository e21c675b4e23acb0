package io.handoff.sla.clock;

import io.handoff.sla.hours.BusinessHours;
import io.handoff.sla.policy.SlaTargets;
import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketComment;
import java.time.Instant;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * How one ticket update moves the SLA clocks, shared by the journey workflow and the SLA dry run: the
 * comment (customer, public agent, internal note), the status change, then new targets when the
 * priority, group, tags or the ticket's schedule changed. Pure: targets come from {@code targetsFor}.
 */
public final class SlaClockFeed {

  private SlaClockFeed() {}

  /**
   * Feeds one update.
   *
   * @param scheduleCounts asked only when the ticket's schedule (custom field {@code schedule}) changed
   *     and nothing else re-resolves the targets: whether that change re-resolves them (the workflow
   *     answers through {@code Workflow.getVersion}, so recorded histories replay unchanged)
   * @return true when the targets were re-resolved
   */
  public static boolean ticketUpdated(SlaClocks clocks, Ticket before, Ticket after, TicketComment comment,
      Instant at, Function<Ticket, SlaTargets> targetsFor, BooleanSupplier scheduleCounts) {
    if (comment != null) {
      if (comment.authorRole() == TicketComment.AuthorRole.END_USER) {
        clocks.customerComment(at);
      } else if (comment.authorRole() == TicketComment.AuthorRole.AGENT) {
        if (comment.isPublic()) {
          clocks.publicAgentComment(at);
        } else {
          clocks.privateComment(at);
        }
      }
    }
    if (before.status() != after.status()) {
      clocks.statusChanged(at, after.status());
    }
    boolean fields = before.priority() != after.priority() || !Objects.equals(before.group(), after.group())
        || !before.tags().equals(after.tags());
    boolean schedule = !Objects.equals(before.customFields().get(BusinessHours.TICKET_SCHEDULE_FIELD),
        after.customFields().get(BusinessHours.TICKET_SCHEDULE_FIELD));
    if (fields || (schedule && scheduleCounts.getAsBoolean())) {
      clocks.targetsChanged(at, targetsFor.apply(after));
      return true;
    }
    return false;
  }
}
