/**
 * Business-hours schedules ({@code workflows/business-hours.yaml}, docs/sla.md): time zone, weekly hours,
 * holidays, and business-time arithmetic.
 *
 * <p>Entry points: {@link io.handoff.sla.hours.BusinessHours},
 * {@link io.handoff.sla.hours.BusinessHoursLoader}, {@link io.handoff.sla.hours.WorkingTime}.
 *
 * <p>Uses {@code yaml} and {@code rules} only; no CDI, no Temporal.
 */
package io.handoff.sla.hours;
