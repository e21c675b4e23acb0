/**
 * The REST API of public contract v1 (README, "REST API"): JAX-RS resources, the parsing and checking of
 * their bodies, and errors as {@code application/problem+json}.
 *
 * <p>Entry points: {@link io.handoff.api.EventResource} ({@code POST /api/conversations/{id}/events},
 * parsed by {@link io.handoff.api.EventParser} and delivered through
 * {@link io.handoff.journey.JourneyService}), {@link io.handoff.api.JourneyResource},
 * {@link io.handoff.api.RoutingResource}, {@link io.handoff.api.RulesResource} and
 * {@link io.handoff.api.SlaResource} (dry runs), {@link io.handoff.api.ZendeskImportResource},
 * {@link io.handoff.api.OutboxResource}; {@link io.handoff.problem.Problem},
 * {@link io.handoff.api.ProblemMappers} and {@link io.handoff.api.RequestGuards} for errors.
 *
 * <p>The top layer: it uses the domain packages (journey, ticket, trigger, rules, sla, automation,
 * messaging, routing, zendeskimport, persistence, metrics, config) and no package uses it except
 * {@code auth} (its problem type) and {@code zendeskimport}.
 */
package io.handoff.api;
