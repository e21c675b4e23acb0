package io.handoff.automation;

import io.handoff.support.RuleActions;
import io.handoff.support.SupportAction;
import io.handoff.support.SupportActionType;
import io.handoff.support.SupportField;
import io.handoff.support.TicketUpdate;
import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketPriority;
import io.handoff.ticket.TicketStatus;
import io.handoff.trigger.Condition;
import io.handoff.trigger.ConditionGroup;
import io.handoff.trigger.Operator;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Zendesk's rule for automations: each must contain a condition that its own run makes false (or one
 * that is true only once), or it would fire on every hourly run. Decided from the automation alone:
 *
 * <ul>
 *   <li>a time condition with {@code is} (true during one hour only);
 *   <li>{@code updated_at} with {@code is} or {@code greater_than}: the automation's run is an update;
 *   <li>{@code assigned_at} when an action sets an assignee;
 *   <li>an {@code all} condition on a field its actions write that no longer holds after them
 *       (e.g. {@code status is pending} and an action setting {@code solved}; {@code current_tags
 *       not_includes reminded} and an action adding {@code reminded}), found by applying the actions.
 * </ul>
 */
final class Nullifying {
  private Nullifying() {}

  /** Null when the automation nullifies itself, else the message naming what is missing. */
  static String problem(Automation a) {
    for (TimeCondition t : a.timeConditions()) {
      if (t.operator() == TimeCondition.Op.IS) {
        return null;
      }
      if (t.field() == TimeField.UPDATED_AT && t.operator() == TimeCondition.Op.GREATER_THAN) {
        return null;
      }
      if (t.field() == TimeField.ASSIGNED_AT && t.operator() == TimeCondition.Op.GREATER_THAN
          && a.actions().stream().anyMatch(x -> x.type() == SupportActionType.ASSIGNEE && !x.value().isEmpty())) {
        return null;
      }
    }
    for (Condition<SupportField> c : a.conditions().all()) {
      if (falsifiedByActions(c, a.actions())) {
        return null;
      }
    }
    return "has no nullifying condition: none of its conditions becomes false when its actions run, so it"
        + " would fire again and again (Zendesk refuses such automations). Add a condition its actions make"
        + " false (status is pending + set status; current_tags not_includes x + add tag x), an \"is\" hours"
        + " condition, or updated_at greater_than N";
  }

  /** True when applying {@code actions} to a ticket on which {@code c} holds makes {@code c} false. */
  static boolean falsifiedByActions(Condition<SupportField> c, List<SupportAction> actions) {
    String field = c.field().name();
    boolean written = actions.stream().anyMatch(x -> field.equals(x.writes()));
    if (!written) {
      return false;
    }
    Set<String> tags = c.field().kind() == SupportField.TAGS && c.operator() == Operator.INCLUDES
        ? Set.copyOf(((Collection<?>) c.expected()).stream().map(Object::toString).toList()) : Set.of();
    Ticket base = new Ticket("0", null, "", "", TicketStatus.OPEN, TicketPriority.NORMAL, null, null, null, null,
        null, null, null, tags, Map.of(), List.of(), "api", Instant.EPOCH, Instant.EPOCH);
    TicketUpdate asIs = new TicketUpdate("nullifying", base, base, null, null, null, null, Map.of(), Map.of(),
        Instant.EPOCH);
    RuleActions run = new RuleActions(asIs, true, Map.of());
    ConditionGroup<SupportField> only = new ConditionGroup<>(List.of(c), List.of());
    run.apply("check", only, actions.stream().filter(x -> x.writes() != null).toList());
    return run.firstFailure(only) != null;
  }
}
