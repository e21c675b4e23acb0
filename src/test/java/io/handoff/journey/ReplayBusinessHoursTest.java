package io.handoff.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.model.EventType;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A replayed conversation (journaled events started as pending commands, as {@code POST
 * /api/conversations/{id}/replay} starts them) is judged "within business hours" at each event's own time, not
 * when the replay runs: the messaging welcome trigger ({@code in_business_hours is true}) and a support trigger
 * ({@code in_business_hours is false}) and an SLA policy filter ({@code in_business_hours is false}) see the
 * Paris schedule (Monday to Friday) at the replayed instant. Two
 * replays run at the same moment, one of a Saturday night and one of a Monday morning, so whatever the time the
 * test runs, a judgement made at "now" would give both the same answer.
 */
@Timeout(120)
class ReplayBusinessHoursTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final String WELCOME = "MSG - Welcome - business hours";
  /** The shipped support triggers and one more: a ticket created outside business hours is tagged. */
  private static final String OUT_OF_HOURS = """

        - title: "SUP - Notifications - out of hours"
          category: Notifications
          position: 99
          conditions:
            all:
              - { field: update_type, operator: is, value: Create }
              - { field: in_business_hours, operator: is, value: false }
          actions:
            - { field: current_tags, value: out_of_hours }
      """;

  /** Two SLA policies: a ticket created outside business hours gets 8 h for its first reply, others 1 h. */
  private static final String POLICIES = """
      policies:
        - name: Out of hours
          filter:
            all:
              - {field: in_business_hours, operator: is, value: false}
          targets:
            first_reply_time: {urgent: 8h, high: 8h, normal: 8h, low: 8h}
        - name: Office hours
          targets:
            first_reply_time: {urgent: 1h, high: 1h, normal: 1h, low: 1h}
      """;

  JourneyTestEnv t;

  @AfterEach
  void close() {
    if (t != null) {
      t.close();
    }
  }

  private void start() throws Exception {
    String shipped = Files.readString(JourneyTestEnv.WORKFLOWS.resolve("support-triggers.yaml"));
    t = new JourneyTestEnv(JourneySettings.DEFAULTS, JourneyTestEnv.workflowsWith(java.util.Map.of(
        "support-triggers.yaml", shipped.stripTrailing() + "\n" + OUT_OF_HOURS, "sla-policies.yaml", POLICIES)));
  }

  /** A conversation replayed at {@code at}: started, then a customer asks for a human a minute later. */
  private JourneyView replay(String conversationId, Instant at) {
    t.startWith(conversationId, List.of(
        t.journaled(conversationId, EventType.CONVERSATION_STARTED, null, JourneyScenarios.STANDARD, at),
        t.journaled(conversationId, EventType.MESSAGE_RECEIVED, "I want to talk to a human", JourneyScenarios.STANDARD,
            at.plus(Duration.ofMinutes(1)))));
    t.env.sleep(Duration.ofSeconds(5));
    return t.view(conversationId);
  }

  /** The triggers whose messages the journey sent. */
  private static List<String> sentBy(JourneyView v) {
    return v.timeline().stream().filter(e -> e.step().equals("message.sent") && e.trace() != null)
        .map(e -> e.trace().path("trigger").asText()).toList();
  }

  private java.util.Set<String> ticketTags(JourneyView v) {
    assertThat(v.ticket()).as("a ticket for the customer who asked for a human").isNotNull();
    return t.helpdesk.find(v.ticket().id()).orElseThrow().tags();
  }

  @Test
  void aReplayedSaturdayNightIsOutsideBusinessHoursAndAMondayMorningWithin() throws Exception {
    start();
    ZonedDateTime lastWeek = t.now().atZone(PARIS).minusWeeks(1);
    Instant saturdayNight = lastWeek.with(TemporalAdjusters.previous(DayOfWeek.SATURDAY))
        .with(LocalTime.of(22, 30)).toInstant();
    Instant mondayMorning = lastWeek.with(TemporalAdjusters.previous(DayOfWeek.MONDAY))
        .with(LocalTime.of(10, 0)).toInstant();

    JourneyView saturday = replay("replay-saturday", saturdayNight);
    JourneyView monday = replay("replay-monday", mondayMorning);

    assertThat(saturday.startedAt()).isEqualTo(saturdayNight);
    assertThat(sentBy(saturday)).as("messages of a Saturday night replay").doesNotContain(WELCOME);
    assertThat(ticketTags(saturday)).contains("out_of_hours");
    assertThat(sentBy(monday)).as("messages of a Monday morning replay").contains(WELCOME);
    assertThat(ticketTags(monday)).doesNotContain("out_of_hours");
    // The SLA policy filter (change h17h-sla-filter-at-command-time) too, though the helpdesk stamped both
    // tickets now.
    assertThat(saturday.sla().get("first_reply_time").policy()).isEqualTo("Out of hours");
    assertThat(monday.sla().get("first_reply_time").policy()).isEqualTo("Office hours");
  }
}
