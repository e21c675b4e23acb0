package io.handoff.sla.policy;

import io.handoff.ticket.Ticket;

/**
 * Decides whether a ticket matches an SLA policy filter. The SLA package holds filters as data and
 * leaves their evaluation to the support-trigger rule kernel, so both speak one vocabulary; wire it
 * as {@code (ticket, filter) -> kernel.matches(ticket, filter.all(), filter.any())}.
 * Implementations must be pure when called from workflow code (or be called from an activity).
 */
@FunctionalInterface
public interface SlaPolicyMatcher {

  boolean matches(Ticket ticket, SlaFilter filter);
}
