package io.handoff.journey;

import io.handoff.model.Stage;
import io.handoff.routing.RoutingStore;
import io.handoff.sla.clock.SlaClocks;
import io.handoff.sla.policy.SlaTargets;
import io.handoff.support.Actor;
import io.handoff.support.CommentToAdd;
import io.handoff.support.Notification;
import io.handoff.support.SupportDecision;
import io.handoff.support.TicketEffect;
import io.handoff.support.TicketUpdate;
import io.handoff.ticket.NewComment;
import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketChange;
import io.handoff.ticket.TicketComment;
import io.handoff.ticket.TicketDraft;
import io.handoff.ticket.TicketStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every change to the journey's ticket goes through here: the helpdesk write, the support triggers
 * (Zendesk's loop, in an activity), the trigger changes written back, comments and notifications,
 * then the SLA clocks, the stage and the routing outcome.
 */
final class TicketStep {
  static final Actor SYSTEM = new Actor("handoff", "Handoff", TicketComment.AuthorRole.SYSTEM);

  private final JourneyContext ctx;
  private final SlaStep sla;

  TicketStep(JourneyContext ctx, SlaStep sla) {
    this.ctx = ctx;
    this.sla = sla;
  }

  /** Creates the journey's ticket (exactly once: the key is the journey's) and runs the create triggers. */
  Ticket create(TicketDraft draft, Instant at) {
    return create(draft, "ticket", at);
  }

  /**
   * A customer message on a closed ticket: a follow-up ticket linked to it (exactly once per closed
   * ticket), with the create triggers and new SLA clocks; the journey is ticketed again.
   */
  Ticket followUp(TicketDraft draft, Instant at) {
    String closedId = ctx.state.ticket.id();
    ctx.state.followUps++;
    ctx.state.closedAt = null;
    ctx.state.solvedAt = null;
    Ticket created = create(draft, "ticket/follow-up-of-" + closedId, at);
    ctx.enterStage(Stage.TICKETED, at, "follow-up ticket #" + created.id() + " of closed ticket #" + closedId);
    return created;
  }

  private Ticket create(TicketDraft draft, String keyStep, Instant at) {
    Ticket created = ctx.stubs.tickets.createTicket(draft, ctx.key(keyStep));
    ctx.state.ticketCreatedAt = at;
    ctx.state.initialGroup = created.group();
    ctx.timeline(at, "ticket.created", "ticket #" + created.id() + " in " + created.group(), null);
    Ticket result = afterWrite(null, created, null, SYSTEM, keyStep + "-create", at);
    SlaTargets targets = sla.targetsFor(result, at);
    SlaClocks clocks = SlaClocks.ticketCreated(at, result.status(), targets);
    sla.started(clocks, at);
    return result;
  }

  /**
   * Applies a change and/or a comment by {@code actor}, then runs the support triggers on the update.
   * {@code stepKey} must be unique and stable for this update (the command or event id).
   */
  TicketCommandResult update(TicketChange change, NewComment comment, Actor actor, String stepKey, Instant at) {
    Ticket before = ctx.state.ticket;
    Ticket after = before;
    if (change != null && !change.isEmpty()) {
      after = withoutComments(ctx.stubs.tickets.applyChange(before.id(), change, ctx.key(stepKey + "/change")));
    }
    TicketComment added = null;
    if (comment != null) {
      added = ctx.stubs.tickets.addComment(before.id(), comment, ctx.key(stepKey + "/comment"));
      after = withoutComments(after);
      ctx.timeline(at, added.isPublic() ? "ticket.comment.public" : "ticket.comment.private", added.body(),
          Map.of("author", String.valueOf(added.authorName()), "role", String.valueOf(added.authorRole())));
    }
    Ticket result = afterWrite(before, after, added, actor, stepKey, at);
    sla.ticketUpdated(before, result, added, at);
    if (actor.role() == TicketComment.AuthorRole.AGENT) {
      humanActed(before, result, added, at);
      if (added != null && added.isPublic()) {
        sla.agentReplied(at);
      }
    }
    return new TicketCommandResult(result, added);
  }

  private Ticket afterWrite(Ticket before, Ticket after, TicketComment comment, Actor actor, String stepKey,
      Instant at) {
    JourneyState s = ctx.state;
    TicketUpdate update = new TicketUpdate(ctx.key(stepKey + "/triggers"), before, after, comment, actor,
        s.sessionState, s.sessionState, requesterFields(), Map.of(), at);
    SupportDecision d = ctx.stubs.support.evaluate(update);
    Ticket result = after;
    TicketChange triggered = diff(after, d.ticket());
    if (!triggered.isEmpty()) {
      result = withoutComments(ctx.stubs.tickets.applyChange(after.id(), triggered, ctx.key(stepKey + "/trigger-changes")));
    }
    ctx.timeline(at, "support.triggers", (before == null ? "created" : "updated") + ": "
        + String.join(", ", triggered.touchedFields()), d.trace());
    for (TicketEffect e : d.effects()) {
      send(after.id(), e, SYSTEM, Map.of("trigger", e.trigger()), true, at);
    }
    s.ticket = result;
    s.tags = new java.util.LinkedHashSet<>(result.tags());
    AutomationStep.track(s, before, result, actor, at);
    followStatus(before, result, at);
    return result;
  }

  /**
   * Sends one comment or notification of applied support actions (a trigger's, an automation's or an SLA
   * escalation's) under its own idempotency key; comments are written by {@code author} as the system.
   * {@code origin} names the rule in the timeline and in a failed notification's trace; {@code recorded}
   * false keeps a sent effect out of the timeline (an SLA clock's own entry lists its actions).
   */
  void send(String ticketId, TicketEffect effect, Actor author, Map<String, String> origin, boolean recorded,
      Instant at) {
    if (effect instanceof CommentToAdd c) {
      ctx.stubs.tickets.addComment(ticketId, new NewComment(c.body(), c.isPublic(), author.id(), author.name(),
          TicketComment.AuthorRole.SYSTEM), c.idempotencyKey());
      if (recorded) {
        ctx.timeline(at, c.isPublic() ? "ticket.public_reply" : "ticket.internal_note", c.body(), origin);
      }
    } else if (effect instanceof Notification n && ctx.notify(n, at, origin) && recorded) {
      ctx.timeline(at, "notification." + n.kind().name().toLowerCase(java.util.Locale.ROOT),
          n.recipientType() + " " + Objects.toString(n.recipient(), ""), origin);
    }
  }

  /** Moves the stage with the ticket's status: solved starts the close timer; closed ends the journey. */
  private void followStatus(Ticket before, Ticket after, Instant at) {
    JourneyState s = ctx.state;
    TicketStatus previous = before == null ? null : before.status();
    if (after.status() == previous) {
      return;
    }
    switch (after.status()) {
      case SOLVED -> {
        s.solvedAt = at;
        s.closeAt = at.plus(ctx.settings.closeAfter());
        ctx.enterStage(Stage.SOLVED, at, "ticket solved; closes at " + s.closeAt);
      }
      case CLOSED -> {
        s.closedAt = at;
        s.closeAt = null;
        s.inactivity = null;
        ctx.enterStage(Stage.CLOSED, at, "ticket closed; a customer message until "
            + at.plus(ctx.settings.followUpWindow()) + " starts a follow-up ticket");
      }
      default -> {
        if (previous == TicketStatus.SOLVED) {
          s.reopened = true;
          s.solvedAt = null;
          s.closeAt = null;
          ctx.enterStage(Stage.TICKETED, at, "ticket reopened");
        }
      }
    }
  }

  /** Records the humans' routing (the ground truth of the comparison) after an agent's action. */
  private void humanActed(Ticket before, Ticket after, TicketComment comment, Instant at) {
    JourneyState s = ctx.state;
    if (!Objects.equals(before.group(), after.group()) || !Objects.equals(before.assignee(), after.assignee())) {
      s.rerouted = s.rerouted || !Objects.equals(before.group(), after.group());
    }
    if (comment != null && comment.isPublic() && s.firstHumanReplyAt == null) {
      s.firstHumanReplyAt = at;
    }
    recordOutcome(at);
  }

  void recordOutcome(Instant at) {
    JourneyState s = ctx.state;
    if (s.ticket == null) {
      return;
    }
    ctx.stubs.routing.recordOutcome(new RoutingStore.Outcome(s.journeyId, s.routing.active(), s.initialGroup,
        s.ticket.group(), s.ticket.priority() == null ? null : s.ticket.priority().wireName(), s.rerouted,
        s.reopened, true, s.ticketCreatedAt, s.firstHumanReplyAt, s.slaBreached, at));
  }

  private Map<String, String> requesterFields() {
    return requesterFields(ctx.state);
  }

  /**
   * The customer's tier and attributes as requester custom fields, with the conversation's detected
   * {@code language} and the customer's {@code locale} (they pick the language of dynamic content).
   */
  static Map<String, String> requesterFields(JourneyState s) {
    Map<String, String> fields = new HashMap<>();
    if (s.customer != null) {
      fields.putAll(s.customer.attributes());
      if (s.customer.tier() != null) {
        fields.put("tier", s.customer.tier());
      }
      if (s.customer.locale() != null) {
        fields.putIfAbsent("locale", s.customer.locale());
      }
    }
    if (s.language != null) {
      fields.putIfAbsent("language", s.language);
    }
    return fields;
  }

  static Ticket withoutComments(Ticket t) {
    return new Ticket(t.id(), t.externalId(), t.subject(), t.description(), t.status(), t.priority(), t.type(),
        t.group(), t.assignee(), t.requesterId(), t.requesterName(), t.requesterEmail(), t.organization(), t.tags(),
        t.customFields(), List.of(), t.via(), t.createdAt(), t.updatedAt());
  }

  /** The change that turns {@code from} into {@code to}, field by field. */
  static TicketChange diff(Ticket from, Ticket to) {
    TicketChange.Builder b = TicketChange.builder();
    if (to.status() != from.status()) {
      b.status(to.status().wireName());
    }
    if (to.priority() != from.priority() && to.priority() != null) {
      b.priority(to.priority().wireName());
    }
    if (!Objects.equals(to.type(), from.type()) && to.type() != null) {
      b.type(to.type());
    }
    if (!Objects.equals(to.group(), from.group()) && to.group() != null) {
      b.group(to.group());
    }
    if (!Objects.equals(to.assignee(), from.assignee()) && to.assignee() != null) {
      b.assignee(to.assignee());
    }
    if (!to.tags().equals(from.tags())) {
      b.setTags(to.tags());
    }
    to.customFields().forEach((k, v) -> {
      if (!Objects.equals(from.customFields().get(k), v)) {
        b.customField(k, v);
      }
    });
    return b.build();
  }
}
