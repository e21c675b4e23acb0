package io.handoff.dryrun;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.journey.JourneyService;
import io.handoff.messaging.MessagingEvent;
import io.handoff.messaging.MessagingFacts;
import io.handoff.model.Customer;
import io.handoff.model.EventType;
import io.handoff.model.JourneyEvent;
import io.handoff.persistence.Journal;
import io.handoff.support.Actor;
import io.handoff.support.TicketUpdate;
import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketComment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rebuilds dry-run events from an existing journey: each journaled inbound event becomes a messaging
 * event (customer messages only until the ticket exists: after that they are ticket comments), and
 * the journey's ticket becomes a support "create" (the ticket as it is now, without comments) followed by
 * one update per public or private agent comment. The reconstruction is approximate: ticket changes
 * made later by agents are already in the "created" ticket. Used by the REST dry run and by the
 * {@code equivalence --journeys-db} command.
 */
public final class JourneyDryRunEvents {

  private final Journal journal;
  private final ObjectMapper json;

  public JourneyDryRunEvents(Journal journal, ObjectMapper json) {
    this.journal = journal;
    this.json = json;
  }

  /** The events of {@code journeyId}, with {@code ticket} when it has one; empty when nothing is journaled. */
  public List<DryRunEvent> of(String journeyId, Optional<Ticket> ticket) throws IOException {
    List<DryRunEvent> events = new ArrayList<>();
    Customer customer = null;
    String pageUrl = null;
    for (Journal.Entry entry : journal.entries(journeyId)) {
      if (!JourneyService.JOURNAL_EVENT.equals(entry.kind())) {
        continue;
      }
      JourneyEvent e = json.readValue(entry.payload(), JourneyEvent.class);
      customer = e.customer() != null ? e.customer() : customer;
      pageUrl = e.pageUrl() != null ? e.pageUrl() : pageUrl;
      MessagingEvent event = MessagingEvent.of(e.type());
      if (event == null || ticket.isPresent() && e.type().fromCustomer() && afterTicket(e, ticket.get())) {
        continue;
      }
      java.time.Instant at = e.occurredAt() != null ? e.occurredAt() : entry.receivedAt();
      MessagingFacts.Builder facts = MessagingFacts.builder(e.conversationId(), event, at)
          .channel(e.channel()).pageUrl(pageUrl).group(e.group()).message(e.text());
      if (e.text() != null) {
        facts.sender(e.type() == EventType.AGENT_REPLIED ? "agent" : "customer");
      }
      if (customer != null) {
        facts.customer(customer.name(), customer.email()).attributes(customer.attributes());
      }
      events.add(new DryRunEvent(entry.entryId(), "messaging", facts.build(), null));
    }
    if (ticket.isPresent()) {
      events.addAll(ticketEvents(journeyId, ticket.get(), requesterFields(customer)));
    }
    return events;
  }

  /** A customer message after the ticket exists is a ticket comment, not a messaging event. */
  private static boolean afterTicket(JourneyEvent e, Ticket t) {
    java.time.Instant at = e.occurredAt() != null ? e.occurredAt() : e.receivedAt();
    return t.createdAt() != null && at != null && at.isAfter(t.createdAt());
  }

  private static List<DryRunEvent> ticketEvents(String journeyId, Ticket t, Map<String, String> requester) {
    List<DryRunEvent> events = new ArrayList<>();
    Ticket created = withoutComments(t);
    Actor system = new Actor("handoff", "Handoff", TicketComment.AuthorRole.SYSTEM);
    events.add(new DryRunEvent(journeyId + "/ticket-create", "support", null,
        new TicketUpdate(journeyId + "/ticket-create", null, created, null, system, "active", "active",
            requester, Map.of(), t.createdAt())));
    for (TicketComment c : t.comments()) {
      if (c.authorRole() != TicketComment.AuthorRole.AGENT) {
        continue;
      }
      Actor agent = new Actor(c.authorId(), c.authorName(), c.authorRole());
      String id = journeyId + "/comment-" + c.id();
      events.add(new DryRunEvent(id, "support", null,
          new TicketUpdate(id, created, created, c, agent, "active", "active", requester, Map.of(), c.createdAt())));
    }
    return events;
  }

  private static Ticket withoutComments(Ticket t) {
    return new Ticket(t.id(), t.externalId(), t.subject(), t.description(), t.status(), t.priority(), t.type(),
        t.group(), t.assignee(), t.requesterId(), t.requesterName(), t.requesterEmail(), t.organization(),
        new LinkedHashSet<>(t.tags()), t.customFields(), List.of(), t.via(), t.createdAt(), t.updatedAt());
  }

  private static Map<String, String> requesterFields(Customer customer) {
    Map<String, String> fields = new HashMap<>();
    if (customer != null) {
      fields.putAll(customer.attributes());
      if (customer.tier() != null) {
        fields.put("tier", customer.tier());
      }
    }
    return fields;
  }
}
