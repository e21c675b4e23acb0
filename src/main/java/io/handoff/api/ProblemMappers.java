package io.handoff.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.handoff.problem.Problem;
import io.handoff.problem.ProblemException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps every failure of the REST layer to problem+json, never leaking internals on a 500. */
public class ProblemMappers {
  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response problem(ProblemException e) {
    return respond(e.problem());
  }

  @ServerExceptionMapper
  public Response malformedJson(JsonProcessingException e) {
    String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
        + e.getLocation().getColumnNr();
    return respond(new Problem(Problem.type("malformed-json"), "Malformed JSON", 400,
        "the request body is not valid JSON" + where, "body", null, null));
  }

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    if (status >= 500) {
      LOG.error("Request failed", e);
      return respond(Problem.of(status, "Server error", "the request could not be processed"));
    }
    String title = e.getResponse().getStatusInfo().getReasonPhrase();
    return respond(Problem.of(status, title, e.getMessage()));
  }

  /** A journey that did not record the request in time (issue 15): 503 with Retry-After, never a hang. */
  @ServerExceptionMapper
  public Response journeyBusy(io.handoff.journey.JourneyService.JourneyBusy e) {
    Problem p = new Problem(Problem.type("journey-busy"), "Journey busy", 503, e.getMessage(), null,
        null, null);
    return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", e.retryAfterSeconds()).entity(p)
        .build();
  }

  /** An event id reused for a different event: 409 naming it, nothing applied. */
  @ServerExceptionMapper
  public Response eventIdConflict(io.handoff.journey.JourneyService.EventIdConflict e) {
    return respond(new Problem(Problem.type("event-id-conflict"), "Event id already used", 409,
        e.getMessage(), "eventId", null, null));
  }

  @ServerExceptionMapper
  public Response unexpected(RuntimeException e) {
    LOG.error("Unexpected failure", e);
    return respond(Problem.of(500, "Server error", "the request could not be processed"));
  }

  static Response respond(Problem p) {
    return p.response();
  }
}
