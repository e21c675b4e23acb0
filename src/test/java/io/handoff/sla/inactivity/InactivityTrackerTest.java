package io.handoff.sla.inactivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.handoff.sla.inactivity.InactivityEvent.Kind;
import io.handoff.ticket.TicketStatus;
import io.handoff.yaml.Loaded;
import io.handoff.yaml.RuleFileError;
import io.temporal.common.converter.DefaultDataConverter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InactivityTrackerTest {

  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  static final InactivityPolicy POLICY = InactivityPolicyLoader.load(Path.of("workflows/inactivity.yaml")).orThrow();

  static Instant min(long m) {
    return T0.plus(Duration.ofMinutes(m));
  }

  static List<String> kinds(List<InactivityEvent> events) {
    return events.stream().map(e -> e.kind() + (e.reminder() > 0 ? " " + e.reminder() : "") + " @" + e.at()).toList();
  }

  @Test
  void laddersThroughDefaultRemindersThenEndsTheSession() {
    // inactive at 10 min, reminders 5 min after that, 5 min later and 1 min later (README, inactivity.yaml)
    InactivityTracker t = InactivityTracker.start(POLICY, T0);
    assertEquals(min(10), t.nextDeadline().orElseThrow().at());
    assertEquals(List.of(), t.fire(min(10).minusSeconds(1)));
    assertEquals(List.of("SESSION_INACTIVE @" + min(10)), kinds(t.fire(min(10))));
    assertEquals(SessionState.INACTIVE, t.session());
    assertEquals(min(15), t.nextDeadline().orElseThrow().at());
    assertEquals(List.of(), t.fire(min(15).minusSeconds(1)));
    List<InactivityEvent> first = t.fire(min(15));
    assertEquals(List.of("REMINDER 1 @" + min(15)), kinds(first));
    assertEquals(TicketStatus.PENDING, first.get(0).setStatus());
    assertEquals("messaging_reminder_1", first.get(0).tag());
    assertEquals(List.of("REMINDER 2 @" + min(20)), kinds(t.fire(min(20))));
    assertEquals("Inactivity reminder 3", t.nextDeadline().orElseThrow().timerSummary());
    List<InactivityEvent> last = t.fire(min(21));
    assertEquals(List.of("REMINDER 3 @" + min(21), "SESSION_ENDED @" + min(21)), kinds(last));
    assertEquals(TicketStatus.SOLVED, last.get(0).setStatus());
    assertEquals(SessionState.ENDED, t.session());
    assertEquals(Optional.empty(), t.nextDeadline());
    assertEquals(List.of(), t.fire(min(100)));
  }

  @Test
  void ladderStartedBeforeTheFixKeepsItsRecordedTiming() {
    // Journeys recorded before h18b-reminders-after-inactive counted reminders from the agent reply.
    InactivityTracker t = InactivityTracker.start(POLICY, T0, false);
    assertEquals(List.of("REMINDER 1 @" + min(5), "SESSION_INACTIVE @" + min(10), "REMINDER 2 @" + min(10),
        "REMINDER 3 @" + min(11), "SESSION_ENDED @" + min(11)), kinds(t.fire(min(60))));
    InactivityState old = new InactivityState(POLICY, T0, SessionState.ACTIVE, false, 0);
    assertEquals(min(5), InactivityTracker.restore(old).nextDeadline().orElseThrow().at());
  }

  @Test
  void customerMessageResetsTheLadder() {
    InactivityTracker t = InactivityTracker.start(POLICY, T0);
    t.fire(min(10));
    assertEquals(SessionState.INACTIVE, t.session());
    t.customerMessage(min(12));
    assertEquals(SessionState.ACTIVE, t.session());
    assertEquals("SESSION_INACTIVE", t.nextDeadline().orElseThrow().kind().name());
    assertEquals(min(22), t.nextDeadline().orElseThrow().at());
    assertEquals(List.of("SESSION_INACTIVE @" + min(22)), kinds(t.fire(min(22))));
    assertEquals(Optional.of(new InactivityEvent(Kind.REMINDER, 1, min(27), POLICY.reminders().get(0).message(),
        TicketStatus.PENDING, "messaging_reminder_1")), t.nextDeadline());
  }

  @Test
  void lateFireCatchesUpEveryStepOnceInOrder() {
    InactivityTracker t = InactivityTracker.start(POLICY, T0);
    assertEquals(List.of("SESSION_INACTIVE @" + min(10), "REMINDER 1 @" + min(15), "REMINDER 2 @" + min(20),
        "REMINDER 3 @" + min(21), "SESSION_ENDED @" + min(21)), kinds(t.fire(min(60))));
  }

  @Test
  void withoutRemindersTheSessionEndsWhenInactive() {
    InactivityTracker t = InactivityTracker.start(new InactivityPolicy(Duration.ofMinutes(10), List.of(), true), T0);
    assertEquals(List.of("SESSION_INACTIVE @" + min(10), "SESSION_ENDED @" + min(10)), kinds(t.fire(min(10))));
    InactivityTracker keep = InactivityTracker.start(new InactivityPolicy(Duration.ofMinutes(10), List.of(), false), T0);
    assertEquals(List.of("SESSION_INACTIVE @" + min(10)), kinds(keep.fire(min(100))));
    assertEquals(SessionState.INACTIVE, keep.session());
  }

  @Test
  void stateSurvivesTemporalsDataConverter() {
    InactivityTracker t = InactivityTracker.start(POLICY, T0);
    t.fire(min(5));
    var converter = DefaultDataConverter.newDefaultInstance();
    InactivityState back = converter.fromPayload(converter.toPayload(t.snapshot()).orElseThrow(),
        InactivityState.class, InactivityState.class);
    assertEquals(t.snapshot(), back);
    assertEquals(t.nextDeadline(), InactivityTracker.restore(back).nextDeadline());
  }

  @Test
  void loaderAppliesZendeskDefaultsAndReportsErrors() {
    Loaded<InactivityPolicy> defaults = InactivityPolicyLoader.parse("i.yaml", """
        reminders:
          - message: one
          - message: two
          - message: three
        """);
    assertEquals(List.of(Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofMinutes(1)),
        defaults.orThrow().reminders().stream().map(Reminder::after).toList());
    assertEquals(Duration.ofMinutes(10), defaults.orThrow().inactiveAfter());

    Loaded<InactivityPolicy> bad = InactivityPolicyLoader.parse("i.yaml", """
        inactive_after: 10s
        reminders:
          - {after: 5m}
          - {message: two, set_status: closed}
          - {message: three}
          - {message: four}
        """);
    assertNull(bad.value());
    assertEquals(List.of(
        "i.yaml:1: inactive_after must be a duration of at least 1 minute (e.g. 10, 5m, 1h), got \"10s\"",
        "i.yaml:6: at most 3 reminders are allowed, found 4",
        "i.yaml:3: rule \"reminder 1\": missing required key \"message\"",
        "i.yaml:4: rule \"reminder 2\": set_status must be open, pending, hold or solved, got \"closed\""),
        bad.errors().stream().map(RuleFileError::toString).toList());
  }
}
