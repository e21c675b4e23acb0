package io.handoff.api;

import io.handoff.journey.JourneyService;
import io.handoff.journey.JourneyView;
import io.handoff.persistence.JourneyIndex;
import io.handoff.problem.Problem;
import io.handoff.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Journey views and the journey list (public contract v1). */
@Path("/api/journeys")
@Produces(MediaType.APPLICATION_JSON)
public class JourneyResource {
  private static final int MAX_LIMIT = 200;

  @Inject JourneyService journeys;
  @Inject JourneyIndex index;

  @GET
  @Path("/{journeyId}")
  public org.jboss.resteasy.reactive.RestResponse<JourneyView> get(@PathParam("journeyId") String journeyId) {
    if (journeyId == null || journeyId.length() > 200) {
      throw ProblemException.invalid("journeyId", "is not a journey id");
    }
    JourneyService.Read read;
    try {
      read = journeys.read(journeyId)
          .orElseThrow(() -> ProblemException.notFound("no journey with id " + journeyId));
    } catch (JourneyService.JourneyUnavailable e) {
      throw new ProblemException(Problem.of(503, "Journey unavailable", e.getMessage()));
    }
    // live: the workflow answered; projection: the journey index's copy (the workflow is closed, or did not answer).
    return org.jboss.resteasy.reactive.RestResponse.ResponseBuilder.ok(read.view())
        .header(VIEW_SOURCE, read.live() ? "live" : "projection").build();
  }

  /** Response header naming where a journey view came from: {@code live} or {@code projection}. */
  public static final String VIEW_SOURCE = "Handoff-View-Source";

  @GET
  public JourneyIndex.Page list(@QueryParam("stage") String stage, @QueryParam("intent") String intent,
      @QueryParam("language") String language, @QueryParam("channel") String channel,
      @QueryParam("limit") @DefaultValue("50") String limit, @QueryParam("cursor") String cursor) {
    int n;
    try {
      n = Integer.parseInt(limit);
    } catch (NumberFormatException e) {
      throw ProblemException.invalid("limit", "must be an integer between 1 and " + MAX_LIMIT);
    }
    if (n < 1 || n > MAX_LIMIT) {
      throw ProblemException.invalid("limit", "must be an integer between 1 and " + MAX_LIMIT);
    }
    if (stage != null && !stage.isBlank()) {
      stage = stage.trim().toUpperCase(java.util.Locale.ROOT);
      try {
        io.handoff.model.Stage.valueOf(stage);
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalid("stage", "must be one of MESSAGING, AI_TRIAGE, TICKETED, SOLVED, CLOSED");
      }
    }
    try {
      return index.list(new JourneyIndex.Filter(stage, intent, language, channel), n, cursor);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("cursor", "is not a cursor returned by this API");
    }
  }
}
