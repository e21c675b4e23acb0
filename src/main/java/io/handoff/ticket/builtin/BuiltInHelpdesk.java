package io.handoff.ticket.builtin;

import io.handoff.jdbc.Jdbc;
import io.handoff.problem.FieldError;
import io.handoff.ticket.ChangeActor;
import io.handoff.ticket.HelpdeskException.Kind;
import io.handoff.ticket.HelpdeskException;
import io.handoff.ticket.HelpdeskGateway;
import io.handoff.ticket.NewComment;
import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketChange;
import io.handoff.ticket.TicketChangeValidator;
import io.handoff.ticket.TicketComment.AuthorRole;
import io.handoff.ticket.TicketComment;
import io.handoff.ticket.TicketDraft;
import io.handoff.ticket.TicketFilter;
import io.handoff.ticket.TicketNotFoundException;
import io.handoff.ticket.TicketPage;
import io.handoff.ticket.TicketRefusedException;
import io.handoff.ticket.TicketStatus;
import io.handoff.ticket.builtin.TicketRows.KeyRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Handoff's own helpdesk: tickets and comments in the application database (H2 or PostgreSQL).
 * Each write runs in one transaction together with its idempotency key row, whose primary key makes
 * a concurrent or retried write with the same key a no-op that returns the first result.
 *
 * <p>Changes are validated as {@link ChangeActor#SYSTEM} changes: the workflow's activities are the
 * only callers; agent changes were validated as agent changes at the REST layer first.
 */
public final class BuiltInHelpdesk implements HelpdeskGateway {

  private static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;
  private final TicketChangeValidator validator;
  private final Clock clock;

  public BuiltInHelpdesk(DataSource dataSource, TicketChangeValidator validator, Clock clock) {
    this.dataSource = dataSource;
    this.validator = validator;
    this.clock = clock;
  }

  @Override
  public Ticket create(TicketDraft draft, String idempotencyKey) {
    requireKey(idempotencyKey);
    refuseIfAny(validator.validateDraft(draft));
    try {
      Ticket[] recorded = new Ticket[1];
      long id = Jdbc.inTransaction(dataSource, c -> {
        Optional<KeyRow> used = TicketRows.findKey(c, idempotencyKey);
        if (used.isPresent()) {
          recorded[0] = recordedResult(used.get());
          return sameOperation(used.get(), "create", null, idempotencyKey).ticketId();
        }
        Instant now = clock.instant();
        long ticketId = TicketRows.insertTicket(c, draft, TicketStatus.NEW, now);
        TicketRows.replaceTags(c, ticketId, draft.tags());
        TicketRows.replaceCustomFields(c, ticketId, draft.customFields());
        if (draft.description() != null && !draft.description().isBlank()) {
          // As in Zendesk, the description is the ticket's first public comment, by the requester.
          TicketRows.insertComment(c, ticketId, new NewComment(draft.description(), true,
              draft.requesterId(), draft.requesterName(), AuthorRole.END_USER), now);
        }
        TicketRows.insertKey(c, idempotencyKey, "create", ticketId, null, now);
        recordResult(c, idempotencyKey, ticketId);
        return ticketId;
      });
      return recorded[0] != null ? recorded[0] : load(id);
    } catch (SQLException e) {
      return retryAfterRace(e, idempotencyKey, "create").map(k -> load(k.ticketId()))
          .orElseThrow(() -> unavailable(e));
    }
  }

  @Override
  public Ticket update(String ticketId, TicketChange change, String idempotencyKey) {
    requireKey(idempotencyKey);
    long id = parseId(ticketId);
    try {
      Ticket[] recorded = new Ticket[1];
      Jdbc.inTransaction(dataSource, c -> {
        Optional<KeyRow> used = TicketRows.findKey(c, idempotencyKey);
        if (used.isPresent()) {
          recorded[0] = recordedResult(used.get());
          return sameOperation(used.get(), "update", id, idempotencyKey);
        }
        Ticket current = TicketRows.selectTicket(c, id, true)
            .orElseThrow(() -> new TicketNotFoundException(ticketId));
        refuseIfAny(validator.validate(current, change, ChangeActor.SYSTEM));
        Instant now = clock.instant();
        Ticket next = change.applyTo(current, now);
        TicketRows.updateTicket(c, next);
        TicketRows.replaceTags(c, id, next.tags());
        TicketRows.replaceCustomFields(c, id, next.customFields());
        TicketRows.insertKey(c, idempotencyKey, "update", id, null, now);
        recordResult(c, idempotencyKey, id);
        return null;
      });
      return recorded[0] != null ? recorded[0] : load(id);
    } catch (SQLException e) {
      return retryAfterRace(e, idempotencyKey, "update").map(k -> load(id))
          .orElseThrow(() -> unavailable(e));
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper RESULTS =
      new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules();

  /** Stores the ticket (without comments) as the write left it, beside its idempotency key. */
  private static void recordResult(java.sql.Connection c, String key, long ticketId) throws SQLException {
    Optional<Ticket> t = TicketRows.selectTicket(c, ticketId, false);
    if (t.isPresent()) {
      try {
        TicketRows.recordResult(c, key, RESULTS.writeValueAsString(t.get()));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static Ticket recordedResult(KeyRow row) {
    if (row.resultJson() == null) {
      return null;
    }
    try {
      return RESULTS.readValue(row.resultJson(), Ticket.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return null;
    }
  }

  @Override
  public TicketComment addComment(String ticketId, NewComment comment, String idempotencyKey) {
    requireKey(idempotencyKey);
    long id = parseId(ticketId);
    try {
      long commentId = Jdbc.inTransaction(dataSource, c -> {
        Optional<KeyRow> used = TicketRows.findKey(c, idempotencyKey);
        if (used.isPresent()) {
          return sameOperation(used.get(), "comment", id, idempotencyKey).commentId();
        }
        Ticket current = TicketRows.selectTicket(c, id, true)
            .orElseThrow(() -> new TicketNotFoundException(ticketId));
        refuseIfAny(validator.validateComment(current, comment));
        Instant now = clock.instant();
        long newId = TicketRows.insertComment(c, id, comment, now);
        TicketRows.touch(c, id, now);
        TicketRows.insertKey(c, idempotencyKey, "comment", id, newId, now);
        return newId;
      });
      return loadComment(id, commentId);
    } catch (SQLException e) {
      return retryAfterRace(e, idempotencyKey, "comment")
          .map(k -> loadComment(id, k.commentId())).orElseThrow(() -> unavailable(e));
    }
  }

  @Override
  public Optional<Ticket> find(String ticketId) {
    Long id = tryParseId(ticketId);
    if (id == null) {
      return Optional.empty();
    }
    try (Connection c = dataSource.getConnection()) {
      return TicketRows.selectTicket(c, id, false).map(t -> withComments(c, t, id));
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  @Override
  public TicketPage list(TicketFilter filter, int limit, String cursor) {
    try (Connection c = dataSource.getConnection()) {
      return TicketQuery.page(c, filter, limit, cursor);
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  private Ticket withComments(Connection c, Ticket t, long id) {
    try {
      return new Ticket(t.id(), t.externalId(), t.subject(), t.description(), t.status(),
          t.priority(), t.type(), t.group(), t.assignee(), t.requesterId(), t.requesterName(),
          t.requesterEmail(), t.organization(), t.tags(), t.customFields(),
          TicketRows.comments(c, id, null), t.via(), t.createdAt(), t.updatedAt());
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  private Ticket load(long id) {
    return find(String.valueOf(id)).orElseThrow(() -> new TicketNotFoundException(String.valueOf(id)));
  }

  private TicketComment loadComment(long ticketId, long commentId) {
    try (Connection c = dataSource.getConnection()) {
      return TicketRows.comments(c, ticketId, commentId).get(0);
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  /**
   * A unique-key violation on the key table means a concurrent call with the same key committed
   * first: answer with its result, as a replay would.
   */
  private Optional<KeyRow> retryAfterRace(SQLException e, String key, String operation) {
    if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
      return Optional.empty();
    }
    try (Connection c = dataSource.getConnection()) {
      return TicketRows.findKey(c, key).map(k -> sameOperation(k, operation, null, key));
    } catch (SQLException again) {
      throw unavailable(again);
    }
  }

  private static KeyRow sameOperation(KeyRow used, String operation, Long ticketId, String key) {
    if (!used.operation().equals(operation) || (ticketId != null && used.ticketId() != ticketId)) {
      throw new HelpdeskException(Kind.IDEMPOTENCY_CONFLICT, 409, "idempotency key '" + key
          + "' was already used for " + used.operation() + " on ticket " + used.ticketId());
    }
    return used;
  }

  private static void refuseIfAny(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new TicketRefusedException(errors);
    }
  }

  private static void requireKey(String key) {
    if (key == null || key.isBlank() || key.length() > 255) {
      throw new IllegalArgumentException("an idempotency key of 1-255 characters is required");
    }
  }

  private static long parseId(String ticketId) {
    Long id = tryParseId(ticketId);
    if (id == null) {
      throw new TicketNotFoundException(ticketId);
    }
    return id;
  }

  private static Long tryParseId(String ticketId) {
    try {
      return ticketId == null ? null : Long.parseLong(ticketId.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static HelpdeskException unavailable(SQLException e) {
    return new HelpdeskException(Kind.UNAVAILABLE, 0, "helpdesk database error: " + e.getMessage(),
        null, null, e);
  }
}
