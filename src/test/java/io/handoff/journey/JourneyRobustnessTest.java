package io.handoff.journey;

import static io.handoff.journey.CustomerJourneyWorkflowTest.ENTERPRISE;
import static io.handoff.journey.CustomerJourneyWorkflowTest.change;
import static io.handoff.journey.CustomerJourneyWorkflowTest.comment;
import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.model.EventType;
import io.handoff.model.Stage;
import io.handoff.support.NotificationOutboxStore;
import io.handoff.support.WebhookNotificationClient;
import io.handoff.ticket.TicketChange;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WorkflowUpdateStage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 15 (items 1, 2, 4, 5): whatever fails around a journey, every accepted event is applied and the
 * workflow never blocks or fails.
 */
@Timeout(180)
class JourneyRobustnessTest {
  JourneyTestEnv t;

  @AfterEach
  void stop() {
    if (t != null) {
      t.close();
    }
  }

  private String ticketed(String conversationId) {
    t.send(t.event(conversationId, EventType.CONVERSATION_STARTED, null, ENTERPRISE));
    t.send(t.event(conversationId, EventType.MESSAGE_RECEIVED, "I want to talk to a human", ENTERPRISE));
    t.env.sleep(Duration.ofSeconds(5));
    return t.view(conversationId).ticket().id();
  }

  private CompletableFuture<TicketCommandResult> commandAsync(String conversationId, TicketCommand command) {
    return t.client.newUntypedWorkflowStub(JourneyIds.journeyId(conversationId)).startUpdate(
        UpdateOptions.<TicketCommandResult>newBuilder().setUpdateName("ticketCommand")
            .setUpdateId(command.commandId()).setWaitForStage(WorkflowUpdateStage.ACCEPTED)
            .setResultClass(TicketCommandResult.class).build(), command).getResultAsync();
  }

