package io.handoff.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.rules.BusinessCalendar;
import io.handoff.sla.policy.FilterCondition;
import io.handoff.sla.policy.SlaFilter;
import io.handoff.sla.policy.SlaPolicyMatcher;
import io.handoff.ticket.Ticket;
import io.handoff.trigger.ConditionGroup;
import io.handoff.trigger.ConditionParser;
import io.handoff.trigger.Problems;
import io.handoff.trigger.YamlNodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Evaluates SLA policy filters with the support-trigger rule kernel, so SLA filters and triggers speak
 * one vocabulary with the same semantics. Filters are compiled once and cached.
 */
public final class SupportFilterMatcher implements SlaPolicyMatcher {
  private static final ObjectMapper JSON = new ObjectMapper();

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
   * Compiles a filter through the kernel's own parser (the filter is rendered as YAML flow, which JSON
   * is); a condition the kernel refuses is an error naming the policy file's line.
   */
  public static ConditionGroup<SupportField> compile(SlaFilter filter) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("all", conditions(filter.all()));
    doc.put("any", conditions(filter.any()));
    Problems problems = new Problems("sla-policies.yaml");
    try {
      Node node = YamlNodes.compose(JSON.writeValueAsString(doc), problems);
      ConditionGroup<SupportField> group = new ConditionParser<>(SupportVocabulary.INSTANCE, problems).parse(node,
          "SLA filter");
      if (problems.hasErrors()) {
        throw new IllegalArgumentException("Invalid SLA filter: " + problems.all());
      }
      return group;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static List<Map<String, Object>> conditions(List<FilterCondition> list) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (FilterCondition c : list) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("field", c.field());
      m.put("operator", c.operator());
      m.put("value", c.value());
      out.add(m);
    }
    return out;
  }
}
