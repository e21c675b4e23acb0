/**
 * Zendesk's seven SLA metrics as a deterministic state machine: {@link io.handoff.sla.clock.SlaClocks}
 * (its Javadoc is the integration contract), its plain-data state
 * {@link io.handoff.sla.clock.SlaClocksState} for continue-as-new, and
 * {@link io.handoff.sla.clock.SlaClockFeed}, shared by the journey and the SLA dry run.
 *
 * <p>Uses {@code sla.policy}, {@code sla.hours} and {@code ticket} (statuses, priorities); no clock, no
 * I/O, no CDI, no Temporal.
 */
package io.handoff.sla.clock;
