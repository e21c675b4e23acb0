package io.handoff.support;

import io.handoff.trigger.ActionTrace;
import io.handoff.trigger.BusinessCalendar;
import io.handoff.trigger.ConditionFailure;
import io.handoff.trigger.EvaluationTrace;
import io.handoff.trigger.TriggerTrace.Outcome;
import io.handoff.trigger.TriggerTrace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs support triggers with Zendesk's loop. Active triggers are taken in category order, then
 * position; each is evaluated against the current, already-modified ticket plus the update's deltas;
 * a match applies its actions at once; after a firing the list is checked again from the top, skipping
 * triggers that already fired in this update; the run ends when a pass fires nothing, or at the pass
 * cap with an error in the trace.
 *
 * <p>{@link #evaluate} gets the same result as re-checking every trigger on every pass
 * ({@link #evaluateNaive}), but only re-evaluates a trigger that did not match when a field it reads
 * has changed since: its inputs being equal, it cannot match now. Deterministic and free of I/O.
 */
public final class SupportEngine {

  /** Default cap on passes; each firing starts a pass, so this also caps firings per update. */
  public static final int DEFAULT_MAX_PASSES = 100;

  private final SupportTriggerSet set;
  private final int maxPasses;
  private DirectoryNames names = DirectoryNames.IDS;

  public SupportEngine(SupportTriggerSet set) {
    this(set, DEFAULT_MAX_PASSES);
  }

  public SupportEngine(SupportTriggerSet set, int maxPasses) {
    this.set = set;
    this.maxPasses = maxPasses;
  }

  /** Renders group and agent names from the helpdesk directory (else placeholders show their ids). */
  public SupportEngine withNames(DirectoryNames names) {
    this.names = names;
    return this;
  }

  /**
   * Renders {@code text} (placeholders, Liquid, dynamic content) as this engine renders its comments and
   * notifications for {@code update} when its final ticket is {@code ticket}.
   */
  public String render(String text, io.handoff.ticket.Ticket ticket, TicketUpdate update) {
    return io.handoff.trigger.Placeholders.render(text, SupportEffects.scope(set, ticket, update, names));
  }

  /** Evaluates one ticket create or update. The calendar answers "within business hours". */
  public SupportDecision evaluate(TicketUpdate update, BusinessCalendar calendar) {
    Run run = new Run(update, calendar);
    List<SupportTrigger> triggers = set.ordered();
    BitSet pending = new BitSet(triggers.size());
    pending.set(0, triggers.size());
    BitSet fired = new BitSet(triggers.size());
    int i = pending.nextSetBit(0);
    while (i >= 0) {
      pending.clear(i);
      if (!run.tryFire(triggers.get(i))) {
        i = pending.nextSetBit(i + 1);
        continue;
      }
      fired.set(i);
      for (String field : run.changed) {
        BitSet readers = set.readersOf(field);
        if (readers != null) {
          pending.or(readers);
        }
      }
      pending.andNot(fired);
      if (!run.nextPass()) {
        break;
      }
      i = pending.nextSetBit(0);
    }
    return run.finish();
  }

  /** The reference loop: every pass re-checks every trigger not yet fired. Same result, slower. */
  public SupportDecision evaluateNaive(TicketUpdate update, BusinessCalendar calendar) {
    Run run = new Run(update, calendar);
    List<SupportTrigger> triggers = set.ordered();
    boolean[] fired = new boolean[triggers.size()];
    boolean firedInPass = true;
    while (firedInPass) {
      firedInPass = false;
      for (int i = 0; i < triggers.size(); i++) {
        if (!fired[i] && run.tryFire(triggers.get(i))) {
          fired[i] = true;
          firedInPass = true;
          break;
        }
      }
      if (firedInPass && !run.nextPass()) {
        break;
      }
    }
    return run.finish();
  }

  /** The state of one evaluation. */
  private final class Run {
    final TicketUpdate update;
    final WorkingTicket ticket;
    final SupportActionApplier applier;
    final List<TriggerTrace> traces = new ArrayList<>(set.ordered().size() + 16);
    final Set<String> changed = new HashSet<>();
    int pass = 1;
    String error;

    Run(TicketUpdate update, BusinessCalendar calendar) {
      this.update = update;
      Instant at = update.at() != null ? update.at() : update.after().updatedAt();
      boolean open = at == null || calendar.isWithinBusinessHours(
          update.after().customFields().get(SupportActionType.SCHEDULE_FIELD), at);
      this.ticket = new WorkingTicket(update, open, calendar, at);
      this.applier = new SupportActionApplier(ticket);
    }

    boolean tryFire(SupportTrigger t) {
      ConditionFailure failure = t.conditions().firstFailure(ticket);
      if (failure != null) {
        traces.add(new TriggerTrace(t.title(), pass, Outcome.NOT_MATCHED, failure, null));
        return false;
      }
      changed.clear();
      List<ActionTrace> actions = applier.apply(t, changed);
      traces.add(new TriggerTrace(t.title(), pass, Outcome.FIRED, null, actions));
      return true;
    }

    /** Starts the next pass; false (with an error) when that would pass the cap. */
    boolean nextPass() {
      if (pass >= maxPasses) {
        error = "stopped after " + maxPasses + " passes: triggers were still firing (last: \""
            + traces.get(traces.size() - 1).trigger() + "\"); check for triggers that re-enable each other";
        return false;
      }
      pass++;
      return true;
    }

    SupportDecision finish() {
      var finalTicket = ticket.toTicket();
      SupportEffects effects = new SupportEffects(applier.queued(), finalTicket, update, set, names);
      EvaluationTrace trace = new EvaluationTrace("support", set.version(), pass, traces, error);
      return new SupportDecision(finalTicket, effects.comments, effects.notifications, trace);
    }
  }
}
