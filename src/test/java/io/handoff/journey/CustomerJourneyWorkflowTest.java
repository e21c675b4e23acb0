package io.handoff.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.model.Customer;
import io.handoff.model.EventType;
import io.handoff.model.JourneyEvent;
import io.handoff.model.Stage;
import io.handoff.support.Actor;
import io.handoff.ticket.NewComment;
import io.handoff.ticket.TicketChange;
import io.handoff.ticket.TicketComment;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class CustomerJourneyWorkflowTest {
  static final Customer ENTERPRISE = new Customer("u-1", "Ana Souza", "ana@example.com", "en", "enterprise", Map.of());
  static final Actor AGENT = new Actor("ben.keller", "Ben Keller", TicketComment.AuthorRole.AGENT);

  JourneyTestEnv t;

  @BeforeEach
  void start() {
    t = JourneyTestEnv.withDefaults();
  }

  @AfterEach
  void stop() {
    t.close();
  }

  static TicketCommand comment(String ticketId, String body) {
    return new TicketCommand(UUID.randomUUID().toString(), ticketId, null,
        NewComment.publicReply(body, AGENT.id(), AGENT.name()), AGENT, null);
  }

  static TicketCommand change(String ticketId, TicketChange change) {
    return new TicketCommand(UUID.randomUUID().toString(), ticketId, change, null, AGENT, null);
  }

  @Test
  void aCustomerMessageIsTriagedAndHandedOffIntoATicket() {
    t.send(t.event("c1", EventType.CONVERSATION_STARTED, null, ENTERPRISE));
    t.send(t.event("c1", EventType.MESSAGE_RECEIVED, "How much does the enterprise plan cost per seat?", ENTERPRISE));
    t.env.sleep(Duration.ofSeconds(5));
    JourneyView v = t.view("c1");
    assertThat(v.stage()).isEqualTo(Stage.TICKETED);
    assertThat(v.routing().rules()).isNotNull();
    assertThat(v.routing().ai()).isNotNull();
    assertThat(v.routing().active()).isEqualTo("ai");
    assertThat(v.ticket()).isNotNull();
    assertThat(v.language()).isEqualTo("en");
    assertThat(v.timeline()).extracting(TimelineEntry::step).containsSubsequence(
        "event.conversation.started", "event.message.received", "messaging.triggers", "stage.ai_triage", "ai.triage",
        "ticket.created", "support.triggers", "stage.ticketed");
    assertThat(v.timeline()).filteredOn(e -> e.step().equals("messaging.triggers")).hasSize(2);
    assertThat(v.sla()).isNotEmpty();
  }

  @Test
  void theHandoffEntrySaysWhenTheSupportTriggersMovedTheTicketToAnotherGroup() {
    Customer standard = new Customer("u-9", "Kai Berg", "kai@example.com", "en", "standard", Map.of());
    t.send(t.event("c-moved", EventType.CONVERSATION_STARTED, null, standard));
    t.send(t.event("c-moved", EventType.MESSAGE_RECEIVED,
        "I was charged twice for my order and I want a refund, the app showed an error", standard));
    t.env.sleep(Duration.ofSeconds(5));
    JourneyView v = t.view("c-moved");
    assertThat(v.stage()).isEqualTo(Stage.TICKETED);
    String handedTo = v.routing().ai().group();
    assertThat(v.ticket().group()).isEqualTo("technical").isNotEqualTo(handedTo);
    assertThat(v.timeline()).filteredOn(e -> e.step().equals("stage.ticketed")).singleElement()
        .extracting(TimelineEntry::text).isEqualTo("AI_TRIAGE → TICKETED: handed off to " + handedTo
            + "; support triggers moved the ticket to technical");
  }

  @Test
  void theHandoffEntryNamesTheGroupAloneWhenTheTicketStaysThere() {
    t.send(t.event("c-stays", EventType.CONVERSATION_STARTED, null, ENTERPRISE));
    t.send(t.event("c-stays", EventType.MESSAGE_RECEIVED, "My app crashes with an error when I log in", ENTERPRISE));
    t.env.sleep(Duration.ofSeconds(5));
    JourneyView v = t.view("c-stays");
    assertThat(v.ticket().group()).isEqualTo(v.routing().ai().group());
    assertThat(v.timeline()).filteredOn(e -> e.step().equals("stage.ticketed")).singleElement()
        .extracting(TimelineEntry::text).isEqualTo("AI_TRIAGE → TICKETED: handed off to " + v.ticket().group());
  }

  @Test
  void theAiAnswersAQuestionItResolvesOnceInTheCustomersLanguage() throws Exception {
    Customer standard = new Customer("u-2", "Rita Gomes", "rita@example.com", "es", "standard", Map.of());
    t.send(t.event("c-es", EventType.CONVERSATION_STARTED, null, standard));
    t.send(t.event("c-es", EventType.MESSAGE_RECEIVED, "¿Dónde está mi pedido? El número de seguimiento no cambia.",
        standard));
    t.env.sleep(Duration.ofSeconds(5));
    JourneyView v = t.view("c-es");
    assertThat(v.stage()).isEqualTo(Stage.MESSAGING);
    assertThat(v.routing().ai().handoff()).isEqualTo("AI_RESOLVES");
    assertThat(v.routing().ai().intent()).isEqualTo("order_delivery");
    TimelineEntry reply = v.timeline().stream().filter(e -> e.step().equals("ai.reply")).findFirst().orElseThrow();
    var replies = io.handoff.intent.replies.AiRepliesLoader.forPrompts(JourneyTestEnv.PROMPTS);
    assertThat(reply.text()).isEqualTo(replies.resolve().get("order_delivery").get("es"))
        .startsWith("Puede seguir su pedido");
    assertThat(v.timeline()).extracting(TimelineEntry::step).containsSubsequence("ai.triage", "stage.messaging",
        "ai.reply");
    assertThat(new io.handoff.messaging.MessageOutboxStore(t.db)
        .statusOf(JourneyIds.journeyId("c-es") + "/triage-1/reply")).isNotNull();
  }

  @Test
  void aHandoffIsAcknowledgedOnceInTheCustomersLanguage() throws Exception {
    Customer standard = new Customer("u-4", "Luc Martin", "luc@example.com", "fr", "standard", Map.of());
    t.send(t.event("c-fr", EventType.CONVERSATION_STARTED, null, standard));
    t.send(t.event("c-fr", EventType.MESSAGE_RECEIVED, "J'ai été débité deux fois pour ma commande", standard));
    t.env.sleep(Duration.ofSeconds(5));
    t.send(t.event("c-fr", EventType.MESSAGE_RECEIVED, "Vous êtes là ?", standard));
    t.env.sleep(Duration.ofSeconds(5));
    JourneyView v = t.view("c-fr");
    assertThat(v.stage()).isEqualTo(Stage.TICKETED);
    assertThat(v.routing().ai().handoff()).isEqualTo("HANDOFF_TO_HUMAN");
    var replies = io.handoff.intent.replies.AiRepliesLoader.forPrompts(JourneyTestEnv.PROMPTS);
    assertThat(v.timeline()).filteredOn(e -> e.step().equals("handoff.acknowledged")).singleElement()
        .extracting(TimelineEntry::text).isEqualTo(replies.handoff().get("fr"));
    assertThat(v.timeline()).extracting(TimelineEntry::step).containsSubsequence("ticket.created", "stage.ticketed",
        "handoff.acknowledged");
    assertThat(v.timeline()).noneMatch(e -> e.step().equals("ai.reply"));
    assertThat(new io.handoff.messaging.MessageOutboxStore(t.db)
        .statusOf(JourneyIds.journeyId("c-fr") + "/triage-1/handoff-ack")).isNotNull();
  }

  @Test
  void anUnsureAiAsksTheCustomerToClarify() {
    Customer standard = new Customer("u-3", "Jan de Vries", "jan@example.com", "nl", "standard", Map.of());
    t.send(t.event("c-nl", EventType.CONVERSATION_STARTED, null, standard));
    t.send(t.event("c-nl", EventType.MESSAGE_RECEIVED, "Ik heb een vraag over de levering", standard));
    t.env.sleep(Duration.ofSeconds(5));
    JourneyView v = t.view("c-nl");
    assertThat(v.routing().ai().handoff()).isEqualTo("ASK_CLARIFICATION");
    assertThat(v.stage()).isEqualTo(Stage.MESSAGING);
    assertThat(v.timeline()).filteredOn(e -> e.step().equals("ai.reply")).singleElement()
        .extracting(TimelineEntry::text).asString().startsWith("Bedankt voor uw bericht. Kunt u iets meer");
  }

  @Test
  void aJourneyRunsFromMessageToClosedInVirtualTime() {
    t.send(t.event("c2", EventType.CONVERSATION_STARTED, null, ENTERPRISE));
    t.send(t.event("c2", EventType.MESSAGE_RECEIVED, "My app crashes with an error when I log in", ENTERPRISE));
    t.env.sleep(Duration.ofSeconds(5));
    String ticketId = t.view("c2").ticket().id();

    TicketCommandResult replied = t.command("c2", comment(ticketId, "Sorry about that, which version?"));
    assertThat(replied.comment().isPublic()).isTrue();
    t.send(t.event("c2", EventType.CUSTOMER_REPLIED, "Version 4.2 on Android", ENTERPRISE));
    t.env.sleep(Duration.ofSeconds(5));
    t.command("c2", change(ticketId, TicketChange.builder().status("solved").build()));
    assertThat(t.view("c2").stage()).isEqualTo(Stage.SOLVED);

    t.env.sleep(Duration.ofDays(5));
    JourneyView closed = t.view("c2");
    assertThat(closed.stage()).isEqualTo(Stage.CLOSED);
    assertThat(closed.ticket().status()).isEqualTo("closed");
    assertThat(closed.timeline()).extracting(TimelineEntry::step)
        .containsSubsequence("stage.ticketed", "stage.solved", "stage.closed");

    t.send(t.event("c2", EventType.MESSAGE_RECEIVED, "It crashes again since yesterday", ENTERPRISE));
    t.env.sleep(Duration.ofSeconds(5));
    JourneyView followUp = t.view("c2");
    assertThat(followUp.stage()).isEqualTo(Stage.TICKETED);
    assertThat(followUp.ticket().id()).isNotEqualTo(ticketId);
    assertThat(t.helpdesk.find(followUp.ticket().id()).orElseThrow().customFields())
        .containsEntry("follow_up_of", ticketId);
    assertThat(t.helpdesk.find(ticketId).orElseThrow().status().wireName()).isEqualTo("closed");
  }

  @Test
  void aBreachedVipFirstReplyEscalatesOnceToTheSecond() {
    t.send(t.event("vip", EventType.CONVERSATION_STARTED, null, ENTERPRISE));
    t.send(t.event("vip", EventType.MESSAGE_RECEIVED, "How much does the enterprise plan cost?", ENTERPRISE));
    t.env.sleep(Duration.ofSeconds(5));
    String ticketId = t.view("vip").ticket().id();
    t.command("vip", change(ticketId, TicketChange.builder().addTag("vip").build()));
    JourneyView tagged = t.view("vip");
    var due = tagged.sla().get("first_reply_time").dueAt();
    assertThat(tagged.sla().get("first_reply_time").policy()).isEqualTo("VIP customers");
    t.env.sleep(Duration.between(t.now(), due).minusSeconds(2));
    assertThat(t.view("vip").sla().get("first_reply_time").breached()).isFalse();
    t.env.sleep(Duration.ofSeconds(4));
    JourneyView breached = t.view("vip");
    assertThat(breached.sla().get("first_reply_time").breached()).isTrue();
    assertThat(breached.ticket().priority()).isEqualTo("urgent");
    assertThat(breached.ticket().group()).isEqualTo("escalations");
    assertThat(breached.tags()).contains("sla_breached");
    assertThat(breached.timeline()).filteredOn(e -> e.step().equals("sla.breach")
        && e.text().contains("first_reply_time")).hasSize(1);
    t.env.sleep(Duration.ofHours(1));
    assertThat(t.view("vip").timeline()).filteredOn(e -> e.step().equals("sla.breach")
        && e.text().contains("first_reply_time")).hasSize(1);
    assertThat(t.helpdesk.find(ticketId).orElseThrow().comments()).extracting(io.handoff.ticket.TicketComment::body)
        .anyMatch(b -> b.startsWith("SLA breached: first_reply_time target was"));
  }

  @Test
  void aClosedJourneyEndsWhenItsFollowUpWindowPasses() throws Exception {
    t.send(t.event("end", EventType.CONVERSATION_STARTED, null, ENTERPRISE));
    t.send(t.event("end", EventType.MESSAGE_RECEIVED, "I want to talk to a human", ENTERPRISE));
    t.env.sleep(Duration.ofSeconds(5));
    String ticketId = t.view("end").ticket().id();
    t.command("end", change(ticketId, TicketChange.builder().status("solved").build()));
    t.env.sleep(Duration.ofDays(40));
    var run = t.client.newUntypedWorkflowStub("journey-end");
    run.getResult(5, java.util.concurrent.TimeUnit.SECONDS, Void.class);
    assertThat(t.view("end").timeline()).extracting(TimelineEntry::step).contains("journey.finished");
  }

  @Test
  void anUnansweredAgentReplyRunsTheInactivityLadderToSolved() {
    t.send(t.event("idle", EventType.CONVERSATION_STARTED, null, ENTERPRISE));
    t.send(t.event("idle", EventType.MESSAGE_RECEIVED, "My app crashes with an error when I log in", ENTERPRISE));
    t.env.sleep(Duration.ofSeconds(5));
    String ticketId = t.view("idle").ticket().id();
    t.command("idle", comment(ticketId, "Could you send us a screenshot?"));
    JourneyView replied = t.view("idle");
    assertThat(replied.nextClocks()).extracting(JourneyView.NextClock::clock).contains("sla", "inactivity");
    JourneyView.NextClock inactivityClock = replied.nextClocks().stream()
        .filter(c -> c.clock().equals("inactivity")).findFirst().orElseThrow();
    assertThat(inactivityClock.summary()).isEqualTo("Inactivity session inactive");
    // updatedAt is the reply's processing time, a few test-server milliseconds after the reply itself
    assertThat(Duration.between(replied.updatedAt(), inactivityClock.dueAt()))
        .isBetween(Duration.ofMinutes(9).plusSeconds(50), Duration.ofMinutes(10));
    // README: inactive after 10 min, then reminders 5 min later, 5 min after that, and 1 min after that.
    t.env.sleep(Duration.ofMinutes(10).plusSeconds(30));
    JourneyView inactive = t.view("idle");
    assertThat(inactive.sessionState()).isEqualTo("inactive");
    assertThat(inactive.timeline()).extracting(TimelineEntry::step).contains("inactivity.session_inactive")
        .doesNotContain("inactivity.reminder");
    t.env.sleep(Duration.ofMinutes(5));
    JourneyView afterFirst = t.view("idle");
    assertThat(afterFirst.ticket().status()).isEqualTo("pending");
    assertThat(afterFirst.timeline()).filteredOn(e -> e.step().equals("inactivity.reminder")).hasSize(1);
    assertThat(afterFirst.tags()).contains("messaging_reminder_1").doesNotContain("messaging_reminder_2");
    t.env.sleep(Duration.ofMinutes(5));
    assertThat(t.view("idle").timeline()).filteredOn(e -> e.step().equals("inactivity.reminder")).hasSize(2);
    t.env.sleep(Duration.ofMinutes(1));
    JourneyView done = t.view("idle");
    assertThat(done.stage()).isEqualTo(Stage.SOLVED);
    assertThat(done.ticket().status()).isEqualTo("solved");
    assertThat(done.timeline()).filteredOn(e -> e.step().equals("inactivity.reminder")).hasSize(3);
    assertThat(done.tags()).contains("messaging_reminder_1", "messaging_reminder_2", "messaging_reminder_final");
    assertThat(done.nextClocks()).extracting(JourneyView.NextClock::clock).contains("close")
        .doesNotContain("inactivity");
  }

  @Test
  void aCustomerMessageStopsTheInactivityLadder() {
    t.send(t.event("back", EventType.CONVERSATION_STARTED, null, ENTERPRISE));
    t.send(t.event("back", EventType.MESSAGE_RECEIVED, "My app crashes with an error when I log in", ENTERPRISE));
    t.env.sleep(Duration.ofSeconds(5));
    String ticketId = t.view("back").ticket().id();
    t.command("back", comment(ticketId, "Could you send us a screenshot?"));
    t.env.sleep(Duration.ofMinutes(3));
    t.send(t.event("back", EventType.CUSTOMER_REPLIED, "Here it is", ENTERPRISE));
    t.env.sleep(Duration.ofMinutes(30));
    JourneyView v = t.view("back");
    assertThat(v.stage()).isEqualTo(Stage.TICKETED);
    assertThat(v.timeline()).extracting(TimelineEntry::step).doesNotContain("inactivity.reminder");
    assertThat(v.sessionState()).isEqualTo("active");
  }

  @Test
  void continuesAsNewCarryingStateWhenTheHistoryGrows() {
    JourneySettings small = new JourneySettings(60, 200, Duration.ofDays(4),
        io.handoff.routing.RoutingAssignment.AI_ACTS, Duration.ofDays(30));
    try (JourneyTestEnv env = new JourneyTestEnv(small)) {
      env.send(env.event("can", EventType.CONVERSATION_STARTED, null, ENTERPRISE));
      env.send(env.event("can", EventType.MESSAGE_RECEIVED, "I was charged twice on my invoice", ENTERPRISE));
      for (int i = 0; i < 12; i++) {
        env.send(env.event("can", EventType.CUSTOMER_REPLIED, "follow-up " + i, ENTERPRISE));
      }
      env.env.sleep(Duration.ofSeconds(10));
      JourneyView v = env.view("can");
      assertThat(v.runs()).isGreaterThan(1);
      assertThat(v.stage()).isEqualTo(Stage.TICKETED);
      assertThat(v.timeline()).extracting(TimelineEntry::text).contains("follow-up 0", "follow-up 11");
    }
  }

  @Test
  void theSameEventIdIsAppliedOnce() {
    JourneyEvent e = t.event("dup", EventType.CONVERSATION_STARTED, null, ENTERPRISE);
    assertThat(t.send(e).duplicate()).isFalse();
    assertThat(t.send(e).duplicate()).isFalse(); // same update id: Temporal returns the first result
    JourneyEvent copy = new JourneyEvent(e.eventId(), "dup", e.type(), null, e.receivedAt(), e.channel(), null, null,
        null, null, null);
    CustomerJourneyWorkflow stub = t.client.newWorkflowStub(CustomerJourneyWorkflow.class, "journey-dup");
    assertThat(stub.eventReceived(copy).duplicate()).isTrue();
    assertThat(stub.getView().timeline()).filteredOn(x -> x.step().equals("event.conversation.started")).hasSize(1);
  }
}
