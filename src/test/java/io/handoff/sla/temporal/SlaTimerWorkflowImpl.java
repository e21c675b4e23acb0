package io.handoff.sla.temporal;

import io.handoff.sla.clock.SlaClocks;
import io.handoff.sla.clock.SlaFiring;
import io.handoff.sla.inactivity.InactivityEvent;
import io.handoff.sla.inactivity.InactivityPolicy;
import io.handoff.sla.inactivity.InactivityTracker;
import io.handoff.sla.policy.SlaTargets;
import io.handoff.ticket.TicketStatus;
import io.temporal.common.SearchAttributeKey;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.TimerOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The wiring pattern for the journey workflow: inputs arrive as signals and are applied with the
 * workflow's time; one timer runs to the earliest SLA or inactivity deadline, named after it; on every
 * wake-up both state machines fire what is due and the stale timer is cancelled.
 */
public class SlaTimerWorkflowImpl implements SlaTimerWorkflow {

  static final SearchAttributeKey<OffsetDateTime> NEXT_DUE = SearchAttributeKey.forOffsetDateTime("SlaNextDueAt");
  static final SearchAttributeKey<Boolean> BREACHED = SearchAttributeKey.forBoolean("SlaBreached");

  /** A deadline of either state machine, reduced to what the timer needs. */
  private record Due(Instant at, String summary) {}

  private final List<Runnable> inbox = new ArrayList<>();
  private final List<String> firings = new ArrayList<>();
  private final List<Long> wakeLagsMillis = new ArrayList<>();
  private SlaClocks clocks;
  private InactivityTracker inactivity;
  private boolean closed;

  @Override
  public List<String> run(SlaTargets targets, InactivityPolicy inactivityPolicy) {
    Instant created = now();
    clocks = SlaClocks.ticketCreated(created, TicketStatus.OPEN, targets);
    inactivity = inactivityPolicy == null ? null : InactivityTracker.start(inactivityPolicy, created);
    while (!closed) {
      publishSearchAttributes();
      Optional<Due> next = nextDue();
      Promise<?>[] timer = new Promise<?>[1];
      CancellationScope scope = Workflow.newCancellationScope(() -> timer[0] = next.map(this::startTimer).orElse(null));
      scope.run();
      Workflow.await(() -> closed || !inbox.isEmpty() || (timer[0] != null && timer[0].isCompleted()));
      if (timer[0] != null && !timer[0].isCompleted()) {
        scope.cancel();
      }
      Instant now = now();
      inbox.forEach(Runnable::run);
      inbox.clear();
      for (SlaFiring f : clocks.fire(now)) {
        // A journey workflow would run f.actions() through idempotent activities here.
        record(created, f.deadline().timerSummary(), f.deadline().at(), now);
      }
      for (InactivityEvent e : inactivity == null ? List.<InactivityEvent>of() : inactivity.fire(now)) {
        record(created, e.timerSummary(), e.at(), now);
      }
    }
    return firings;
  }

  private Optional<Due> nextDue() {
    Optional<Due> sla = clocks.nextDeadline().map(d -> new Due(d.at(), d.timerSummary()));
    Optional<Due> idle = inactivity == null ? Optional.empty()
        : inactivity.nextDeadline().map(e -> new Due(e.at(), e.timerSummary()));
    if (sla.isPresent() && idle.isPresent()) {
      return idle.get().at().isBefore(sla.get().at()) ? idle : sla;
    }
    return sla.isPresent() ? sla : idle;
  }

  private Promise<Void> startTimer(Due due) {
    Duration wait = Duration.between(now(), due.at());
    return Workflow.newTimer(wait.isNegative() ? Duration.ZERO : wait,
        TimerOptions.newBuilder().setSummary(due.summary()).build());
  }

  /** Records one firing; the benchmark overrides it to count firings. */
  protected void record(Instant created, String summary, Instant dueAt, Instant now) {
    // The deadline is exact; the workflow task that observes it runs a few milliseconds later.
    firings.add(summary + " +" + Duration.between(created, dueAt));
    wakeLagsMillis.add(Duration.between(dueAt, now).toMillis());
  }

  private void publishSearchAttributes() {
    Workflow.upsertTypedSearchAttributes(
        clocks.nextDeadline().map(d -> NEXT_DUE.valueSet(d.at().atOffset(ZoneOffset.UTC))).orElse(NEXT_DUE.valueUnset()),
        BREACHED.valueSet(clocks.anyBreached()));
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }

  @Override
  public void publicAgentComment() {
    inbox.add(() -> clocks.publicAgentComment(now()));
  }

  @Override
  public void customerMessage() {
    inbox.add(() -> {
      clocks.customerComment(now());
      if (inactivity != null) {
        inactivity.customerMessage(now());
      }
    });
  }

  @Override
  public void priorityChanged(SlaTargets targets) {
    inbox.add(() -> clocks.targetsChanged(now(), targets));
  }

  @Override
  public void close() {
    closed = true;
  }

  @Override
  public List<String> getFirings() {
    return List.copyOf(firings);
  }

  @Override
  public List<Long> getWakeLagsMillis() {
    return List.copyOf(wakeLagsMillis);
  }
}
