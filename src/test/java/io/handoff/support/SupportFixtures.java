package io.handoff.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketComment;
import io.handoff.ticket.TicketComment.AuthorRole;
import io.handoff.ticket.TicketPriority;
import io.handoff.ticket.TicketStatus;
import io.handoff.yaml.Problems;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small tickets, updates and rule texts for support-trigger tests. */
final class SupportFixtures {

  static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

  private SupportFixtures() {}

  static SupportTriggerSet parse(String yaml) {
    Problems problems = new Problems("test.yaml");
    SupportTriggerSet set = new SupportTriggerParser(problems).parse(yaml, "test");
    assertEquals(List.of(), problems.all().stream().filter(p -> p.severity().name().equals("ERROR")).toList());
    return set;
  }

  static Ticket ticket(TicketStatus status, TicketPriority priority, String group, Set<String> tags,
      Map<String, String> custom) {
    return new Ticket("42", "ext-42", "Pricing question", "How much is the plan?", status, priority,
        "question", group, "alice", "r1", "Rita", "rita@example.com", "Acme", tags, custom, List.of(),
        "web_widget", NOW, NOW);
  }

  static TicketComment comment(String body, boolean isPublic, AuthorRole role) {
    return new TicketComment(7, body, isPublic, "a1", "Alice", role, NOW);
  }

  /** Open → pending, normal → high, with a public agent comment; session active → inactive. */
  static TicketUpdate changeUpdate() {
    Ticket before = ticket(TicketStatus.OPEN, TicketPriority.NORMAL, "Support", Set.of("vip", "pricing"),
        Map.of("100", "gold"));
    Ticket after = ticket(TicketStatus.PENDING, TicketPriority.HIGH, "Support", Set.of("vip", "pricing"),
        Map.of("100", "gold"));
    return new TicketUpdate("wf-1/step-3", before, after,
        comment("Please send your invoice number", true, AuthorRole.AGENT),
        new Actor("a1", "Alice", AuthorRole.AGENT), "inactive", "active",
        Map.of("tier", "enterprise"), Map.of("plan", "pro"), NOW);
  }

  /** A new ticket with no comment, made by the end user. */
  static TicketUpdate createUpdate(Set<String> tags, Map<String, String> requesterFields) {
    Ticket after = ticket(TicketStatus.NEW, null, null, tags, Map.of());
    return new TicketUpdate("wf-1/step-1", null, after, null, new Actor("r1", "Rita", AuthorRole.END_USER),
        "active", null, requesterFields, Map.of(), NOW);
  }

  /** One active trigger with the given condition lines (YAML flow mappings) under "all". */
  static String oneTrigger(String... conditions) {
    StringBuilder y = new StringBuilder("triggers:\n  - title: T\n    conditions:\n      all:\n");
    for (String c : conditions) {
      y.append("        - ").append(c).append('\n');
    }
    return y.append("    actions:\n      - { field: current_tags, value: matched }\n").toString();
  }
}
