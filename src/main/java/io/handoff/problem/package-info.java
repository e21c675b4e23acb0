/**
 * The one problem+json type of the REST layer and the webhooks: {@link io.handoff.problem.Problem} (RFC
 * 9457, one type URI scheme {@code https://handoff.dev/problems/<slug>}), {@link io.handoff.problem.FieldError}
 * (one refused input field, also what ticket validation reports) and
 * {@link io.handoff.problem.ProblemException}.
 *
 * <p>Imports only Jackson annotations and JAX-RS; any package may import it.
 */
package io.handoff.problem;
