package io.handoff.support;

import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketComment;
import java.time.Instant;
import java.util.Map;

/**
 * One ticket create or update to run the support triggers on.
 *
 * @param idempotencyKey the caller's key for this update (e.g. workflow ID + step); effect keys derive
 *     from it
 * @param before the ticket before the update; null on creation
 * @param after the ticket with the update applied
 * @param comment the comment added by this update, or null
 * @param actor who made the update
 * @param sessionState the messaging session state now (active, inactive, ended) or null
 * @param previousSessionState the messaging session state before the update, or null
 * @param requesterFields requester custom fields ({@code requester.custom_fields.<key>}); the journey
 *     passes the customer's {@code tier} and attributes here
 * @param organizationFields organization custom fields
 * @param at when the update happened (for "within business hours"); null = {@code after.updatedAt()}
 * @param via this update's channel ({@code current_via_id}), when known (replayed Zendesk audits); null =
 *     derived from the actor (see {@code WorkingTicket})
 */
public record TicketUpdate(
    String idempotencyKey,
    Ticket before,
    Ticket after,
    TicketComment comment,
    Actor actor,
    String sessionState,
    String previousSessionState,
    Map<String, String> requesterFields,
    Map<String, String> organizationFields,
    Instant at,
    String via) {

  /** An update whose channel is derived from its actor. */
  public TicketUpdate(String idempotencyKey, Ticket before, Ticket after, TicketComment comment, Actor actor,
      String sessionState, String previousSessionState, Map<String, String> requesterFields,
      Map<String, String> organizationFields, Instant at) {
    this(idempotencyKey, before, after, comment, actor, sessionState, previousSessionState, requesterFields,
        organizationFields, at, null);
  }

  public TicketUpdate {
    requesterFields = requesterFields == null ? Map.of() : Map.copyOf(requesterFields);
    organizationFields = organizationFields == null ? Map.of() : Map.copyOf(organizationFields);
  }
}
