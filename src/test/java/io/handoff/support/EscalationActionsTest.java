package io.handoff.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketChange;
import io.handoff.ticket.TicketPriority;
import io.handoff.ticket.TicketStatus;
import io.handoff.yaml.Problems;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** SLA escalation actions on the support actions' apply path ({@link RuleActions#escalate}). */
class EscalationActionsTest {

  private static final Ticket TICKET = SupportFixtures.ticket(TicketStatus.OPEN, TicketPriority.HIGH, "Support",
      Set.of("vip", "sla_breached"), Map.of());
  private static final Function<String, String> VALUES = name -> switch (name) {
    case "sla.metric" -> "first_reply_time";
    case "ticket.id" -> TICKET.id();
    default -> null;
  };

  private static SupportAction action(SupportActionType type, String field, String value, Set<String> tags,
      List<String> args) {
    return new SupportAction(type, field, value, tags, args, 0);
  }

  private static RuleActions.Escalation escalate(SupportAction... actions) {
    return RuleActions.escalate(TICKET, List.of(actions), VALUES, "SLA first_reply_time/1/breach",
        i -> "journey-1/sla/first_reply_time/1/breach/" + i);
  }

  @Test
  void fieldActionsAskForEveryWrittenFieldEvenWhenTheValueDoesNotChange() {
    RuleActions.Escalation e = escalate(
        action(SupportActionType.ADD_TAGS, "add_tag", null, Set.of("sla_breached"), null),
        action(SupportActionType.PRIORITY, "set_priority", "high", null, null),
        action(SupportActionType.GROUP, "set_group", "Tier 2", null, null));
    TicketChange expected = TicketChange.builder().addTag("sla_breached").priority("high").group("Tier 2").build();
    assertEquals(expected, e.change());
    assertEquals(List.of(), e.effects());
  }

  @Test
  void raisePriorityRaisesThePriorityTheTicketHadWhenTheClockFired() {
    RuleActions.Escalation e = escalate(
        action(SupportActionType.PRIORITY, "set_priority", "low", null, null),
        action(SupportActionType.RAISE_PRIORITY, "raise_priority", null, null, null));
    assertEquals("urgent", e.change().priority());
  }

  @Test
  void raisePriorityOfATicketWithoutPrioritySetsNormal() {
    Ticket none = SupportFixtures.ticket(TicketStatus.OPEN, null, "Support", Set.of(), Map.of());
    RuleActions.Escalation e = RuleActions.escalate(none,
        List.of(action(SupportActionType.RAISE_PRIORITY, "raise_priority", null, null, null)), VALUES, "SLA x",
        i -> "k" + i);
    assertEquals("normal", e.change().priority());
  }

  @Test
  void commentsAndNotificationsComeInActionOrderRenderedAndKeyedPerAction() {
    RuleActions.Escalation e = escalate(
        action(SupportActionType.NOTIFY_USER, "notify_email", null, null,
            Arrays.asList("leads@example.com", null, "{{sla.metric}} breached")),
        action(SupportActionType.ADD_TAGS, "add_tag", null, Set.of("late"), null),
        action(SupportActionType.REPLY_INTERNAL, "internal_note", "Breached on #{{ticket.id}}", null, null),
        action(SupportActionType.NOTIFY_WEBHOOK, "notify_webhook", null, null,
            List.of("sla-alerts", "{\"ticket\": \"{{ticket.id}}\"}")));
    String key = "journey-1/sla/first_reply_time/1/breach/";
    String title = "SLA first_reply_time/1/breach";
    assertEquals(List.of(
        new Notification(Notification.Kind.EMAIL, title, 1, "user", "leads@example.com", null,
            "first_reply_time breached", null, key + 0),
        new CommentToAdd(title, 3, false, "Breached on #" + TICKET.id(), key + 2),
        new Notification(Notification.Kind.WEBHOOK, title, 4, "webhook", "sla-alerts", null,
            "{\"ticket\": \"" + TICKET.id() + "\"}", "sla-alerts", key + 3)), e.effects());
    assertEquals(TicketChange.builder().addTag("late").build(), e.change());
  }

  @Test
  void onlyEffectsAskForNoChange() {
    RuleActions.Escalation e = escalate(action(SupportActionType.REPLY_INTERNAL, "internal_note", "note", null, null));
    assertTrue(e.change().isEmpty());
  }

  @Test
  void triggersDoNotAcceptRaisePriority() {
    Problems problems = new Problems("test.yaml");
    new SupportTriggerParser(problems).parse(
        "triggers:\n  - title: T\n    actions:\n      - { field: raise_priority }\n", "test");
    assertTrue(problems.all().stream().anyMatch(p -> p.message().equals("unknown action \"raise_priority\"")),
        problems.all().toString());
  }
}
