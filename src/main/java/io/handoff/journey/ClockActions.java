package io.handoff.journey;

import io.handoff.messaging.MessagingEvent;
import io.handoff.sla.clock.SlaFiring;
import io.handoff.sla.inactivity.InactivityEvent;
import io.handoff.sla.policy.EscalationAction;
import io.handoff.support.Notification;
import io.handoff.ticket.NewComment;
import io.handoff.ticket.TicketChange;
import io.handoff.ticket.TicketComment;
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
        "actions", f.actions()));
    TicketChange.Builder change = TicketChange.builder();
    boolean changed = false;
    int i = 0;
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
    for (EscalationAction raw : f.actions()) {
      EscalationAction a = new EscalationAction(raw.kind(), raw.value(), render(raw.subject(), values),
          render(raw.body(), values));
      String key = ctx.key("sla/" + clock + "/" + i++);
      switch (a.kind()) {
        case RAISE_PRIORITY -> {
          var current = ctx.state.ticket.priority();
          change.priority((current == null ? io.handoff.ticket.TicketPriority.NORMAL : current.raised()).wireName());
          changed = true;
        }
        case SET_PRIORITY -> {
          change.priority(a.value());
          changed = true;
        }
        case SET_GROUP -> {
          change.group(a.value());
          changed = true;
        }
        case ADD_TAG -> {
          change.addTag(a.value());
          changed = true;
        }
        case INTERNAL_NOTE -> ctx.stubs.tickets.addComment(ctx.state.ticket.id(), new NewComment(a.body(), false,
            TicketStep.SYSTEM.id(), TicketStep.SYSTEM.name(), TicketComment.AuthorRole.SYSTEM), key);
        case NOTIFY_EMAIL -> ctx.notify(new Notification(Notification.Kind.EMAIL, "SLA " + clock, i,
            "user", a.value(), a.subject(), a.body(), null, key), at, java.util.Map.of("sla", String.valueOf(clock)));
        case NOTIFY_WEBHOOK -> ctx.notify(new Notification(Notification.Kind.WEBHOOK, "SLA " + clock,
            i, "webhook", a.value(), a.subject(), a.body(), a.value(), key), at, java.util.Map.of("sla", String.valueOf(clock)));
        default -> { }
      }
    }
    if (changed && ctx.state.ticket != null) {
      tickets.update(change.build(), null, TicketStep.SYSTEM, "sla/" + clock, at);
    }
  }

  private static String render(String text, java.util.function.Function<String, String> values) {
    return text == null ? null : io.handoff.trigger.Placeholders.render(text, values);
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
    return reminder.messageFor(io.handoff.rules.DynamicContent.languages(ctx.state.language,
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
