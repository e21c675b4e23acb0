package io.handoff.ticket;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a customer message does to the journey's ticket, as in Zendesk: a reply on a pending,
 * on-hold or solved ticket reopens it; on a closed ticket it starts a follow-up ticket linked to the
 * closed one (custom field {@value #FOLLOW_UP_OF}, tag {@value #FOLLOW_UP_TAG}, via
 * {@code closed_ticket}); on a new or open ticket nothing changes. Pure and deterministic, so the
 * workflow may call it.
 *
 * @param change the change to apply (null when none)
 * @param followUp the follow-up ticket to create (null when none)
 */
public record CustomerReplyEffect(TicketChange change, TicketDraft followUp) {

  /** Custom field of a follow-up ticket naming the closed ticket it follows. */
  public static final String FOLLOW_UP_OF = "follow_up_of";
  public static final String FOLLOW_UP_TAG = "follow_up";
  /** Zendesk's via channel for follow-ups of closed tickets (via id 27). */
  public static final String FOLLOW_UP_VIA = "closed_ticket";

  /** The effect of a customer message with {@code text} on {@code ticket}. */
  public static CustomerReplyEffect of(Ticket ticket, String text) {
    return switch (ticket.status()) {
      case PENDING, HOLD, SOLVED -> new CustomerReplyEffect(TicketChange.status(TicketStatus.OPEN), null);
      case CLOSED -> new CustomerReplyEffect(null, followUp(ticket, text));
      case NEW, OPEN -> new CustomerReplyEffect(null, null);
    };
  }

  /** A follow-up of a closed ticket: same requester, group, priority and tags, linked by id. */
  public static TicketDraft followUp(Ticket closed, String text) {
    Set<String> tags = new LinkedHashSet<>(closed.tags());
    tags.add(FOLLOW_UP_TAG);
    Map<String, String> fields = new LinkedHashMap<>(closed.customFields());
    fields.put(FOLLOW_UP_OF, closed.id());
    String description = text == null || text.isBlank() ? closed.subject() : text;
    return new TicketDraft(closed.subject(), description, closed.requesterId(),
        closed.requesterName(), closed.requesterEmail(),
        closed.priority() == null ? null : closed.priority().wireName(), closed.group(), tags,
        FOLLOW_UP_VIA, fields, closed.externalId());
  }

  public boolean nothing() {
    return change == null && followUp == null;
  }
}
