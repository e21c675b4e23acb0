package io.handoff.sla.policy;

import io.handoff.ticket.Ticket;
import java.util.Arrays;
import java.util.List;

/**
 * Test-only matcher for a few fields of the support-trigger vocabulary. Production wires the rule
 * kernel instead; this exists so policy selection can be tested without it.
 */
final class TestMatcher implements SlaPolicyMatcher {

  @Override
  public boolean matches(Ticket ticket, SlaFilter filter) {
    return filter.all().stream().allMatch(c -> holds(ticket, c))
        && (filter.any().isEmpty() || filter.any().stream().anyMatch(c -> holds(ticket, c)));
  }

  private static boolean holds(Ticket t, FilterCondition c) {
    String value = String.valueOf(c.value());
    return switch (c.field() + " " + c.operator()) {
      case "priority is" -> t.priority() != null && t.priority().wireName().equals(value);
      case "priority is_not" -> t.priority() == null || !t.priority().wireName().equals(value);
      case "group_id is" -> value.equals(t.group());
      case "current_tags includes" -> words(value).stream().anyMatch(t.tags()::contains);
      case "current_tags not_includes" -> words(value).stream().noneMatch(t.tags()::contains);
      default -> throw new IllegalArgumentException("test matcher does not know " + c);
    };
  }

  private static List<String> words(String value) {
    return Arrays.asList(value.trim().split("\\s+"));
  }
}
