package io.handoff.sla.inactivity;

import java.time.Instant;

/**
 * Everything {@link InactivityTracker} knows, as plain data for continue-as-new.
 *
 * @param silenceSince the last customer message (or session start)
 * @param remindersSent how many reminders fired since then
 * @param remindersAfterInactive the first reminder counts from the inactive step (false: from the last
 *     customer message, as journeys started before this was fixed still run)
 */
public record InactivityState(
    InactivityPolicy policy, Instant silenceSince, SessionState session, boolean inactiveFired, int remindersSent,
    boolean remindersAfterInactive) {

  public InactivityState(
      InactivityPolicy policy, Instant silenceSince, SessionState session, boolean inactiveFired, int remindersSent) {
    this(policy, silenceSince, session, inactiveFired, remindersSent, false);
  }
}
