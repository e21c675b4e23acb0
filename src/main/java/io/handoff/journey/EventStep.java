package io.handoff.journey;

import io.handoff.intent.ConversationMessage;
import io.handoff.messaging.MessagingEvent;
import io.handoff.model.JourneyEvent;
import io.handoff.support.Actor;
import io.handoff.ticket.CustomerReplyEffect;
import io.handoff.ticket.NewComment;
import io.handoff.ticket.TicketComment;
import io.handoff.ticket.TicketStatus;
import io.temporal.failure.ActivityFailure;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies one inbound conversation event: a customer message goes to the messaging triggers and the triage
 * before there is a ticket, and to the ticket (a comment, or a follow-up of a closed ticket) after; an agent
 * reply likewise; the other events run the messaging triggers. Owned by one workflow instance: deterministic.
 */
final class EventStep {
  /** What a customer message without text (an image, a file, a location) stands for in the conversation. */
  static final String NO_TEXT = "[message without text]";
  private static final int MESSAGES_KEPT = 20;

  private final JourneyContext ctx;
  private final SlaStep sla;
  private final TicketStep tickets;
  private final MessagingStep messaging;
  private final TriageStep triage;

  EventStep(JourneyContext ctx, SlaStep sla, TicketStep tickets, MessagingStep messaging, TriageStep triage) {
    this.ctx = ctx;
    this.sla = sla;
    this.tickets = tickets;
    this.messaging = messaging;
    this.triage = triage;
  }

  /**
   * Applies the event at {@code at}. With {@link JourneyContext#robust}, an activity's refusal (the helpdesk,
   * a channel) does not fail the journey: it is an {@code event.failed} timeline entry.
   */
  void apply(JourneyEvent e, Instant at) {
    JourneyState state = ctx.state;
    if (e.channel() != null && state.channel == null) {
      state.channel = e.channel();
    }
    if (e.customer() != null) {
      state.customer = e.customer();
    }
    if (e.pageUrl() != null) {
      state.pageUrl = e.pageUrl();
    }
    if (e.group() != null) {
      state.group = e.group();
    }
    String step = "event/" + e.eventId();
    if (ctx.robust) {
      try {
        dispatch(e, step, at);
      } catch (ActivityFailure f) {
        ctx.timeline(at, "event.failed", e.type().wireName() + ": " + JourneyContext.failureMessage(f),
            Map.of("eventId", e.eventId()));
      }
    } else {
      dispatch(e, step, at);
    }
  }

  /** The trace of an event's timeline entry: its id, type, channel, page and agent. */
  static Map<String, Object> trace(JourneyEvent e) {
    Map<String, Object> m = new TreeMap<>();
    m.put("eventId", e.eventId());
    m.put("type", e.type().wireName());
    if (e.channel() != null) {
      m.put("channel", e.channel().wireName());
    }
    if (e.pageUrl() != null) {
      m.put("pageUrl", e.pageUrl());
    }
    if (e.agent() != null) {
      m.put("agent", e.agent().id());
    }
    return m;
  }

  private void dispatch(JourneyEvent e, String step, Instant at) {
    switch (e.type()) {
      case MESSAGE_RECEIVED, CUSTOMER_REPLIED -> customerMessage(e, step, at);
      case AGENT_REPLIED -> agentReply(e, step, at);
      case CONVERSATION_ENDED -> {
        ctx.state.sessionState = "ended";
        messaging.run(MessagingEvent.CONVERSATION_ENDED, e, step, at);
      }
      default -> messaging.run(MessagingEvent.of(e.type()), e, step, at);
    }
  }

  private void customerMessage(JourneyEvent e, String step, Instant at) {
    JourneyState state = ctx.state;
    if (ctx.robust && (e.text() == null || e.text().isBlank())) {
      e = new JourneyEvent(e.eventId(), e.conversationId(), e.type(), e.occurredAt(), e.receivedAt(), e.channel(),
          NO_TEXT, e.pageUrl(), e.customer(), e.agent(), e.group());
    }
    state.customerMessages++;
    addMessage(e.text(), ConversationMessage.Author.CUSTOMER, at);
    sla.customerMessage(at);
    if (state.ticket == null) {
      messaging.run(MessagingEvent.MESSAGE_SENT, e, step, at);
      if (!state.userSuspended) {
        triage.run(at);
      }
    } else {
      NewComment c = new NewComment(e.text(), true, state.customer == null ? null : state.customer.id(),
          state.customer == null ? null : state.customer.name(), TicketComment.AuthorRole.END_USER);
      Actor requester = new Actor(c.authorId(), c.authorName(), TicketComment.AuthorRole.END_USER);
      if (state.ticket.status() == TicketStatus.CLOSED) {
        // Zendesk: a closed ticket cannot be reopened; the customer's message starts a follow-up.
        tickets.followUp(CustomerReplyEffect.followUp(state.ticket, e.text()), at);
        return;
      }
      // Zendesk: a customer reply reopens a pending, on-hold or solved ticket.
      tickets.update(CustomerReplyEffect.of(state.ticket, e.text()).change(), c, requester, step, at);
    }
  }

  private void agentReply(JourneyEvent e, String step, Instant at) {
    JourneyState state = ctx.state;
    addMessage(e.text(), ConversationMessage.Author.AGENT, at);
    if (state.ticket == null) {
      messaging.run(MessagingEvent.MESSAGE_SENT, e, step, at);
      sla.agentReplied(at);
      return;
    }
    if (ctx.robust && state.ticket.status() == TicketStatus.CLOSED) {
      // Zendesk: a closed ticket takes no comment. The reply is on the timeline; the journey goes on.
      ctx.timeline(at, "agent.reply_after_close", e.text(), Map.of("ticket", state.ticket.id(),
          "agent", e.agent() == null ? "" : String.valueOf(e.agent().id())));
      return;
    }
    Actor agent = e.agent() == null ? TicketStep.SYSTEM
        : new Actor(e.agent().id(), e.agent().name(), TicketComment.AuthorRole.AGENT);
    tickets.update(null, NewComment.publicReply(e.text(), agent.id(), agent.name()), agent, step, at);
  }

  private void addMessage(String text, ConversationMessage.Author author, Instant at) {
    ctx.state.messages.add(new ConversationMessage(text, author, at));
    if (ctx.state.messages.size() > MESSAGES_KEPT) {
      ctx.state.messages.remove(0);
    }
  }
}
