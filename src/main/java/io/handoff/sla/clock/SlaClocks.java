package io.handoff.sla.clock;

import io.handoff.sla.clock.SlaDeadline.Kind;
import io.handoff.sla.policy.SlaMetric;
import io.handoff.sla.policy.SlaTarget;
import io.handoff.sla.policy.SlaTargets;
import io.handoff.ticket.TicketStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SLA clocks of one ticket, with Zendesk's metric semantics, as a deterministic state machine.
 * It reads no clock: every input carries its instant, and {@link #fire} and {@link #view} take "now".
 *
 * <h2>Integration contract (journey workflow)</h2>
 *
 * <ol>
 *   <li>Outside the workflow (an activity, or workflow input), load {@code SlaPolicies} and resolve
 *       {@code SlaTargets targets = policies.targetsFor(ticket, matcher)}. Targets carry their
 *       business-hours schedule, so the clocks never read files.
 *   <li>On ticket creation: {@code clocks = SlaClocks.ticketCreated(now, status, targets)}, where
 *       {@code now = Instant.ofEpochMilli(Workflow.currentTimeMillis())}.
 *   <li>On every ticket event, call the matching input with {@code now}: {@link #statusChanged},
 *       {@link #publicAgentComment}, {@link #privateComment}, {@link #customerComment}; after every
 *       ticket update (at least when priority, group or tags change) resolve targets again and call
 *       {@link #targetsChanged} (due times move; warnings and the breach already fired in a cycle
 *       stay fired).
 *   <li>Timer loop: {@code d = clocks.nextDeadline()}; if present, start
 *       {@code Workflow.newTimer(max(0, d.at() - now), TimerOptions.newBuilder().setSummary(d.timerSummary()))}
 *       and await it or the next signal/update. On waking (either way) call {@code clocks.fire(now)}
 *       and apply each returned {@link SlaFiring}'s actions through activities, keyed by metric,
 *       cycle, kind and percent. Then recompute {@code nextDeadline()} and start a new timer (cancel
 *       the stale one): any input may have moved the deadline.
 *   <li>Visibility: {@link #view} for the journey view; {@code nextDeadline().at()} and
 *       {@link #anyBreached} for search attributes.
 *   <li>Continue-as-new: pass {@link #snapshot()} and rebuild with {@link #restore}.
 * </ol>
 *
 * <p>Each warning percentage and the breach fire at most once per metric cycle. Inputs older than
 * the last input are treated as happening at the last input's instant, so time never runs backwards.
 */
public final class SlaClocks {

  private TicketStatus status;
  private SlaTargets targets;
  private Instant lastEventAt;
  private final Map<SlaMetric, MetricClock> clocks = new EnumMap<>(SlaMetric.class);

  private SlaClocks(SlaClocksState s) {
    status = s.status();
    targets = s.targets();
    lastEventAt = s.lastEventAt();
    for (SlaMetric m : SlaMetric.values()) {
      clocks.put(m, MetricClock.idle(m));
    }
    s.clocks().forEach(c -> clocks.put(c.metric(), c));
  }

  /**
   * A ticket was created (from a customer's message, so it awaits a reply). Starts first reply time,
   * next reply time (covered by first reply time while that has a target), requester wait time,
   * agent work time and total resolution time, each running or paused according to {@code status}.
   */
  public static SlaClocks ticketCreated(Instant at, TicketStatus status, SlaTargets targets) {
    SlaClocks c = new SlaClocks(new SlaClocksState(status, targets, at, List.of()));
    c.start(SlaMetric.FIRST_REPLY_TIME, at);
    c.start(SlaMetric.NEXT_REPLY_TIME, at);
    c.start(SlaMetric.REQUESTER_WAIT_TIME, at);
    c.start(SlaMetric.AGENT_WORK_TIME, at);
    c.start(SlaMetric.TOTAL_RESOLUTION_TIME, at);
    return c;
  }

  public static SlaClocks restore(SlaClocksState state) {
    return new SlaClocks(state);
  }

  public SlaClocksState snapshot() {
    return new SlaClocksState(status, targets, lastEventAt, List.copyOf(clocks.values()));
  }

  /**
   * Applies freshly resolved targets (policy or priority may have changed): they apply to the time
   * already spent. Cheap to call after every ticket update; returns whether the targets differ, i.e.
   * whether the timer must be rescheduled.
   */
  public boolean targetsChanged(Instant at, SlaTargets newTargets) {
    advance(at);
    boolean changed = !newTargets.equals(targets);
    targets = newTargets;
    return changed;
  }

  /**
   * The ticket's status changed. Solved (or closed) fulfils every active metric; leaving solved
   * reopens the cumulative ones (requester wait, agent work, total resolution) where they stopped.
   * Otherwise pending pauses requester wait, agent work and pausable update; on-hold pauses agent work.
   */
  public void statusChanged(Instant at, TicketStatus newStatus) {
    Instant t = advance(at);
    boolean wasSolved = isSolved(status);
    status = newStatus;
    if (isSolved(newStatus)) {
      clocks.replaceAll((m, c) -> c.fulfil(t));
      return;
    }
    if (wasSolved) {
      for (SlaMetric m : List.of(SlaMetric.REQUESTER_WAIT_TIME, SlaMetric.AGENT_WORK_TIME, SlaMetric.TOTAL_RESOLUTION_TIME)) {
        clocks.put(m, clocks.get(m).reopen(t, runsIn(m, newStatus)));
      }
    }
    clocks.replaceAll((m, c) -> runsIn(m, newStatus) ? c.resume(t) : c.pause(t));
  }

  /** Convenience for {@code statusChanged(at, SOLVED)}. */
  public void solved(Instant at) {
    statusChanged(at, TicketStatus.SOLVED);
  }

  /** Convenience for a reopen: {@code statusChanged(at, status)} with an unsolved status. */
  public void reopened(Instant at, TicketStatus newStatus) {
    statusChanged(at, newStatus);
  }

  /**
   * A public agent comment: fulfils first reply time and the running next reply time, and starts a
   * new periodic update and pausable update cycle (the time until the next public agent comment).
   */
  public void publicAgentComment(Instant at) {
    Instant t = advance(at);
    fulfil(SlaMetric.FIRST_REPLY_TIME, t);
    fulfil(SlaMetric.NEXT_REPLY_TIME, t);
    if (!isSolved(status)) {
      start(SlaMetric.PERIODIC_UPDATE_TIME, t);
      start(SlaMetric.PAUSABLE_UPDATE_TIME, t);
    }
  }

  /** An internal note: no metric counts it as a reply (Zendesk's default). Recorded for ordering only. */
  public void privateComment(Instant at) {
    advance(at);
  }

  /**
   * A customer comment: when no next-reply cycle is running, it becomes the oldest unanswered message
   * and starts one. Send the status change it causes (e.g. pending to open) as its own input.
   */
  public void customerComment(Instant at) {
    Instant t = advance(at);
    if (!clocks.get(SlaMetric.NEXT_REPLY_TIME).active() && status != TicketStatus.CLOSED) {
      start(SlaMetric.NEXT_REPLY_TIME, t);
    }
  }

  /** The earliest pending warning or breach, if any clock with a target is running toward one. */
  public Optional<SlaDeadline> nextDeadline() {
    return pendingDeadlines().stream().findFirst();
  }

  /** Every pending warning and breach, earliest first (past ones included: they fire next). */
  public List<SlaDeadline> pendingDeadlines() {
    List<SlaDeadline> out = new ArrayList<>();
    for (MetricClock c : clocks.values()) {
      SlaTarget t = applicableTarget(c);
      if (t == null || !c.active() || c.breachFired()) {
        continue;
      }
      for (int p : t.warningPercents()) {
        Instant at = c.warningsFired().contains(p) ? null : c.crossing(t.workingTime(), t.warningAfter(p));
        if (at != null) {
          out.add(new SlaDeadline(c.metric(), Kind.WARNING, p, at, c.cycle()));
        }
      }
      Instant breach = c.crossing(t.workingTime(), t.target());
      if (breach != null) {
        out.add(new SlaDeadline(c.metric(), Kind.BREACH, 100, breach, c.cycle()));
      }
    }
    out.sort(Comparator.comparing(SlaDeadline::at).thenComparing(SlaDeadline::metric)
        .thenComparingInt(SlaDeadline::percent));
    return out;
  }

  /**
   * Marks every warning and breach due at or before {@code now} as fired, earliest first, and returns
   * them with their actions. Calling it again with the same or a later {@code now} never repeats one.
   */
  public List<SlaFiring> fire(Instant now) {
    List<SlaFiring> fired = new ArrayList<>();
    for (SlaDeadline d : pendingDeadlines()) {
      MetricClock c = clocks.get(d.metric());
      if (d.at().isAfter(now) || c.breachFired()) {
        continue;
      }
      SlaTarget t = applicableTarget(c);
      boolean breach = d.kind() == Kind.BREACH;
      clocks.put(d.metric(), breach ? c.markBreach() : c.markWarning(d.percent()));
      fired.add(new SlaFiring(d, targets.policy(), t.target(), breach ? t.onBreach() : t.onWarning()));
    }
    return fired;
  }

  /** One view per metric that has a target now, in metric order. */
  public List<SlaClockView> view(Instant now) {
    return SlaViews.of(this, now);
  }

  /** True when any metric with a target has breached in its current cycle (for a search attribute). */
  public boolean anyBreached() {
    return clocks.values().stream().anyMatch(MetricClock::breachFired);
  }

  public TicketStatus status() {
    return status;
  }

  public SlaTargets targets() {
    return targets;
  }

  MetricClock clock(SlaMetric m) {
    return clocks.get(m);
  }

  /**
   * The target that applies to a metric's current cycle. When first reply time has a target, next
   * reply time does not apply to a cycle that began before first reply time ended (by the first
   * public reply, or by a solve): first reply time covers it.
   */
  SlaTarget applicableTarget(MetricClock c) {
    SlaTarget t = targets.target(c.metric()).orElse(null);
    if (t != null && c.metric() == SlaMetric.NEXT_REPLY_TIME && targets.target(SlaMetric.FIRST_REPLY_TIME).isPresent()) {
      Instant firstReplyEnded = clocks.get(SlaMetric.FIRST_REPLY_TIME).fulfilledAt();
      if (firstReplyEnded == null || c.startedAt().isBefore(firstReplyEnded)) {
        return null;
      }
    }
    return t;
  }

  private void start(SlaMetric m, Instant at) {
    clocks.put(m, clocks.get(m).startCycle(at, runsIn(m, status)));
  }

  private void fulfil(SlaMetric m, Instant at) {
    clocks.put(m, clocks.get(m).fulfil(at));
  }

  /** Clamps an input's instant so that time never runs backwards, and remembers it. */
  private Instant advance(Instant at) {
    if (lastEventAt != null && at.isBefore(lastEventAt)) {
      return lastEventAt;
    }
    lastEventAt = at;
    return at;
  }

  private static boolean isSolved(TicketStatus s) {
    return s == TicketStatus.SOLVED || s == TicketStatus.CLOSED;
  }

  /** Whether a metric's clock runs (rather than pauses) in a status, per Zendesk's definitions. */
  static boolean runsIn(SlaMetric m, TicketStatus s) {
    if (isSolved(s)) {
      return false;
    }
    return switch (m) {
      case PAUSABLE_UPDATE_TIME -> s != TicketStatus.PENDING;
      case REQUESTER_WAIT_TIME -> s != TicketStatus.PENDING;
      case AGENT_WORK_TIME -> s != TicketStatus.PENDING && s != TicketStatus.HOLD;
      default -> true;
    };
  }
}
