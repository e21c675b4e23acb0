package io.handoff.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handoff.messaging.MessageOutboxStore;
import io.handoff.messaging.MessagingActionType;
import io.handoff.messaging.MessagingActivitiesImpl;
import io.handoff.messaging.MessagingDecision;
import io.handoff.messaging.MessagingEffect;
import io.handoff.messaging.MessagingEvent;
import io.handoff.messaging.MessagingFacts;
import io.handoff.messaging.RecordedOutbox;
import io.handoff.rules.RuleSet;
import io.handoff.rules.RuleSetLoader;
import io.handoff.support.Actor;
import io.handoff.support.Notification;
import io.handoff.support.SupportActivitiesImpl;
import io.handoff.support.SupportDecision;
import io.handoff.support.TicketUpdate;
import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketComment.AuthorRole;
import io.handoff.ticket.TicketComment;
import io.handoff.ticket.TicketPriority;
import io.handoff.ticket.TicketStatus;
import io.temporal.common.converter.DefaultDataConverter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped rule set plays the seed journey, through the activity implementations. */
class SeedJourneyTest {

  private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");
  private static final RuleSet RULES = RuleSetLoader.load(Path.of("workflows")).ruleSet();

  private static MessagingActivitiesImpl messaging(BusinessCalendar calendar) throws Exception {
    return new MessagingActivitiesImpl(RULES.messaging(), calendar,
        new RecordedOutbox(new MessageOutboxStore(TestDb.fresh())), io.handoff.intent.replies.AiReplies.NONE);
  }

  private static MessagingFacts.Builder start() {
    return MessagingFacts.builder("c1", MessagingEvent.CONVERSATION_STARTED, AT).customer("Rita", "rita@example.com");
  }

  @Test
  void welcomesDuringBusinessHoursOnce() throws Exception {
    MessagingActivitiesImpl activities = messaging(BusinessCalendar.ALWAYS_OPEN);
    MessagingDecision d = activities.evaluate("journey-c1/1", start().estimatedWaitMinutes(3L).build());
    assertEquals(List.of("MSG - Welcome - business hours"), d.trace().fired());
    assertEquals("Hi Rita, thanks for reaching out! An agent will be with you in about 3 minutes.",
        d.effects().get(0).text());
    MessagingDecision again = activities.evaluate("journey-c1/2",
        start().alreadyRun(Set.copyOf(d.ranOnce())).build());
    assertEquals(List.of(), again.effects());
    MessagingDecision closed = messaging((name, at) -> false).evaluate("journey-c1/1", start().build());
    assertEquals(List.of(), closed.effects());
  }

  @Test
  void asksForEmailWhenAllAgentsAreOffline() throws Exception {
    MessagingDecision d = messaging(BusinessCalendar.ALWAYS_OPEN)
        .evaluate("journey-c1/1", start().accountStatus("invisible").build());
    assertEquals(List.of("MSG - Email collection - all agents offline"), d.trace().fired());
    assertEquals(List.of(MessagingActionType.SEND_MESSAGE, MessagingActionType.REQUEST_EMAIL),
        d.effects().stream().map(MessagingEffect::kind).toList());
  }

  @Test
  void tagsPricingAndTechnicalMessages() throws Exception {
    MessagingActivitiesImpl activities = messaging(BusinessCalendar.ALWAYS_OPEN);
    MessagingFacts.Builder msg = MessagingFacts.builder("c1", MessagingEvent.MESSAGE_SENT, AT);
    assertEquals(Set.of("pricing"), activities.evaluate("k", msg.message("How much is the enterprise plan?").build()).tags());
    assertEquals(Set.of("pricing"), activities.evaluate("k", msg.message("Quel est le prix ?").build()).tags());
    assertEquals(Set.of("pricing"), activities.evaluate("k",
        msg.message("hello").pageUrl("https://shop.example/pricing/teams").build()).tags());
    assertEquals(Set.of("technical"), activities.evaluate("k",
        msg.pageUrl(null).message("The API returns an error 500").build()).tags());
    assertEquals(Set.of(), activities.evaluate("k", msg.message("The API is great").sender("agent").build()).tags());
  }

  private static Ticket ticket(TicketStatus status, TicketPriority priority, String group, Set<String> tags) {
    return new Ticket("T-1", "journey-c1", "Conversation with Rita", "How much is the enterprise plan?", status,
        priority, null, group, null, "cust-1", "Rita", "rita@example.com", "Acme", tags, Map.of(), List.of(),
        "web_widget", AT, AT);
  }

