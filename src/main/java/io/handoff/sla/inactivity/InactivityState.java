package io.handoff.sla.inactivity;

import java.time.Instant;

/**
 * Everything {@link InactivityTracker} knows, as plain data for continue-as-new.
 *
 * @param silenceSince the last customer message (or session start)
 * @param remindersSent how many reminders fired since then
 */
public record InactivityState(
    InactivityPolicy policy, Instant silenceSince, SessionState session, boolean inactiveFired, int remindersSent) {}
