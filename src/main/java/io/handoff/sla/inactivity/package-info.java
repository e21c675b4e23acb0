/**
 * The inactivity ladder of a messaging session ({@code workflows/inactivity.yaml}, docs/sla.md):
 * reminders, solving the ticket, the session state.
 *
 * <p>Entry points: {@link io.handoff.sla.inactivity.InactivityTracker} (deterministic, like
 * {@code SlaClocks}), {@link io.handoff.sla.inactivity.InactivityPolicyLoader}.
 *
 * <p>Uses {@code yaml}, {@code rules}, {@code trigger} and {@code ticket}; no CDI, no Temporal.
 */
package io.handoff.sla.inactivity;
