package io.handoff.api;

import io.handoff.journey.EventAck;
import io.handoff.journey.JourneyIds;
import io.handoff.journey.JourneyService;
import io.handoff.model.JourneyEvent;
import io.handoff.problem.FieldError;
import io.handoff.problem.Problem;
import io.handoff.problem.ProblemException;
import io.temporal.client.WorkflowUpdateException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Inbound conversation events (public contract v1). */
@Path("/api/conversations/{conversationId}/events")
public class EventResource {
  @Inject JourneyService journeys;
  @Inject io.handoff.metrics.HandoffMetrics metrics;

  @POST
  @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Deliver a conversation event; starts the journey on its first event",
      description = "202 with the journey id once the event is recorded in the journey's history. An"
          + " Idempotency-Key header (or an eventId field) makes a retried POST count once.")
  @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(required = true,
      content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = EventBody.class)))
  @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "202",
      description = "Recorded in the journey's history",
      content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = EventAck.class)))
  @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "400",
      description = "Invalid event (problem+json naming every field)")
  @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "409",
      description = "Refused: the conversation never started (only conversation.started and message.received open"
          + " a journey), or the journey refused the event")
  public Response post(@PathParam("conversationId") String conversationId,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      byte[] body) {
    JourneyEvent event;
    try {
      event = parse(conversationId, idempotencyKey, body);
    } catch (ProblemException e) {
      metrics.eventRejected(EventParser.typeOf(body), "invalid");
      throw e;
    }
    try {
      EventAck ack = journeys.deliver(event);
      return Response.accepted(Map.of("journeyId", ack.journeyId(), "eventId", ack.eventId(),
          "duplicate", ack.duplicate())).build();
    } catch (WorkflowUpdateException e) {
      throw new ProblemException(Problem.of(409, "Event refused by the journey", rootMessage(e)));
    } catch (JourneyService.NotStarted e) {
      throw new ProblemException(new Problem(Problem.type("conversation-not-started"),
          "Conversation not started", 409, e.getMessage(), "type", null, null));
    } catch (JourneyService.InvalidEvent e) {
      throw new ProblemException(Problem.invalid(e.errors().stream()
          .map(f -> new FieldError(f.field(), f.message())).toList()));
    }
  }

  private static JourneyEvent parse(String conversationId, String idempotencyKey, byte[] body) {
    if (!JourneyIds.isValidConversationId(conversationId)) {
      throw ProblemException.invalid("conversationId",
          "must be 1-128 characters of letters, digits, '.', '_', ':', '@' or '-'");
    }
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 128)) {
      throw ProblemException.invalid("Idempotency-Key", "must be 1-128 characters");
    }
    String hint = idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString();
    return EventParser.parse(conversationId, body, hint, Instant.now());
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    String m = t.getMessage();
    int colon = m == null ? -1 : m.indexOf("message='");
    return colon >= 0 ? m.substring(colon + 9).replaceAll("'.*$", "") : String.valueOf(m);
  }
}
