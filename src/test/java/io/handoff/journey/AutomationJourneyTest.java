package io.handoff.journey;

import static io.handoff.journey.CustomerJourneyWorkflowTest.ENTERPRISE;
import static io.handoff.journey.CustomerJourneyWorkflowTest.change;
import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.model.EventType;
import io.handoff.ticket.TicketChange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Automations on the journey: one durable timer, fired to the second, once, re-planned on every change. */
@Timeout(120)
class AutomationJourneyTest {
  static final String NUDGE = "Nudge after 2 hours pending";
  static final String AUTOMATIONS = """
      automations:
        - title: "%s"
          conditions:
            all:
              - { field: status, operator: is, value: pending }
              - { field: PENDING, operator: greater_than, value: 2 }
              - { field: current_tags, operator: not_includes, value: nudged }
          actions:
            - { field: current_tags, value: nudged }
            - { field: notification_webhook, value: [sales-alerts, '{"ticket": "{{ticket.id}}"}'] }
      """.formatted(NUDGE);
  /** A support trigger reacting to the automation's tag shows the triggers run on the automation's update. */
  static final String SEEN_TRIGGER = """

        - title: "SUP - Test - the nudge is seen"
          conditions:
            all:
              - { field: current_tags, operator: includes, value: nudged }
              - { field: current_tags, operator: not_includes, value: nudge_seen }
          actions:
            - { field: current_tags, value: nudge_seen }
      """;

  @TempDir Path dir;

  Path workflows(boolean withAutomations) throws IOException {
    try (Stream<Path> files = Files.list(JourneyTestEnv.WORKFLOWS)) {
      for (Path f : files.toList()) {
        if (!f.getFileName().toString().equals("automations.yaml")) {
          Files.copy(f, dir.resolve(f.getFileName()));
        }
      }
    }
    Files.writeString(dir.resolve("support-triggers.yaml"), SEEN_TRIGGER, java.nio.file.StandardOpenOption.APPEND);
    if (withAutomations) {
      Files.writeString(dir.resolve("automations.yaml"), AUTOMATIONS);
    }
    return dir;
  }

  /** A ticketed journey whose ticket an agent has just set to pending; returns when it became pending. */
  static Instant pendingTicket(JourneyTestEnv t, String conversation) {
    t.send(t.event(conversation, EventType.CONVERSATION_STARTED, null, ENTERPRISE));
    t.send(t.event(conversation, EventType.MESSAGE_RECEIVED, "My app crashes with an error when I log in", ENTERPRISE));
    t.env.sleep(Duration.ofSeconds(5));
    return setPending(t, conversation);
  }

  static Instant setPending(JourneyTestEnv t, String conversation) {
    String ticketId = t.view(conversation).ticket().id();
    t.command(conversation, change(ticketId, TicketChange.builder().status("pending").build()));
    List<TimelineEntry> timeline = t.view(conversation).timeline();
    return timeline.stream().filter(e -> e.step().equals("support.triggers")).reduce((a, b) -> b).orElseThrow().at();
  }

  /** The summaries of the timers the journey started, as the Temporal UI shows them. */
  static List<String> timerSummaries(JourneyTestEnv t, String workflowId) {
    return t.client.fetchHistory(workflowId).getEvents().stream()
        .filter(e -> e.getEventType() == io.temporal.api.enums.v1.EventType.EVENT_TYPE_TIMER_STARTED)
        .filter(e -> e.getUserMetadata().hasSummary())
        .map(e -> io.temporal.common.converter.DefaultDataConverter.STANDARD_INSTANCE.fromPayload(
            e.getUserMetadata().getSummary(), String.class, String.class))
        .toList();
  }

  static List<TimelineEntry> firings(JourneyView v) {
    return v.timeline().stream().filter(e -> e.step().equals("automations") && e.text().startsWith("fired")).toList();
  }

  @Test
  void anAutomationFiresOnceExactlyWhenDueWithItsActionsAndTheSupportTriggers() throws Exception {
    try (JourneyTestEnv t = new JourneyTestEnv(JourneySettings.DEFAULTS, workflows(true))) {
      Instant pendingAt = pendingTicket(t, "nudge");
      Instant due = pendingAt.plus(Duration.ofHours(2));
      t.env.sleep(Duration.between(t.now(), due).minusSeconds(2));
      assertThat(t.view("nudge").tags()).doesNotContain("nudged");
      assertThat(firings(t.view("nudge"))).isEmpty();

      t.env.sleep(Duration.ofSeconds(4));
      JourneyView fired = t.view("nudge");
      assertThat(firings(fired)).singleElement().satisfies(e -> {
        assertThat(e.at()).isEqualTo(due);
        assertThat(e.text()).isEqualTo("fired: " + NUDGE);
      });
      assertThat(fired.tags()).contains("nudged", "nudge_seen");
      assertThat(fired.timeline()).filteredOn(e -> e.step().equals("notification.webhook") && e.trace() != null
          && NUDGE.equals(e.trace().path("automation").asText())).singleElement()
          .satisfies(e -> assertThat(e.at()).isEqualTo(due));
      assertThat(t.helpdesk.find(fired.ticket().id()).orElseThrow().tags()).contains("nudged", "nudge_seen");

      t.env.sleep(Duration.ofHours(10));
      assertThat(firings(t.view("nudge"))).hasSize(1);
      String history = t.client.fetchHistory("journey-nudge").toJson(true);
      assertThat(history.split("\"AutomationRun\"", -1)).hasSize(2);
      assertThat(timerSummaries(t, "journey-nudge")).contains("Automation " + NUDGE);
    }
  }

  @Test
  void aCustomerReplyReplansAndAnotherPendingStartsTheHoursAgain() throws Exception {
    try (JourneyTestEnv t = new JourneyTestEnv(JourneySettings.DEFAULTS, workflows(true))) {
      pendingTicket(t, "replan");
      t.env.sleep(Duration.ofHours(1));
      t.send(t.event("replan", EventType.CUSTOMER_REPLIED, "Still crashing, here is the log", ENTERPRISE));
      t.env.sleep(Duration.ofHours(5));
      JourneyView reopened = t.view("replan");
      assertThat(reopened.ticket().status()).isEqualTo("open");
      assertThat(firings(reopened)).isEmpty();
      assertThat(reopened.tags()).doesNotContain("nudged");

      Instant pendingAgain = setPending(t, "replan");
      t.env.sleep(Duration.between(t.now(), pendingAgain.plus(Duration.ofHours(2))).plusSeconds(1));
      assertThat(firings(t.view("replan"))).singleElement()
          .satisfies(e -> assertThat(e.at()).isEqualTo(pendingAgain.plus(Duration.ofHours(2))));
    }
  }

  @Test
  void aJourneyWithoutAutomationsRunsNone() throws Exception {
    try (JourneyTestEnv t = new JourneyTestEnv(JourneySettings.DEFAULTS, workflows(false))) {
      pendingTicket(t, "plain");
      t.env.sleep(Duration.ofHours(5));
      JourneyView v = t.view("plain");
      assertThat(v.timeline()).extracting(TimelineEntry::step).doesNotContain("automations");
      assertThat(v.tags()).doesNotContain("nudged");
      assertThat(t.client.fetchHistory("journey-plain").toJson(true)).doesNotContain("AutomationRun");
    }
  }
}
