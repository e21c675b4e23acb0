package io.handoff.ticket.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.problem.FieldError;
import io.handoff.problem.Problem;
import io.handoff.ticket.ChangeActor;
import io.handoff.ticket.HelpdeskDirectory;
import io.handoff.ticket.HelpdeskException;
import io.handoff.ticket.HelpdeskGateway;
import io.handoff.ticket.NewComment;
import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketChange;
import io.handoff.ticket.TicketChangeValidator;
import io.handoff.ticket.TicketCommands;
import io.handoff.ticket.TicketFilter;
import io.handoff.ticket.TicketNotFoundException;
import io.handoff.ticket.TicketPriority;
import io.handoff.ticket.TicketRefusedException;
import io.handoff.ticket.TicketStatus;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Tickets for agents. Reads come from the helpdesk; every write is validated here (as an agent's
 * change, against the current ticket) and then handed to {@link TicketCommands}, which runs it
 * through the journey so support triggers fire. Refusals are 400 problem+json naming the field,
 * and nothing changes.
 */
@Path("/api/tickets")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class TicketResource {

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  private final HelpdeskGateway helpdesk;
  private final TicketCommands commands;
  private final TicketChangeValidator validator;
  private final TicketRequests requests;

  @Inject
  public TicketResource(HelpdeskGateway helpdesk, TicketCommands commands,
      HelpdeskDirectory directory, ObjectMapper json) {
    this.helpdesk = helpdesk;
    this.commands = commands;
    this.validator = new TicketChangeValidator(directory);
    this.requests = new TicketRequests(json, directory);
  }

  @GET
  @Path("/{id}")
  public Response get(@PathParam("id") String id) {
    return guarded(() -> helpdesk.find(id).map(t -> Response.ok(t).build())
        .orElseGet(() -> Problem.notFound("ticket " + id + " not found").response()));
  }

  @GET
  public Response list(@QueryParam("status") String status, @QueryParam("group") String group,
      @QueryParam("assignee") String assignee, @QueryParam("priority") String priority,
      @QueryParam("requester") String requester, @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    List<FieldError> errors = new ArrayList<>();
    TicketStatus s = status == null ? null : TicketStatus.fromWire(status);
    if (status != null && s == null) {
      errors.add(new FieldError("status", "unknown status '" + status + "'"));
    }
    TicketPriority p = priority == null ? null : TicketPriority.fromWire(priority);
    if (priority != null && p == null) {
      errors.add(new FieldError("priority", "unknown priority '" + priority + "'"));
    }
    int size = parseLimit(limit, errors);
    if (!errors.isEmpty()) {
      return Problem.invalid(errors).response();
    }
    TicketFilter filter = new TicketFilter(s, group, assignee, p, requester);
    return guarded(() -> {
      try {
        return Response.ok(helpdesk.list(filter, size, cursor)).build();
      } catch (IllegalArgumentException e) {
        return Problem.invalid("cursor", e.getMessage()).response();
      }
    });
  }

  @PATCH
  @Path("/{id}")
  @Consumes(MediaType.WILDCARD)
  public Response patch(@PathParam("id") String id, byte[] body) {
    TicketRequests.Parsed<TicketChange> parsed = requests.patch(body);
    if (!parsed.ok()) {
      return Problem.invalid(parsed.errors()).response();
    }
    return onCurrentTicket(id, current -> validator.validate(current, parsed.value(), ChangeActor.AGENT),
        () -> Response.ok(commands.change(id, parsed.value())).build());
  }

  /** A comment without an Idempotency-Key. */
  public Response comment(String id, byte[] body) {
    return comment(id, null, body);
  }

  @POST
  @Path("/{id}/comments")
  @Consumes(MediaType.WILDCARD)
  public Response comment(@PathParam("id") String id,
      @jakarta.ws.rs.HeaderParam("Idempotency-Key") String idempotencyKey, byte[] body) {
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 128)) {
      return Problem.invalid(List.of(new FieldError("Idempotency-Key", "must be 1-128 characters"))).response();
    }
    TicketRequests.Parsed<NewComment> parsed = requests.comment(body);
    if (!parsed.ok()) {
      return Problem.invalid(parsed.errors()).response();
    }
    return onCurrentTicket(id, current -> validator.validateComment(current, parsed.value()),
        () -> Response.status(201).entity(commands.comment(id, parsed.value(), idempotencyKey)).build());
  }

  private static int parseLimit(String limit, List<FieldError> errors) {
    if (limit == null || limit.isBlank()) {
      return DEFAULT_LIMIT;
    }
    try {
      int n = Integer.parseInt(limit.trim());
      if (n >= 1 && n <= MAX_LIMIT) {
        return n;
      }
    } catch (NumberFormatException ignored) {
      // Reported below with the accepted range.
    }
    errors.add(new FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT));
    return DEFAULT_LIMIT;
  }

  /**
   * The path shared by agent actions: 404 for an unknown ticket, 400 with every field the validation
   * refuses, otherwise the command (through the journey), with later refusals mapped by {@link #guarded}.
   */
  private Response onCurrentTicket(String id, java.util.function.Function<Ticket, List<FieldError>> validate,
      Supplier<Response> command) {
    return guarded(() -> {
      Optional<Ticket> current = helpdesk.find(id);
      if (current.isEmpty()) {
        return Problem.notFound("ticket " + id + " not found").response();
      }
      List<FieldError> errors = validate.apply(current.get());
      if (!errors.isEmpty()) {
        return Problem.invalid(errors).response();
      }
      return command.get();
    });
  }

  /** Maps what the journey or the helpdesk may still refuse onto problems. */
  private static Response guarded(Supplier<Response> call) {
    try {
      return call.get();
    } catch (TicketNotFoundException e) {
      return Problem.notFound(e.getMessage()).response();
    } catch (TicketRefusedException e) {
      return Problem.invalid(e.errors()).response();
    } catch (HelpdeskException e) {
      int status = e.retryable() ? 503 : 502;
      return Problem.of(status, "helpdesk-unavailable", "Helpdesk error", e.getMessage()).response();
    }
  }
}
