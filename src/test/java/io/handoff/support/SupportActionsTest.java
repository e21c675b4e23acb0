package io.handoff.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketPriority;
import io.handoff.ticket.TicketStatus;
import io.handoff.trigger.ActionTrace;
import io.handoff.trigger.BusinessCalendar;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every support action, applied to the change update (pending, high, group Support, tags vip pricing). */
class SupportActionsTest {

  static Stream<Arguments> fieldActions() {
    return Stream.of(
        row("{ field: status, value: solved }", t -> t.status() == TicketStatus.SOLVED),
        row("{ field: priority, value: urgent }", t -> t.priority() == TicketPriority.URGENT),
        row("{ field: priority, value: '' }", t -> t.priority() == null),
        row("{ field: type, value: incident }", t -> "incident".equals(t.type())),
        row("{ field: group_id, value: Sales }", t -> "Sales".equals(t.group())),
        row("{ field: group_id, value: '' }", t -> t.group() == null),
        row("{ field: assignee_id, value: bob }", t -> "bob".equals(t.assignee())),
        row("{ field: assignee_id, value: current_user }", t -> "a1".equals(t.assignee())),
        row("{ field: assignee_id, value: requester_id }", t -> "r1".equals(t.assignee())),
        row("{ field: custom_fields_100, value: silver }", t -> "silver".equals(t.customFields().get("100"))),
        row("{ field: custom_fields_100, value: '' }", t -> !t.customFields().containsKey("100")),
        row("{ field: current_tags, value: a b }", t -> t.tags().equals(Set.of("vip", "pricing", "a", "b"))),
        row("{ field: remove_tags, value: vip }", t -> t.tags().equals(Set.of("pricing"))),
        row("{ field: set_tags, value: only }", t -> t.tags().equals(Set.of("only"))));
  }

  private static Arguments row(String action, Function<Ticket, Boolean> check) {
    return Arguments.of(action, check);
  }

  private static SupportDecision run(String action) {
    String yaml = "triggers:\n  - title: T\n    actions:\n      - " + action + "\n";
    return new SupportEngine(SupportFixtures.parse(yaml))
        .evaluate(SupportFixtures.changeUpdate(), BusinessCalendar.ALWAYS_OPEN);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fieldActions")
  void fieldActionChangesTheTicket(String action, Function<Ticket, Boolean> check) {
    SupportDecision d = run(action);
    assertTrue(check.apply(d.ticket()), d.ticket().toString());
  }

  @org.junit.jupiter.api.Test
  void traceRecordsValueBeforeAndAfter() {
    ActionTrace a = run("{ field: priority, value: urgent }").trace().triggers().get(0).actions().get(0);
    assertEquals(new ActionTrace(0, "priority", "priority", "high", "urgent"), a);
  }

  @org.junit.jupiter.api.Test
  void repliesAreRenderedWithFinalValues() {
    String yaml = """
        triggers:
          - title: Reply
            actions:
              - { field: reply_public, value: "Ticket {{ticket.id}} is {{ticket.status}}, {{ticket.requester.name}}" }
              - { field: reply_internal, value: "Group {{ticket.group.name}}" }
              - { field: status, value: solved }
        """;
    SupportDecision d = new SupportEngine(SupportFixtures.parse(yaml))
        .evaluate(SupportFixtures.changeUpdate(), BusinessCalendar.ALWAYS_OPEN);
    assertEquals("Ticket 42 is solved, Rita", d.comments().get(0).body());
    assertTrue(d.comments().get(0).isPublic());
    assertEquals("Group Support", d.comments().get(1).body());
    assertEquals(false, d.comments().get(1).isPublic());
  }

  @org.junit.jupiter.api.Test
  void groupAndAssigneePlaceholdersRenderTheirDirectoryNames() {
    String yaml = """
        triggers:
          - title: Names
            actions:
              - { field: reply_internal, value: "{{ticket.group.name}} / {{ticket.assignee.name}}" }
        """;
    var ticket = SupportFixtures.changeUpdate().after();
    DirectoryNames names = new DirectoryNames(java.util.Map.of(ticket.group(), "Customer Support"),
        java.util.Map.of(ticket.assignee(), "Alice Martin"));
    SupportDecision d = new SupportEngine(SupportFixtures.parse(yaml)).withNames(names)
        .evaluate(SupportFixtures.changeUpdate(), BusinessCalendar.ALWAYS_OPEN);
    assertEquals("Customer Support / Alice Martin", d.comments().get(0).body());
    SupportDecision ids = new SupportEngine(SupportFixtures.parse(yaml))
        .evaluate(SupportFixtures.changeUpdate(), BusinessCalendar.ALWAYS_OPEN);
    assertEquals(ticket.group() + " / " + ticket.assignee(), ids.comments().get(0).body());
  }

  static Stream<Arguments> emails() {
    return Stream.of(
        Arguments.of("[requester_id, 'Re {{ticket.id}}', 'Hi {{customer.name}}']", "requester_id", "rita@example.com"),
        Arguments.of("[assignee_id, s, b]", "assignee_id", "alice"),
        Arguments.of("[current_user, s, b]", "current_user", "a1"),
        Arguments.of("[boss@example.com, s, b]", "user", "boss@example.com"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("emails")
  void emailUserResolvesTheRecipient(String args, String type, String recipient) {
    Notification n = run("{ field: notification_user, value: " + args + " }").notifications().get(0);
    assertEquals(Notification.Kind.EMAIL, n.kind());
    assertEquals(type, n.recipientType());
    assertEquals(recipient, n.recipient());
  }

  @org.junit.jupiter.api.Test
  void emailGroupUsesTheAssignedGroup() {
    Notification n = run("{ field: notification_group, value: [group_id, 'New {{ticket.id}}', body] }")
        .notifications().get(0);
    assertEquals("group", n.recipientType());
    assertEquals("Support", n.recipient());
    assertEquals("New 42", n.subject());
  }

  @org.junit.jupiter.api.Test
  void webhookBodyIsJsonEscapedAndKeyed() {
    String yaml = """
        webhooks:
          - { id: hook, endpoint: "https://example.invalid/h" }
        triggers:
          - title: Hook
            actions:
              - field: notification_webhook
                value: [hook, '{"comment": "{{ticket.latest_comment}}", "id": "{{ticket.id}}"}']
        """;
    TicketUpdate u = SupportFixtures.changeUpdate();
    u = new TicketUpdate(u.idempotencyKey(), u.before(), u.after(),
        SupportFixtures.comment("say \"hi\"", true, io.handoff.ticket.TicketComment.AuthorRole.AGENT),
        u.actor(), null, null, Map.of(), Map.of(), u.at());
    SupportDecision d = new SupportEngine(SupportFixtures.parse(yaml)).evaluate(u, BusinessCalendar.ALWAYS_OPEN);
    Notification n = d.notifications().get(0);
    assertEquals("{\"comment\": \"say \\\"hi\\\"\", \"id\": \"42\"}", n.body());
    assertEquals("https://example.invalid/h", n.endpoint());
    assertEquals(d.notifications().get(0).idempotencyKey(),
        new SupportEngine(SupportFixtures.parse(yaml)).evaluate(u, BusinessCalendar.ALWAYS_OPEN)
            .notifications().get(0).idempotencyKey());
    assertTrue(n.idempotencyKey().startsWith("wf-1/step-3/") && n.idempotencyKey().endsWith("/0"));
  }
}