  @Test
  void routesEnterprisePricingToSalesWithHighPriorityAndTellsTheManager() {
    SupportActivitiesImpl support = new SupportActivitiesImpl(RULES.support(), BusinessCalendar.ALWAYS_OPEN,
        io.handoff.support.DirectoryNames.IDS);
    TicketUpdate created = new TicketUpdate("journey-c1/ticket-created", null,
        ticket(TicketStatus.NEW, TicketPriority.NORMAL, null, Set.of("pricing")), null,
        new Actor("cust-1", "Rita", AuthorRole.END_USER), "active", null, Map.of("tier", "enterprise"), Map.of(), AT);
    SupportDecision d = support.evaluate(created);
    assertEquals("sales", d.ticket().group());
    assertEquals(TicketPriority.HIGH, d.ticket().priority());
    assertEquals(Set.of("pricing", "tier_enterprise"), d.ticket().tags());
    Notification mail = d.notifications().get(0);
    assertEquals("sales.manager@example.com", mail.recipient());
    assertEquals("Enterprise pricing request #T-1", mail.subject());
    Notification hook = d.notifications().get(1);
    assertEquals("{\"ticket\": \"T-1\", \"requester\": \"Rita\", \"priority\": \"high\", \"group\": \"sales\"}",
        hook.body());
    assertEquals(d, roundTrip(d, SupportDecision.class));
  }

  @Test
  void routesTechnicalTicketsAndLeavesStandardTiersAtNormal() {
    SupportActivitiesImpl support = new SupportActivitiesImpl(RULES.support(), BusinessCalendar.ALWAYS_OPEN,
        io.handoff.support.DirectoryNames.IDS);
    SupportDecision tech = support.evaluate(new TicketUpdate("k", null,
        ticket(TicketStatus.NEW, TicketPriority.NORMAL, null, Set.of("technical")), null, null, null, null,
        Map.of("tier", "standard"), Map.of(), AT));
    assertEquals("technical", tech.ticket().group());
    SupportDecision standardPricing = support.evaluate(new TicketUpdate("k", null,
        ticket(TicketStatus.NEW, TicketPriority.NORMAL, null, Set.of("pricing")), null, null, null, null,
        Map.of("tier", "standard"), Map.of(), AT));
    assertEquals("sales", standardPricing.ticket().group());
    assertEquals(TicketPriority.NORMAL, standardPricing.ticket().priority());
    assertEquals(List.of(), standardPricing.notifications());
  }

  @Test
  void agentPublicReplySetsPendingAndNotifiesTheCustomer() {
    SupportActivitiesImpl support = new SupportActivitiesImpl(RULES.support(), BusinessCalendar.ALWAYS_OPEN,
        io.handoff.support.DirectoryNames.IDS);
    Ticket open = ticket(TicketStatus.OPEN, TicketPriority.HIGH, "sales", Set.of("pricing"));
    TicketComment reply = new TicketComment(2, "Our enterprise plan is 40 EUR per seat.", true, "a1", "Alice",
        AuthorRole.AGENT, AT);
    SupportDecision d = support.evaluate(new TicketUpdate("journey-c1/agent-replied-1", open, open, reply,
        new Actor("a1", "Alice", AuthorRole.AGENT), "active", "active", Map.of("tier", "enterprise"), Map.of(), AT));
    assertEquals(TicketStatus.PENDING, d.ticket().status());
    Notification n = d.notifications().get(0);
    assertEquals("rita@example.com", n.recipient());
    assertEquals("[#T-1] Conversation with Rita", n.subject());
    assertTrue(n.body().contains("Alice replied to your request:\n\nOur enterprise plan is 40 EUR per seat."));
    TicketComment note = new TicketComment(3, "internal", false, "a1", "Alice", AuthorRole.AGENT, AT);
    SupportDecision internal = support.evaluate(new TicketUpdate("k", open, open, note,
        new Actor("a1", "Alice", AuthorRole.AGENT), null, null, Map.of(), Map.of(), AT));
    assertEquals(TicketStatus.OPEN, internal.ticket().status());
  }

  @Test
  void inputsAndDecisionsSurviveTemporalsDataConverter() throws Exception {
    MessagingFacts facts = start().message("hi").tags(Set.of("vip")).initialRouting(true)
        .estimatedWaitMinutes(2L).attributes(Map.of("plan", "pro")).build();
    assertEquals(facts, roundTrip(facts, MessagingFacts.class));
    MessagingDecision d = messaging(BusinessCalendar.ALWAYS_OPEN).evaluate("k", facts);
    assertEquals(d, roundTrip(d, MessagingDecision.class));
    Ticket open = ticket(TicketStatus.OPEN, TicketPriority.HIGH, "sales", Set.of("pricing"));
    TicketUpdate update = new TicketUpdate("k", open, open,
        new TicketComment(2, "reply", true, "a1", "Alice", AuthorRole.AGENT, AT),
        new Actor("a1", "Alice", AuthorRole.AGENT), "active", "inactive", Map.of("tier", "enterprise"), Map.of(), AT);
    assertEquals(update, roundTrip(update, TicketUpdate.class));
  }

  private static <T> T roundTrip(T value, Class<T> type) {
    var converter = DefaultDataConverter.newDefaultInstance();
    return converter.fromPayload(converter.toPayload(value).orElseThrow(), type, type);
  }
}
