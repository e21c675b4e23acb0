package io.handoff.sla.clock;

import static io.handoff.sla.clock.SlaFixtures.RAISE;
import static io.handoff.sla.clock.SlaFixtures.T0;
import static io.handoff.sla.clock.SlaFixtures.TAG_WARNING;
import static io.handoff.sla.clock.SlaFixtures.min;
import static io.handoff.sla.clock.SlaFixtures.target;
import static io.handoff.sla.clock.SlaFixtures.targets;
import static io.handoff.sla.policy.SlaMetric.AGENT_WORK_TIME;
import static io.handoff.sla.policy.SlaMetric.FIRST_REPLY_TIME;
import static io.handoff.sla.policy.SlaMetric.NEXT_REPLY_TIME;
import static io.handoff.sla.policy.SlaMetric.PAUSABLE_UPDATE_TIME;
import static io.handoff.sla.policy.SlaMetric.PERIODIC_UPDATE_TIME;
import static io.handoff.sla.policy.SlaMetric.REQUESTER_WAIT_TIME;
import static io.handoff.sla.policy.SlaMetric.TOTAL_RESOLUTION_TIME;
import static io.handoff.ticket.TicketStatus.HOLD;
import static io.handoff.ticket.TicketStatus.OPEN;
import static io.handoff.ticket.TicketStatus.PENDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handoff.sla.clock.SlaClockView.State;
import io.handoff.sla.clock.SlaDeadline.Kind;
import io.handoff.sla.policy.SlaMetric;
import io.handoff.sla.policy.SlaTargets;
import io.handoff.ticket.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlaClocksTest {

  static SlaClocks created(SlaTargets t) {
    return SlaClocks.ticketCreated(T0, OPEN, t);
  }

  static SlaDeadline deadline(SlaMetric m, Kind k, int percent, Instant at, int cycle) {
    return new SlaDeadline(m, k, percent, at, cycle);
  }

  static List<SlaDeadline> fired(SlaClocks c, Instant now) {
    return c.fire(now).stream().map(SlaFiring::deadline).toList();
  }

  static SlaClockView view(SlaClocks c, SlaMetric m, Instant now) {
    return c.view(now).stream().filter(v -> v.metric() == m).findFirst().orElseThrow();
  }

  @Test
  void firstReplyWarnsAndBreachesExactlyOnceToTheSecond() {
    SlaClocks c = created(targets(target(FIRST_REPLY_TIME, Duration.ofHours(1), 75, 90)));
    assertEquals(Optional.of(deadline(FIRST_REPLY_TIME, Kind.WARNING, 75, min(45), 1)), c.nextDeadline());
    assertEquals(List.of(), fired(c, min(45).minusSeconds(1)));
    List<SlaFiring> warning = c.fire(min(45));
    assertEquals(1, warning.size());
    assertEquals(List.of(TAG_WARNING), warning.get(0).actions());
    assertEquals(List.of(), fired(c, min(45)));
    assertEquals(min(54), c.nextDeadline().orElseThrow().at());
    List<SlaFiring> late = c.fire(min(120));
    assertEquals(List.of(deadline(FIRST_REPLY_TIME, Kind.WARNING, 90, min(54), 1),
        deadline(FIRST_REPLY_TIME, Kind.BREACH, 100, min(60), 1)), late.stream().map(SlaFiring::deadline).toList());
    assertEquals(List.of(RAISE), late.get(1).actions());
    assertEquals(List.of(), fired(c, min(180)));
    assertEquals(Optional.empty(), c.nextDeadline());
    SlaClockView v = view(c, FIRST_REPLY_TIME, min(180));
    assertTrue(v.breached());
    assertEquals(min(60), v.dueAt());
    assertEquals(Duration.ofHours(-2), v.timeLeft());
    assertEquals(List.of(75, 90), v.warningsFired());
    assertTrue(c.anyBreached());
  }

  @Test
  void firstReplyIsFulfilledByPublicAgentCommentNotByInternalNote() {
    SlaClocks c = created(targets(target(FIRST_REPLY_TIME, Duration.ofHours(1))));
    c.privateComment(min(10));
    assertEquals(min(60), c.nextDeadline().orElseThrow().at());
    c.publicAgentComment(min(20));
    assertEquals(Optional.empty(), c.nextDeadline());
    SlaClockView v = view(c, FIRST_REPLY_TIME, min(200));
    assertEquals(State.FULFILLED, v.state());
    assertEquals(Duration.ofMinutes(40), v.timeLeft());
    assertFalse(v.breached());
    assertEquals(List.of(), fired(c, min(200)));
  }

  @Test
  void nextReplyRunsFromOldestUnansweredCustomerMessageAfterFirstReply() {
    SlaClocks c = created(targets(target(FIRST_REPLY_TIME, Duration.ofHours(1)), target(NEXT_REPLY_TIME, Duration.ofMinutes(30))));
    assertEquals(FIRST_REPLY_TIME, c.nextDeadline().orElseThrow().metric());
    c.publicAgentComment(min(10));
    assertEquals(Optional.empty(), c.nextDeadline());
    c.customerComment(min(20));
    c.customerComment(min(30));
    assertEquals(Optional.of(deadline(NEXT_REPLY_TIME, Kind.BREACH, 100, min(50), 2)), c.nextDeadline());
    c.publicAgentComment(min(40));
    assertEquals(Optional.empty(), c.nextDeadline());
    c.customerComment(min(60));
    assertEquals(List.of(deadline(NEXT_REPLY_TIME, Kind.BREACH, 100, min(90), 3)), fired(c, min(95)));
    assertEquals(List.of(), fired(c, min(200)));
  }

  @Test
  void nextReplyCoversTheFirstMessageWhenThereIsNoFirstReplyTarget() {
    SlaClocks c = created(targets(target(NEXT_REPLY_TIME, Duration.ofMinutes(30))));
    assertEquals(min(30), c.nextDeadline().orElseThrow().at());
  }

  @Test
  void nextReplyAppliesAfterATicketSolvedWithoutReplyIsReopened() {
    SlaClocks c = created(targets(target(FIRST_REPLY_TIME, Duration.ofHours(1)), target(NEXT_REPLY_TIME, Duration.ofMinutes(30))));
    c.solved(min(10));
    c.reopened(min(100), OPEN);
    c.customerComment(min(100));
    assertEquals(Optional.of(deadline(NEXT_REPLY_TIME, Kind.BREACH, 100, min(130), 2)), c.nextDeadline());
  }

  @Test
  void periodicUpdateRestartsAtEachPublicAgentComment() {
    SlaClocks c = created(targets(target(PERIODIC_UPDATE_TIME, Duration.ofHours(1))));
    assertEquals(Optional.empty(), c.nextDeadline());
    c.publicAgentComment(min(10));
    assertEquals(min(70), c.nextDeadline().orElseThrow().at());
    c.statusChanged(min(15), PENDING);
    assertEquals(min(70), c.nextDeadline().orElseThrow().at());
    c.publicAgentComment(min(40));
    assertEquals(List.of(), fired(c, min(99)));
    assertEquals(List.of(deadline(PERIODIC_UPDATE_TIME, Kind.BREACH, 100, min(100), 2)), fired(c, min(100)));
    assertEquals(List.of(), fired(c, min(300)));
  }

  @Test
  void pausableUpdatePausesWhilePending() {
    SlaClocks c = created(targets(target(PAUSABLE_UPDATE_TIME, Duration.ofHours(1))));
    c.publicAgentComment(T0);
    c.statusChanged(min(10), PENDING);
    assertEquals(Optional.empty(), c.nextDeadline());
    SlaClockView paused = view(c, PAUSABLE_UPDATE_TIME, min(60));
    assertTrue(paused.paused());
    assertEquals(Duration.ofMinutes(50), paused.timeLeft());
    c.statusChanged(min(120), OPEN);
    assertEquals(min(170), c.nextDeadline().orElseThrow().at());
    c.statusChanged(min(130), HOLD);
    assertEquals(min(170), c.nextDeadline().orElseThrow().at());
  }

  @Test
  void requesterWaitTimePausesWhilePendingButNotOnHold() {
    SlaClocks c = created(targets(target(REQUESTER_WAIT_TIME, Duration.ofHours(4))));
    c.statusChanged(min(60), PENDING);
    assertTrue(view(c, REQUESTER_WAIT_TIME, min(120)).paused());
    assertEquals(Optional.empty(), c.nextDeadline());
    c.statusChanged(min(180), HOLD);
    c.statusChanged(min(300), OPEN);
    assertEquals(min(360), c.nextDeadline().orElseThrow().at());
  }

  @Test
  void agentWorkTimePausesWhilePendingAndOnHold() {
    SlaClocks c = created(targets(target(AGENT_WORK_TIME, Duration.ofHours(4))));
    c.statusChanged(min(60), PENDING);
    c.statusChanged(min(180), HOLD);
    assertTrue(view(c, AGENT_WORK_TIME, min(240)).paused());
    c.statusChanged(min(300), OPEN);
    assertEquals(min(480), c.nextDeadline().orElseThrow().at());
  }

  @Test
  void totalResolutionTimeNeverPausesAndResumesOnReopen() {
    SlaClocks c = created(targets(target(TOTAL_RESOLUTION_TIME, Duration.ofHours(8)),
        target(REQUESTER_WAIT_TIME, Duration.ofHours(8))));
    c.statusChanged(min(60), PENDING);
    c.statusChanged(min(120), HOLD);
    assertEquals(Optional.of(deadline(TOTAL_RESOLUTION_TIME, Kind.BREACH, 100, min(480), 1)), c.nextDeadline());
    c.solved(min(360));
    assertEquals(Optional.empty(), c.nextDeadline());
    assertEquals(State.FULFILLED, view(c, TOTAL_RESOLUTION_TIME, min(400)).state());
    c.reopened(min(600), OPEN);
    // 6h of total resolution time were spent; 5h of requester wait (pending 1h excluded).
    assertEquals(List.of(deadline(TOTAL_RESOLUTION_TIME, Kind.BREACH, 100, min(720), 1),
        deadline(REQUESTER_WAIT_TIME, Kind.BREACH, 100, min(780), 1)), c.pendingDeadlines());
  }

  @Test
  void solvingFulfilsEveryClock() {
    SlaClocks c = created(targets(target(FIRST_REPLY_TIME, Duration.ofHours(1)), target(AGENT_WORK_TIME, Duration.ofHours(2)),
        target(TOTAL_RESOLUTION_TIME, Duration.ofHours(3))));
    c.solved(min(30));
    assertEquals(Optional.empty(), c.nextDeadline());
    assertTrue(c.view(min(500)).stream().allMatch(v -> v.state() == State.FULFILLED && !v.breached()));
    assertEquals(List.of(), fired(c, min(500)));
  }

  @Test
  void priorityChangeReschedulesDueTimesAndKeepsFiredMarks() {
    SlaClocks c = created(targets(target(FIRST_REPLY_TIME, Duration.ofHours(4), 50)));
    assertEquals(min(120), c.nextDeadline().orElseThrow().at());
    assertFalse(c.targetsChanged(min(30), targets(target(FIRST_REPLY_TIME, Duration.ofHours(4), 50))));
    assertTrue(c.targetsChanged(min(60), targets(target(FIRST_REPLY_TIME, Duration.ofMinutes(90), 50))));
    assertEquals(Optional.of(deadline(FIRST_REPLY_TIME, Kind.WARNING, 50, min(45), 1)), c.nextDeadline());
    assertEquals(List.of(deadline(FIRST_REPLY_TIME, Kind.WARNING, 50, min(45), 1)), fired(c, min(60)));
    assertEquals(min(90), c.nextDeadline().orElseThrow().at());
    // Back to 4h: the 50% warning already fired in this cycle and is not repeated at 2h.
    c.targetsChanged(min(70), targets(target(FIRST_REPLY_TIME, Duration.ofHours(4), 50)));
    assertEquals(Optional.of(deadline(FIRST_REPLY_TIME, Kind.BREACH, 100, min(240), 1)), c.nextDeadline());
  }

  @Test
  void targetLoweredBelowSpentTimeFiresWarningAndBreachOnceImmediately() {
    SlaClocks c = created(targets(target(FIRST_REPLY_TIME, Duration.ofHours(4), 75)));
    c.targetsChanged(min(120), targets(target(FIRST_REPLY_TIME, Duration.ofHours(1), 75)));
    assertEquals(min(45), c.nextDeadline().orElseThrow().at());
    assertEquals(List.of(deadline(FIRST_REPLY_TIME, Kind.WARNING, 75, min(45), 1),
        deadline(FIRST_REPLY_TIME, Kind.BREACH, 100, min(60), 1)), fired(c, min(120)));
    c.targetsChanged(min(130), targets(target(FIRST_REPLY_TIME, Duration.ofHours(4), 75)));
    assertEquals(List.of(), fired(c, min(600)));
    assertTrue(view(c, FIRST_REPLY_TIME, min(130)).breached());
  }

  @Test
  void ticketWithoutPolicyOrPriorityHasNoDeadlines() {
    SlaClocks c = created(SlaTargets.NONE);
    assertEquals(Optional.empty(), c.nextDeadline());
    assertEquals(List.of(), c.view(min(10)));
    c.targetsChanged(min(30), targets(target(FIRST_REPLY_TIME, Duration.ofHours(1))));
    assertEquals(min(60), c.nextDeadline().orElseThrow().at());
  }

  @Test
  void inputsOlderThanTheLastOneDoNotRunTimeBackwards() {
    SlaClocks c = created(targets(target(AGENT_WORK_TIME, Duration.ofHours(1))));
    c.statusChanged(min(30), PENDING);
    c.statusChanged(min(20), OPEN);
    // The late "open" counts as happening at 30 min, so 30 min remain from there (not from 20 min).
    assertEquals(min(60), c.nextDeadline().orElseThrow().at());
  }

  @Test
  void newTicketInPendingStartsPausedClocks() {
    SlaClocks c = SlaClocks.ticketCreated(T0, TicketStatus.PENDING, targets(target(AGENT_WORK_TIME, Duration.ofHours(1)),
        target(FIRST_REPLY_TIME, Duration.ofHours(2))));
    assertEquals(List.of(deadline(FIRST_REPLY_TIME, Kind.BREACH, 100, min(120), 1)), c.pendingDeadlines());
  }
}
