package io.handoff.ticket;

import io.handoff.problem.FieldError;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Helpdesk steps of the journey workflow, each a named activity in the history
 * ({@code TicketCreateTicket}, {@code TicketApplyChange}, ...). Writes are idempotent by key: pass a
 * key derived from the workflow, e.g. {@code workflowId + "/ticket-create"} or
 * {@code workflowId + "/" + updateId}, never a random one, so a retried attempt (timeout after the
 * helpdesk accepted, worker death) returns the first result instead of writing twice.
 *
 * <p>Failures: {@code ApplicationFailure} types {@code TicketRefused} (details: the list of
 * {@link FieldError}), {@code TicketNotFound}, {@code HelpdeskUnauthorized}, {@code HelpdeskInvalid},
 * {@code HelpdeskIdempotencyConflict} are non-retryable; {@code HelpdeskRateLimited} (with the
 * helpdesk's Retry-After as next retry delay), {@code HelpdeskUnavailable} and
 * {@code HelpdeskTimeout} are retried by the activity's retry policy.
 */
@ActivityInterface(namePrefix = "Ticket")
public interface TicketActivities {

  /** Creates the journey's ticket; the same key returns the same ticket, never a second one. */
  @ActivityMethod
  Ticket createTicket(TicketDraft draft, String idempotencyKey);

  /** Applies a system change (support trigger, timer); returns the ticket after it. */
  @ActivityMethod
  Ticket applyChange(String ticketId, TicketChange change, String idempotencyKey);

  /** Adds a public reply or an internal note; the same key returns the first comment. */
  @ActivityMethod
  TicketComment addComment(String ticketId, NewComment comment, String idempotencyKey);

  /** The ticket with its comments. */
  @ActivityMethod
  Ticket getTicket(String id);
}
