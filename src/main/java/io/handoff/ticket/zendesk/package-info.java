/**
 * The Zendesk helpdesk over its Tickets API ({@code handoff.helpdesk.kind=zendesk}).
 *
 * <p>Entry points: {@link io.handoff.ticket.zendesk.ZendeskHelpdesk},
 * {@link io.handoff.ticket.zendesk.ZendeskConfig}, {@link io.handoff.ticket.zendesk.ZendeskTicketJson}.
 *
 * <p>Uses {@code ticket} only.
 */
package io.handoff.ticket.zendesk;
