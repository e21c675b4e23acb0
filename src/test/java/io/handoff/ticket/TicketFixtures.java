package io.handoff.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small fixtures shared by ticket tests. */
final class TicketFixtures {
  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  static final String HELPDESK_YAML = """
      groups:
        - id: billing
          name: Billing
          zendeskId: "360001"
        - id: technical
          name: Technical support
          zendeskId: "360002"
      agents:
        - id: ana
          name: Ana
          email: ana@example.com
          groups: [billing]
          status: online
          zendeskId: "9001"
        - id: ben
          name: Ben
          email: ben@example.com
          groups: [technical]
      """;

  private TicketFixtures() {}

  static HelpdeskDirectory directory() {
    io.handoff.yaml.Loaded<io.handoff.ticket.HelpdeskDirectory> r = HelpdeskDirectoryLoader.load("helpdesk.yaml", HELPDESK_YAML);
    if (!r.ok()) {
      throw new IllegalStateException(r.errors().toString());
    }
    return r.value();
  }

  static Ticket ticket(TicketStatus status, String group, String assignee) {
    return new Ticket("42", "conv-1", "Refund", "I want a refund", status, TicketPriority.NORMAL,
        null, group, assignee, "cust-1", "Jo", "jo@example.com", null, Set.of("vip"), Map.of(),
        List.of(), "web_widget", T0, T0);
  }

  static TicketDraft draft(String conversationId) {
    return new TicketDraft("Refund please", "I was charged twice", "cust-1", "Jo Doe",
        "jo@example.com", "high", "billing", Set.of("refund", "handoff"), "web_widget",
        Map.of("intent", "refund"), conversationId);
  }
}
