/**
 * SLA clocks, business hours and messaging inactivity, as deterministic Java the journey workflow
 * drives (no clock, no I/O: every "now" is passed in).
 *
 * <ul>
 *   <li>{@link io.handoff.sla.hours} — business-hours schedules ({@code workflows/business-hours.yaml}),
 *       business-time arithmetic, {@link io.handoff.trigger.BusinessCalendar} for trigger conditions.
 *   <li>{@link io.handoff.sla.policy} — ordered SLA policies ({@code workflows/sla-policies.yaml}); filters
 *       are data evaluated by a {@link io.handoff.sla.policy.SlaPolicyMatcher} (the trigger kernel).
 *   <li>{@link io.handoff.sla.clock} — {@link io.handoff.sla.clock.SlaClocks}, Zendesk's seven metrics as a
 *       state machine; its Javadoc is the integration contract.
 *   <li>{@link io.handoff.sla.inactivity} — {@link io.handoff.sla.inactivity.InactivityTracker}, the
 *       reminder ladder and {@link io.handoff.sla.inactivity.SessionState}.
 * </ul>
 *
 * <p>Formats and semantics: {@code docs/sla.md}.
 */
package io.handoff.sla;
