package io.handoff.support;

import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketChange;
import io.handoff.trigger.ActionTrace;
import io.handoff.trigger.ConditionFailure;
import io.handoff.trigger.ConditionGroup;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The support triggers' action path for other rule engines (automations, SLA escalations): one working ticket that
 * rules are checked against and whose actions apply at once, in order, so a later rule sees what an
 * earlier one changed; comments and notifications are rendered at the end with the final values and
 * keyed by {@link TicketUpdate#idempotencyKey()}, rule title and action index, exactly as for triggers.
 */
public final class RuleActions {

  private final TicketUpdate update;
  private final WorkingTicket ticket;
  private final SupportActionApplier applier;
  private final SupportTriggerSet webhooks;

  private DirectoryNames names = DirectoryNames.IDS;

  /** Renders group and agent names from the helpdesk directory (else placeholders show their ids). */
  public RuleActions withNames(DirectoryNames names) {
    this.names = names;
    return this;
  }

  public RuleActions(TicketUpdate update, boolean inBusinessHours, Map<String, Webhook> webhooks) {
    this(update, inBusinessHours, webhooks, io.handoff.trigger.DynamicContent.NONE);
  }

  /** With the dynamic content ({@code {{dc.name}}}) the rules' texts use. */
  public RuleActions(TicketUpdate update, boolean inBusinessHours, Map<String, Webhook> webhooks,
      io.handoff.trigger.DynamicContent content) {
    this.update = update;
    this.ticket = new WorkingTicket(update, inBusinessHours);
    this.applier = new SupportActionApplier(ticket);
    this.webhooks = new SupportTriggerSet(List.of(), List.of(), webhooks, "", content);
  }

  /**
   * What an SLA escalation does, on the same path: its actions applied to {@code ticket} as it is when
   * the clock fires ({@code raise_priority} raises that priority).
   *
   * @param change the change the field actions ask for (every written field, tags added as tags), empty
   *     when there are none
   * @param effects the comments and notifications, in action order
   */
  public record Escalation(TicketChange change, List<TicketEffect> effects) {
    public Escalation {
      effects = List.copyOf(effects);
    }
  }

  /**
   * Applies an SLA escalation's actions to {@code ticket}.
   *
   * @param values the escalation placeholders ({@code sla.*}, {@code ticket.*}) its texts are rendered with
   * @param title what the notifications name as their rule, e.g. {@code SLA first_reply_time/1/breach}
   * @param keys the idempotency key of the action at each index
   */
  public static Escalation escalate(Ticket ticket, List<SupportAction> actions, Function<String, String> values,
      String title, IntFunction<String> keys) {
    TicketUpdate asIs = new TicketUpdate(null, ticket, ticket, null, null, null, null, null, null, null);
    SupportActionApplier applier = new SupportActionApplier(new WorkingTicket(asIs, true));
    applier.apply(new SupportTrigger(title, null, true, null, 0, new ConditionGroup<>(List.of(), List.of()),
        actions, 0), new HashSet<>());
    return new Escalation(applier.requested(), SupportEffects.escalation(applier.queued(), values, title, keys));
  }

  /** Null when the conditions hold for the working ticket now, else the first reason they do not. */
  public ConditionFailure firstFailure(ConditionGroup<SupportField> conditions) {
    return conditions.firstFailure(ticket);
  }

  /** Applies a rule's actions to the working ticket (queueing its comments and notifications). */
  public List<ActionTrace> apply(String title, ConditionGroup<SupportField> conditions, List<SupportAction> actions) {
    SupportTrigger asTrigger = new SupportTrigger(title, null, true, null, 0, conditions, actions, 0);
    return applier.apply(asTrigger, new HashSet<>());
  }

  /** The working ticket with every applied change. */
  public Ticket ticket() {
    return ticket.toTicket();
  }

  /** The queued comments and notifications, rendered with the final ticket. */
  public SupportDecision decision(io.handoff.trigger.EvaluationTrace trace) {
    Ticket finalTicket = ticket.toTicket();
    SupportEffects effects = new SupportEffects(applier.queued(), finalTicket, update, webhooks, names);
    return new SupportDecision(finalTicket, effects.comments, effects.notifications, trace);
  }
}
