package io.handoff.api;

import io.handoff.problem.ProblemException;
import io.handoff.routing.ComparisonCalculator;
import io.handoff.routing.ComparisonReport;
import io.handoff.routing.RoutingStore;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The rules-vs-AI comparison report. */
@Path("/api/routing/comparison")
@Produces(MediaType.APPLICATION_JSON)
public class RoutingResource {
  @Inject RoutingStore store;

  @GET
  @Operation(summary = "Agreement and accuracy of rules vs AI routing",
      description = "Overall and split by language, intent, channel and day; optional window [from, to).")
  public ComparisonReport comparison(@QueryParam("from") String from, @QueryParam("to") String to) {
    return ComparisonCalculator.compute(store.rows(instant("from", from), instant("to", to)));
  }

  private static Instant instant(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid(field, "is not an ISO-8601 instant, e.g. 2026-11-25T00:00:00Z");
    }
  }
}
