package io.handoff.sla.policy;

import io.handoff.support.SupportActionType;
import io.handoff.support.SupportField;
import io.handoff.support.SupportVocabulary;
import io.handoff.support.TicketUpdate;
import io.handoff.support.WorkingTicket;
import io.handoff.ticket.Ticket;
import io.handoff.trigger.BusinessCalendar;
import io.handoff.trigger.Condition;
import io.handoff.trigger.ConditionGroup;
import io.handoff.trigger.ConditionParser;
import io.handoff.yaml.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates SLA policy filters with the support-trigger rule kernel, so SLA filters and triggers speak
 * one vocabulary with the same semantics. Filters are compiled once and cached.
 */
public final class SupportFilterMatcher implements SlaPolicyMatcher {
  private final BusinessCalendar calendar;
  private final Map<SlaFilter, ConditionGroup<SupportField>> compiled = new ConcurrentHashMap<>();

  public SupportFilterMatcher(BusinessCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public boolean matches(Ticket ticket, SlaFilter filter) {
    ConditionGroup<SupportField> group = compiled.computeIfAbsent(filter, SupportFilterMatcher::compile);
    TicketUpdate asIs = new TicketUpdate("sla-filter", ticket, ticket, null, null, null, null, Map.of(), Map.of(),
        ticket.updatedAt());
    boolean open = ticket.updatedAt() == null || calendar.isWithinBusinessHours(
        ticket.customFields().get(SupportActionType.SCHEDULE_FIELD), ticket.updatedAt());
    return group.firstFailure(new WorkingTicket(asIs, open, calendar, ticket.updatedAt())) == null;
  }

  /**
   * Compiles a filter with the kernel's own condition parser, so filters and triggers accept the same
   * conditions; a condition the kernel refuses is an error naming the policy file's line.
   */
  public static ConditionGroup<SupportField> compile(SlaFilter filter) {
    Problems problems = new Problems("sla-policies.yaml");
    ConditionParser<SupportField> parser = new ConditionParser<>(SupportVocabulary.INSTANCE, problems);
    ConditionGroup<SupportField> group = new ConditionGroup<>(conditions(parser, filter.all()),
        conditions(parser, filter.any()));
    if (problems.hasErrors()) {
      throw new IllegalArgumentException("Invalid SLA filter: " + problems.all());
    }
    return group;
  }

  private static List<Condition<SupportField>> conditions(ConditionParser<SupportField> parser,
      List<FilterCondition> list) {
    List<Condition<SupportField>> out = new ArrayList<>();
    for (FilterCondition c : list) {
      Condition<SupportField> parsed = parser.one(c.field(), c.operator(), c.value(), c.line(), "SLA filter");
      if (parsed != null) {
        out.add(parsed);
      }
    }
    return out;
  }
}
