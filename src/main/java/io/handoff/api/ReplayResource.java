package io.handoff.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.journey.EventLimits;
import io.handoff.journey.JourneyIds;
import io.handoff.journey.JourneyService;
import io.handoff.model.JourneyEvent;
import io.handoff.problem.FieldError;
import io.handoff.problem.Problem;
import io.handoff.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A live replay of a past conversation: a new journey whose events are processed at the times they
 * happened, so its SLA clocks, inactivity timers and automations run as they would have then (issue 17).
 * The journey runs its rules for real, side effects included. Body and answer: docs/sla.md, "Replaying a
 * past conversation".
 */
@Path("/api/conversations/{conversationId}/replay")
public class ReplayResource {
  /** The request as OpenAPI shows it; {@link #parse} reads and checks the raw body. */
  @Schema(name = "ReplayRequest", description = "Unknown fields are refused.")
  public record ReplayBody(
      @Schema(description = "The conversation's events in time order, each as POST /api/conversations/{id}/events"
          + " takes it, with its occurredAt required; at most " + EventLimits.MAX_REPLAY_EVENTS
          + "; the first one conversation.started or message.received", required = true)
      List<EventBody> events) {}

  /** The answer: the journey started and how many events it replays. */
  @Schema(name = "ReplayAck")
  public record ReplayAck(String journeyId, int events) {}

  @Inject JourneyService journeys;

  @POST
  @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Operation(summary = "Replay a past conversation: a new journey processing its events at their own times",
      description = "Journals every event with its occurredAt as its arrival time and starts the journey with"
          + " them: SLA clocks, inactivity timers and automations are measured from the events' times, clocks"
          + " already overdue fire at once, recorded at their due instants. The rules run as for live events"
          + " (notifications, webhooks, tickets in the configured helpdesk); for what-ifs without side effects"
          + " use POST /api/sla/dry-run or POST /api/rules/dry-run. 202 once the journey started; its view"
          + " (GET /api/journeys/{journeyId}) follows as the events are processed.")
  @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
      schema = @Schema(implementation = ReplayBody.class)))
  @APIResponse(responseCode = "202", description = "Journaled, and the journey started",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReplayAck.class)))
  @APIResponse(responseCode = "400", description = "Invalid body: problem+json naming every field"
      + " (events[2].occurredAt: missing, in the future, out of order; events[1].eventId: a duplicate); nothing"
      + " journaled or started", content = @Content(mediaType = Problem.MEDIA_TYPE,
          schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "409", description = "The conversation's journey exists already (problem+json"
      + " journey-exists naming it); nothing journaled or started",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Response replay(@PathParam("conversationId") String conversationId, byte[] body) {
    if (!JourneyIds.isValidConversationId(conversationId)) {
      throw ProblemException.invalid("conversationId",
          "must be 1-128 characters of letters, digits, '.', '_', ':', '@' or '-'");
    }
    Instant now = Instant.now();
    List<JourneyEvent> events = parse(conversationId, body, now);
    try {
      String journeyId = journeys.replay(events, now);
      return Response.accepted(new ReplayAck(journeyId, events.size())).type(MediaType.APPLICATION_JSON).build();
    } catch (JourneyService.InvalidEvent e) {
      throw new ProblemException(Problem.invalid(e.errors()));
    } catch (JourneyService.JourneyExists e) {
      throw new ProblemException(new Problem(Problem.type("journey-exists"), "Journey exists", 409, e.getMessage(),
          "conversationId", null, null));
    }
  }

  /**
   * The events of a replay body, each parsed as {@link EventParser} parses a live one, every problem named
   * {@code events[i].field}. An event's arrival time ({@code receivedAt}, the journey's clock for it) is its
   * {@code occurredAt}, or {@code now} for one a little ahead of the server's clock.
   */
  static List<JourneyEvent> parse(String conversationId, byte[] body, Instant now) {
    JsonNode root = EventParser.readJson(body);
    List<FieldError> errors = new ArrayList<>();
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!name.equals("events")) {
        errors.add(new FieldError(name.length() > 64 ? name.substring(0, 64) + "…" : name, "unknown field"));
      }
    }
    JsonNode array = root.get("events");
    if (array == null || array.isNull()) {
      errors.add(new FieldError("events", "is required: the conversation's events in time order"));
    } else if (!array.isArray()) {
      errors.add(new FieldError("events", "must be an array of events"));
    } else if (EventLimits.replayCountProblem(array.size()) != null) {
      errors.add(EventLimits.replayCountProblem(array.size()));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(Problem.invalid(errors));
    }
    List<JourneyEvent> events = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonNode node = array.get(i);
      String prefix = "events[" + i + "]";
      if (!node.isObject()) {
        errors.add(new FieldError(prefix, "must be an event object"));
        continue;
      }
      try {
        JourneyEvent e = EventParser.parse(conversationId, node, UUID.randomUUID().toString(), now);
        Instant at = e.occurredAt() == null || e.occurredAt().isAfter(now) ? now : e.occurredAt();
        events.add(new JourneyEvent(e.eventId(), e.conversationId(), e.type(), e.occurredAt(), at, e.channel(),
            e.text(), e.pageUrl(), e.customer(), e.agent(), e.group()));
      } catch (ProblemException p) {
        List<FieldError> fields = p.problem().errors() != null ? p.problem().errors()
            : List.of(new FieldError(String.valueOf(p.problem().field()), p.problem().detail()));
        fields.forEach(f -> errors.add(new FieldError(prefix + "." + f.field(), f.message())));
      }
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(Problem.invalid(errors));
    }
    return events;
  }
}
