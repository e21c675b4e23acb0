package io.handoff.ticket;

import io.temporal.failure.ApplicationFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Runs ticket activities on the configured helpdesk ({@code handoff.helpdesk.kind}) and turns
 * helpdesk failures into Temporal failures: permanent ones non-retryable, transient ones retryable,
 * a 429 with the helpdesk's Retry-After as the next retry delay.
 */
@ApplicationScoped
public class TicketActivitiesImpl implements TicketActivities {

  private final HelpdeskGateway helpdesk;

  @Inject
  public TicketActivitiesImpl(HelpdeskGateway helpdesk) {
    this.helpdesk = helpdesk;
  }

  @Override
  public Ticket createTicket(TicketDraft draft, String idempotencyKey) {
    return call(() -> helpdesk.create(draft, idempotencyKey));
  }

  @Override
  public Ticket applyChange(String ticketId, TicketChange change, String idempotencyKey) {
    return call(() -> helpdesk.update(ticketId, change, idempotencyKey));
  }

  @Override
  public TicketComment addComment(String ticketId, NewComment comment, String idempotencyKey) {
    return call(() -> helpdesk.addComment(ticketId, comment, idempotencyKey));
  }

  @Override
  public Ticket getTicket(String id) {
    return call(() -> helpdesk.find(id).orElseThrow(() -> new TicketNotFoundException(id)));
  }

  private static <T> T call(Supplier<T> work) {
    try {
      return work.get();
    } catch (TicketRefusedException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), "TicketRefused",
          new ArrayList<>(e.errors()));
    } catch (TicketNotFoundException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), "TicketNotFound", e.ticketId());
    } catch (HelpdeskException e) {
      throw toFailure(e);
    } catch (IllegalArgumentException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), "TicketInvalidArgument");
    }
  }

  static ApplicationFailure toFailure(HelpdeskException e) {
    String type = "Helpdesk" + camel(e.kind().name());
    if (!e.retryable()) {
      return ApplicationFailure.newNonRetryableFailureWithCause(e.getMessage(), type, null,
          e.details());
    }
    if (e.retryAfter() != null) {
      return ApplicationFailure.newFailureWithCauseAndDelay(e.getMessage(), type, null,
          e.retryAfter());
    }
    return ApplicationFailure.newFailure(e.getMessage(), type);
  }

  private static String camel(String enumName) {
    StringBuilder out = new StringBuilder();
    for (String part : enumName.split("_")) {
      out.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
    }
    return out.toString();
  }
}
