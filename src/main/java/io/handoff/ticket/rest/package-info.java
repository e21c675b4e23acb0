/**
 * The tickets REST API for agents ({@code /api/tickets}): reads from the helpdesk, writes validated and
 * applied as updates of the ticket's journey.
 *
 * <p>Entry points: {@link io.handoff.ticket.rest.TicketResource},
 * {@link io.handoff.ticket.rest.TicketRequests}, {@link io.handoff.problem.Problem}.
 *
 * <p>Uses {@code ticket} only.
 */
package io.handoff.ticket.rest;