  @Test
  void ticketCommandsArrivingWhileTheJourneyContinuesAsNewAreAnsweredAndLaterEventsApplied() throws Exception {
    // Continue as new after every command: each ticket command arriving while a customer message is
    // processed finds the journey about to continue as new.
    t = new JourneyTestEnv(new JourneySettings(1, 200, Duration.ofDays(4),
        io.handoff.routing.RoutingAssignment.AI_ACTS, Duration.ofDays(30)));
    String ticketId = ticketed("can");
    List<CompletableFuture<TicketCommandResult>> answers = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      t.send(t.event("can", EventType.CUSTOMER_REPLIED, "More details " + i, ENTERPRISE));
      answers.add(commandAsync("can", comment(ticketId, "Agent answer " + i)));
    }
    for (CompletableFuture<TicketCommandResult> a : answers) {
      assertThat(a.get(60, TimeUnit.SECONDS).comment().body()).startsWith("Agent answer");
    }
    t.send(t.event("can", EventType.CUSTOMER_REPLIED, "Last words", ENTERPRISE));
    t.env.sleep(Duration.ofSeconds(5));
    JourneyView v = t.view("can");
    assertThat(v.runs()).isGreaterThan(1);
    List<String> bodies = t.helpdesk.find(ticketId).orElseThrow().comments().stream()
        .map(io.handoff.ticket.TicketComment::body).toList();
    assertThat(bodies).contains("Last words", "More details 4");
    assertThat(bodies.stream().filter(b -> b.startsWith("Agent answer"))).hasSize(5);
  }

  @Test
  void aWebhookToAnUnreachableHostFailsAfterBoundedRetriesAndTheJourneyGoesOn() {
    var store = new NotificationOutboxStore(io.handoff.testing.TestDatabases.h2().dataSource());
    t = new JourneyTestEnv(JourneySettings.DEFAULTS, JourneyTestEnv.WORKFLOWS,
        new WebhookNotificationClient(store, Duration.ofSeconds(1)));
    // Enterprise pricing: the support trigger calls the sales-alerts webhook (hooks.example.invalid).
    t.send(t.event("hook", EventType.CONVERSATION_STARTED, null, ENTERPRISE));
    t.send(t.event("hook", EventType.MESSAGE_RECEIVED, "How much does the enterprise plan cost per seat?",
        ENTERPRISE));
    t.env.sleep(Duration.ofMinutes(30));
    JourneyView v = t.view("hook");
    assertThat(v.stage()).isEqualTo(Stage.TICKETED);
    assertThat(v.timeline()).filteredOn(e -> e.step().equals("notification.failed")).singleElement()
        .satisfies(e -> assertThat(e.text()).contains("sales-alerts"));
    assertThat(v.timeline()).filteredOn(e -> e.step().equals("notification.webhook")).isEmpty();
    String ticketId = v.ticket().id();
    t.send(t.event("hook", EventType.AGENT_REPLIED, "Our sales team will call you today", ENTERPRISE));
    t.env.sleep(Duration.ofSeconds(5));
    assertThat(t.helpdesk.find(ticketId).orElseThrow().comments()).extracting(io.handoff.ticket.TicketComment::body)
        .contains("Our sales team will call you today");
  }

  @Test
  void aMessageWithoutTextIsTriagedAndTheNextOneApplied() {
    t = JourneyTestEnv.withDefaults();
    t.send(t.event("img", EventType.CONVERSATION_STARTED, null, ENTERPRISE));
    t.send(t.event("img", EventType.MESSAGE_RECEIVED, null, ENTERPRISE));
    t.env.sleep(Duration.ofSeconds(5));
    JourneyView first = t.view("img");
    assertThat(first.timeline()).extracting(TimelineEntry::step).contains("ai.triage");
    t.send(t.event("img", EventType.MESSAGE_RECEIVED, "I want to talk to a human", ENTERPRISE));
    t.env.sleep(Duration.ofSeconds(5));
    JourneyView v = t.view("img");
    assertThat(v.stage()).isEqualTo(Stage.TICKETED);
    assertThat(v.timeline()).filteredOn(e -> e.step().equals("ai.triage")).hasSizeGreaterThanOrEqualTo(1);
  }

  @Test
  void anAgentReplyAfterTheTicketClosedIsRecordedAndTheCustomersFollowUpStillRuns() {
    t = JourneyTestEnv.withDefaults();
    String ticketId = ticketed("late");
    t.command("late", change(ticketId, TicketChange.builder().status("solved").build()));
    t.env.sleep(Duration.ofDays(5));
    assertThat(t.view("late").stage()).isEqualTo(Stage.CLOSED);
    t.send(t.event("late", EventType.AGENT_REPLIED, "One more thing about your request", ENTERPRISE));
    t.env.sleep(Duration.ofSeconds(5));
    assertThat(t.view("late").timeline()).extracting(TimelineEntry::step).contains("agent.reply_after_close");
    t.send(t.event("late", EventType.MESSAGE_RECEIVED, "It broke again", ENTERPRISE));
    t.env.sleep(Duration.ofSeconds(5));
    JourneyView v = t.view("late");
    assertThat(v.stage()).isEqualTo(Stage.TICKETED);
    assertThat(v.ticket().id()).isNotEqualTo(ticketId);
    assertThat(t.helpdesk.find(ticketId).orElseThrow().comments()).extracting(io.handoff.ticket.TicketComment::body)
        .doesNotContain("One more thing about your request");
  }

  @Test
  void aJourneyReopenedAfterItsFollowUpWindowKeepsCustomerTicketHistoryAndNewerProjections() {
    t = JourneyTestEnv.withDefaults();
    String ticketId = ticketed("again");
    t.command("again", change(ticketId, TicketChange.builder().status("solved").build()));
    t.env.sleep(Duration.ofDays(40));
    JourneyView closed = t.view("again");
    assertThat(closed.timeline()).extracting(TimelineEntry::step).contains("journey.finished");
    // What JourneyService reads for an event of a journey whose run finished.
    JourneyState carried = new ProjectionStore(t.db, JourneyTestEnv.JSON)
        .finishedSnapshot("journey-again", 200).orElseThrow();
    assertThat(carried.finished).isTrue();
    long closedVersion = carried.timelineSeq;
    // What JourneyService does for an event of a finished journey: a new run carrying its last snapshot.
    var stub = t.client.newWorkflowStub(CustomerJourneyWorkflow.class, io.temporal.client.WorkflowOptions.newBuilder()
        .setWorkflowId("journey-again").setTaskQueue(t.worker.getTaskQueue()).build());
    io.temporal.client.WorkflowClient.start(stub::run, JourneyInput.reopen(carried, t.settings));
    t.send(t.event("again", EventType.MESSAGE_RECEIVED, "My app crashes with an error when I log in", null));
    t.env.sleep(Duration.ofSeconds(5));
    JourneyView v = t.view("again");
    assertThat(v.stage()).isEqualTo(Stage.TICKETED);
    assertThat(v.ticket().id()).isNotEqualTo(ticketId);
    assertThat(v.runs()).isGreaterThan(closed.runs());
    assertThat(v.timeline()).extracting(TimelineEntry::step).contains("journey.reopened");
    assertThat(t.helpdesk.find(v.ticket().id()).orElseThrow().requesterId()).isEqualTo(ENTERPRISE.id());
    assertThat(t.helpdesk.find(v.ticket().id()).orElseThrow().customFields()).containsEntry("tier", "enterprise");
    JourneyView projected = new ProjectionStore(t.db, JourneyTestEnv.JSON).find("journey-again")
        .orElseThrow();
    assertThat(projected.stage()).isEqualTo(Stage.TICKETED);
    assertThat(new ProjectionStore(t.db, JourneyTestEnv.JSON).finishedSnapshot("journey-again", 200))
        .as("a reopened journey is running: its next event starts no run").isEmpty();
    assertThat(new ProjectionStore(t.db, JourneyTestEnv.JSON).snapshot("journey-again", 200)
        .orElseThrow().timelineSeq).isGreaterThan(closedVersion);
    assertThat(Map.of("previous", v.timeline().stream().filter(e -> e.step().equals("journey.reopened"))
        .findFirst().orElseThrow().text())).extractingByKey("previous").asString().contains(ticketId);
  }
}
