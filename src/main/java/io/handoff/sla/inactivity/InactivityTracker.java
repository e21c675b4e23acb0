package io.handoff.sla.inactivity;

import io.handoff.sla.inactivity.InactivityEvent.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The inactivity ladder of one messaging session, deterministic like {@code SlaClocks}: no clock, every
 * input carries its instant. After {@code inactiveAfter} of customer silence the session becomes
 * inactive; reminders fire at their cumulative offsets from that inactive step (each {@code after} counts
 * from the previous step, as {@code workflows/inactivity.yaml} and the README say); after the last
 * reminder (or at inactivity when there are none) the session ends if the policy says so. A customer
 * message resets everything: the session is active again (a new session after an ended one).
 *
 * <p>Workflow use: {@code start(policy, now)} when the conversation starts; {@link #customerMessage}
 * on each customer message; a timer to {@code nextDeadline().at()} with its {@code timerSummary()};
 * on waking, {@link #fire}{@code (now)} and apply each event (send the reminder message, set the
 * ticket status, add the tag, publish {@link #session()} for support-trigger conditions). Each step
 * fires once per silence. Carry {@link #snapshot()} through continue-as-new.
 */
public final class InactivityTracker {

  private final InactivityPolicy policy;
  private Instant silenceSince;
  private SessionState session;
  private boolean inactiveFired;
  private int remindersSent;
  private final boolean remindersAfterInactive;

  private InactivityTracker(InactivityState s) {
    policy = s.policy();
    silenceSince = s.silenceSince();
    session = s.session();
    inactiveFired = s.inactiveFired();
    remindersSent = s.remindersSent();
    remindersAfterInactive = s.remindersAfterInactive();
  }

  /** A ladder whose first reminder comes {@code after} the inactive step. */
  public static InactivityTracker start(InactivityPolicy policy, Instant at) {
    return start(policy, at, true);
  }

  /**
   * A ladder starting at {@code at}; with {@code remindersAfterInactive} false the first reminder counts
   * from {@code at} instead (journeys started before that was fixed keep their recorded timers).
   */
  public static InactivityTracker start(InactivityPolicy policy, Instant at, boolean remindersAfterInactive) {
    return new InactivityTracker(new InactivityState(policy, at, SessionState.ACTIVE, false, 0,
        remindersAfterInactive));
  }

  public static InactivityTracker restore(InactivityState state) {
    return new InactivityTracker(state);
  }

  public InactivityState snapshot() {
    return new InactivityState(policy, silenceSince, session, inactiveFired, remindersSent, remindersAfterInactive);
  }

  /** The customer wrote: the session is active and the ladder starts again from {@code at}. */
  public void customerMessage(Instant at) {
    if (at.isAfter(silenceSince)) {
      silenceSince = at;
    }
    session = SessionState.ACTIVE;
    inactiveFired = false;
    remindersSent = 0;
  }

  public SessionState session() {
    return session;
  }

  /** The next step due, if the session has not ended. */
  public Optional<InactivityEvent> nextDeadline() {
    return pending().stream().findFirst();
  }

  /** Fires every step due at or before {@code now}, in order, each once; returns them as actions. */
  public List<InactivityEvent> fire(Instant now) {
    List<InactivityEvent> fired = new ArrayList<>();
    for (InactivityEvent e : pending()) {
      if (e.at().isAfter(now)) {
        break;
      }
      switch (e.kind()) {
        case SESSION_INACTIVE -> {
          inactiveFired = true;
          session = SessionState.INACTIVE;
        }
        case REMINDER -> remindersSent = e.reminder();
        case SESSION_ENDED -> session = SessionState.ENDED;
      }
      fired.add(e);
    }
    return fired;
  }

  /** Steps not yet fired, earliest first; on a tie inactivity comes first and the end comes last. */
  private List<InactivityEvent> pending() {
    List<InactivityEvent> out = new ArrayList<>();
    if (session == SessionState.ENDED) {
      return out;
    }
    Instant inactiveAt = silenceSince.plus(policy.inactiveAfter());
    if (!inactiveFired) {
      out.add(new InactivityEvent(Kind.SESSION_INACTIVE, 0, inactiveAt, null, null, null));
    }
    Instant at = remindersAfterInactive ? inactiveAt : silenceSince;
    for (int i = 0; i < policy.reminders().size(); i++) {
      Reminder r = policy.reminders().get(i);
      at = at.plus(r.after());
      if (i >= remindersSent) {
        out.add(new InactivityEvent(Kind.REMINDER, i + 1, at, r.message(), r.setStatus(), r.tag()));
      }
    }
    if (policy.endSession()) {
      Instant end = policy.reminders().isEmpty() ? inactiveAt : latest(at, inactiveAt);
      out.add(new InactivityEvent(Kind.SESSION_ENDED, 0, end, null, null, null));
    }
    out.sort(Comparator.comparing(InactivityEvent::at).thenComparing(InactivityEvent::kind,
        Comparator.comparingInt(k -> k == Kind.SESSION_INACTIVE ? 0 : k == Kind.REMINDER ? 1 : 2)));
    return out;
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** Silence so far, for views. */
  public Duration silence(Instant now) {
    return now.isAfter(silenceSince) ? Duration.between(silenceSince, now) : Duration.ZERO;
  }
}
