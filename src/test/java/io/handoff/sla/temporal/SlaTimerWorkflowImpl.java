package io.handoff.sla.temporal;

import io.handoff.sla.clock.SlaClocks;
import io.handoff.sla.clock.SlaDeadline;
import io.handoff.sla.clock.SlaFiring;
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
import java.util.function.Consumer;

/**
 * The wiring pattern for the journey workflow: inputs arrive as signals and are applied with the
 * workflow's time; one timer runs to {@code nextDeadline()}, named after the clock; on every wake-up
 * the clocks fire what is due and the stale timer is cancelled.
 */
public class SlaTimerWorkflowImpl implements SlaTimerWorkflow {

  static final SearchAttributeKey<OffsetDateTime> NEXT_DUE = SearchAttributeKey.forOffsetDateTime("SlaNextDueAt");
  static final SearchAttributeKey<Boolean> BREACHED = SearchAttributeKey.forBoolean("SlaBreached");

  private final List<Consumer<SlaClocks>> inbox = new ArrayList<>();
  private final List<String> firings = new ArrayList<>();
  private final List<Long> wakeLagsMillis = new ArrayList<>();
  private boolean closed;

  @Override
  public List<String> run(SlaTargets targets) {
    Instant created = now();
    SlaClocks clocks = SlaClocks.ticketCreated(created, TicketStatus.OPEN, targets);
    while (!closed) {
      publishSearchAttributes(clocks);
      Optional<SlaDeadline> next = clocks.nextDeadline();
      Promise<Void>[] timer = timerTo(next);
      CancellationScope scope = timer.length == 0 ? null : Workflow.newCancellationScope(() -> timer[0] = start(next.get()));
      if (scope != null) {
        scope.run();
      }
      Workflow.await(() -> closed || !inbox.isEmpty() || (scope != null && timer[0].isCompleted()));
      if (scope != null && !timer[0].isCompleted()) {
        scope.cancel();
      }
      Instant now = now();
      inbox.forEach(input -> input.accept(clocks));
      inbox.clear();
      for (SlaFiring f : clocks.fire(now)) {
        // A journey workflow would run f.actions() through idempotent activities here.
        // The deadline is exact; the workflow task that observes it runs a few milliseconds later.
        firings.add(f.deadline().timerSummary() + " +" + Duration.between(created, f.deadline().at()));
        wakeLagsMillis.add(Duration.between(f.deadline().at(), now).toMillis());
      }
    }
    return firings;
  }

  @SuppressWarnings("unchecked")
  private static Promise<Void>[] timerTo(Optional<SlaDeadline> next) {
    return next.isPresent() ? new Promise[1] : new Promise[0];
  }

  private Promise<Void> start(SlaDeadline d) {
    Duration wait = Duration.between(now(), d.at());
    return Workflow.newTimer(wait.isNegative() ? Duration.ZERO : wait,
        TimerOptions.newBuilder().setSummary(d.timerSummary()).build());
  }

  private void publishSearchAttributes(SlaClocks clocks) {
    Workflow.upsertTypedSearchAttributes(
        clocks.nextDeadline().map(d -> NEXT_DUE.valueSet(d.at().atOffset(ZoneOffset.UTC))).orElse(NEXT_DUE.valueUnset()),
        BREACHED.valueSet(clocks.anyBreached()));
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }

  @Override
  public void publicAgentComment() {
    inbox.add(c -> c.publicAgentComment(now()));
  }

  @Override
  public void priorityChanged(SlaTargets targets) {
    inbox.add(c -> c.targetsChanged(now(), targets));
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
