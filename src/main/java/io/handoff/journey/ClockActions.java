package io.handoff.journey;

import io.handoff.messaging.MessagingEvent;
import io.handoff.sla.clock.SlaFiring;
import io.handoff.sla.inactivity.InactivityEvent;
import io.handoff.ticket.TicketChange;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * What a fired clock does (fired by {@link JourneyClocks}): SLA warnings and breaches run their escalation
 * actions; inactivity steps send reminders and move the ticket. Every side effect is keyed by the clock
 * (metric, cycle, kind, percent; reminder number), so it happens once.
 */
final class ClockActions {
  private final JourneyContext ctx;
  private final TicketStep tickets;
  private final MessagingStep messaging;

  ClockActions(JourneyContext ctx, TicketStep tickets, MessagingStep messaging) {
    this.ctx = ctx;
    this.tickets = tickets;
    this.messaging = messaging;
  }

  /** Runs a fired SLA warning's or breach's escalation actions. */
  void sla(SlaFiring f, Instant at) {
    var d = f.deadline();
    String clock = d.metric().wireName() + "/" + d.cycle() + "/" + d.kind().name().toLowerCase(Locale.ROOT)
        + (d.kind() == io.handoff.sla.clock.SlaDeadline.Kind.WARNING ? "-" + d.percent() : "");
    ctx.timeline(at, "sla." + d.kind().name().toLowerCase(Locale.ROOT), d.timerSummary() + " (policy " + f.policy()
        + ", target " + f.target() + ")", Map.of("metric", d.metric().wireName(), "dueAt", d.at().toString(),
        "actions", io.handoff.sla.policy.EscalationWire.of(f.actions())));
    java.util.function.Function<String, String> values = name -> switch (name) {
      case "sla.metric" -> d.metric().wireName();
      case "sla.target" -> String.valueOf(f.target());
      case "sla.policy" -> String.valueOf(f.policy());
      case "sla.due_at" -> d.at().toString();
      case "ticket.id" -> ctx.state.ticket == null ? "" : ctx.state.ticket.id();
      case "ticket.priority" -> ctx.state.ticket == null || ctx.state.ticket.priority() == null ? ""
          : ctx.state.ticket.priority().wireName();
      case "ticket.group" -> ctx.state.ticket == null ? "" : String.valueOf(ctx.state.ticket.group());
      default -> null;
    };
    var escalation = io.handoff.support.RuleActions.escalate(ctx.state.ticket, f.actions(), values, "SLA " + clock,
        i -> ctx.key("sla/" + clock + "/" + i));
    for (io.handoff.support.TicketEffect effect : escalation.effects()) {
      tickets.send(ctx.state.ticket.id(), effect, TicketStep.SYSTEM, Map.of("sla", clock), false, at);
    }
    if (!escalation.change().isEmpty()) {
      tickets.update(escalation.change(), null, TicketStep.SYSTEM, "sla/" + clock, at);
    }
  }

  /** A reminder's message in the customer's language when the policy has it per language (dynamic content). */
  private String reminderMessage(InactivityEvent e) {
    var policy = ctx.state.inactivity == null ? ctx.state.inactivityPolicy : ctx.state.inactivity.policy();
    if (e.kind() != InactivityEvent.Kind.REMINDER || policy == null || e.reminder() > policy.reminders().size()) {
      return e.message();
    }
    var reminder = policy.reminders().get(e.reminder() - 1);
    if (reminder.messages().isEmpty()) {
      return e.message();
    }
    return reminder.messageFor(io.handoff.trigger.DynamicContent.languages(ctx.state.language,
        ctx.state.customer == null ? null : ctx.state.customer.locale()));
  }

  /** Carries out a fired inactivity step: its reminder, its ticket change, the end of the conversation. */
  void inactivity(InactivityEvent e, Instant at) {
    String step = "inactivity/" + e.kind().name().toLowerCase(Locale.ROOT) + "/" + e.reminder();
    ctx.timeline(at, "inactivity." + e.kind().name().toLowerCase(Locale.ROOT), e.timerSummary(), null);
    if (e.kind() == InactivityEvent.Kind.SESSION_INACTIVE) {
      messaging.run(MessagingEvent.SESSION_INACTIVE, null, step, at);
    }
    String message = reminderMessage(e);
    if (message != null && !message.isBlank()) {
      ctx.stubs.messaging.sendMessage(ctx.state.conversationId, message, ctx.key(step + "/message"));
      ctx.state.messagesSent++;
      ctx.timeline(at, "message.sent", message, Map.of("reminder", e.reminder()));
    }
    if (ctx.state.ticket != null && (e.setStatus() != null || e.tag() != null)) {
      TicketChange.Builder change = TicketChange.builder();
      if (e.setStatus() != null && e.setStatus() != ctx.state.ticket.status()) {
        change.status(e.setStatus().wireName());
      }
      if (e.tag() != null) {
        change.addTag(e.tag());
      }
      TicketChange c = change.build();
      if (!c.isEmpty()) {
        tickets.update(c, null, TicketStep.SYSTEM, step, at);
      }
    }
    if (e.kind() == InactivityEvent.Kind.SESSION_ENDED && ctx.state.ticket == null) {
      messaging.run(MessagingEvent.CONVERSATION_ENDED, null, step + "/ended", at);
    }
  }
}
