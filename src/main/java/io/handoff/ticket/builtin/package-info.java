/**
 * Handoff's own helpdesk: tickets and comments in the application database, one transaction per write,
 * keyset-paginated listing.
 *
 * <p>Entry point: {@link io.handoff.ticket.builtin.BuiltInHelpdesk}; also
 * {@link io.handoff.ticket.builtin.TicketRows} and {@link io.handoff.ticket.builtin.TicketQuery}.
 *
 * <p>Uses {@code ticket} only.
 */
package io.handoff.ticket.builtin;
