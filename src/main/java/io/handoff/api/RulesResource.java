package io.handoff.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.dryrun.DryRun;
import io.handoff.dryrun.DryRunDiff;
import io.handoff.dryrun.DryRunEvent;
import io.handoff.dryrun.DryRunReport;
import io.handoff.dryrun.JourneyDryRunEvents;
import io.handoff.journey.JourneyIds;
import io.handoff.journey.JourneyService;
import io.handoff.journey.JourneyView;
import io.handoff.persistence.Journal;
import io.handoff.problem.FieldError;
import io.handoff.problem.Problem;
import io.handoff.problem.ProblemException;
import io.handoff.rules.RuleSetLoad;
import io.handoff.rules.RuleSetLoader;
import io.handoff.ticket.HelpdeskGateway;
import io.handoff.ticket.Ticket;
import io.handoff.trigger.BusinessCalendar;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Dry runs of the trigger rules (issue 3 item 6): the current rule set, and optionally a candidate
 * rule directory on the server, evaluated against recorded events or an existing journey. Nothing is
 * sent, saved or changed: the engines only compute.
 */
@Path("/api/rules")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class RulesResource {

  /**
   * The dry run's answer.
   *
   * @param base the current rule set's outcome and trace for every event
   * @param candidate the candidate's outcome and trace (only with {@code candidate})
   * @param diff the events whose outcome differs (only with {@code candidate})
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DryRunResponse(int events, DryRunReport base, DryRunReport candidate, DryRunDiff diff) {}

  @Inject io.handoff.rules.RuleDirectoryHolder rules;
  @Inject JourneyService journeys;
  @Inject HelpdeskGateway helpdesk;
  @Inject io.handoff.ticket.HelpdeskDirectory directory;
  @Inject Journal journal;
  @Inject ObjectMapper json;
  @Inject io.handoff.config.HandoffConfig config;

  /**
   * Body: JSONL of recorded events (docs/rules.md, "Dry run"), or no body with {@code journeyId}.
   * {@code businessHours}: {@code open} or {@code closed} for every event; default the configured
   * business-hours calendar.
   */
  @POST
  @Path("/dry-run")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Evaluate the trigger rules (and a candidate rule directory) without side effects")
  public DryRunResponse dryRun(@QueryParam("journeyId") String journeyId, @QueryParam("candidate") String candidate,
      @QueryParam("businessHours") String businessHours, byte[] body) {
    BusinessCalendar calendar = calendar(businessHours);
    RuleSetLoad candidateRules = candidate == null ? null : candidate(candidate);
    List<DryRunEvent> events = journeyId == null ? fromBody(body) : fromJourney(journeyId, body);
    DryRun dryRun = new DryRun(calendar, io.handoff.support.DirectoryNames.of(directory));
    io.handoff.rules.RuleSet current = rules.current().ruleSet();
    DryRunReport base = dryRun.run(current, events);
    if (candidateRules == null) {
      return new DryRunResponse(events.size(), base, null, null);
    }
    return new DryRunResponse(events.size(), base, dryRun.run(candidateRules.ruleSet(), events),
        dryRun.diff(current, candidateRules.ruleSet(), events));
  }

  private BusinessCalendar calendar(String businessHours) {
    if (businessHours == null || businessHours.isBlank()) {
      return rules;
    }
    return switch (businessHours) {
      case "open" -> BusinessCalendar.ALWAYS_OPEN;
      case "closed" -> (name, at) -> false;
      default -> throw ProblemException.invalid("businessHours", "must be open or closed (default: the calendar)");
    };
  }

  private RuleSetLoad candidate(String dir) {
    RuleSetLoad load = RuleSetLoader.load(candidateDirectory(java.nio.file.Path.of(config.candidatesDir()), dir));
    if (!load.isValid()) {
      List<FieldError> errors = load.errors().stream()
          .map(e -> new FieldError("candidate", e.toString())).toList();
      throw new ProblemException(Problem.invalid(errors));
    }
    return load;
  }

  /**
   * The candidate rule directory {@code dir} names under {@code root} ({@code handoff.candidates-dir}):
   * resolved against the root, and refused unless its real path (links followed) is a directory inside
   * the root's real path.
   */
  static java.nio.file.Path candidateDirectory(java.nio.file.Path root, String dir) {
    if (dir.isBlank()) {
      throw ProblemException.invalid("candidate", "is empty: name a rule directory under handoff.candidates-dir");
    }
    java.nio.file.Path realRoot;
    try {
      realRoot = root.toRealPath();
    } catch (IOException e) {
      throw ProblemException.invalid("candidate", "no candidate directory on the server: handoff.candidates-dir ("
          + root + ") does not exist");
    }
    java.nio.file.Path path;
    try {
      path = realRoot.resolve(dir).normalize();
    } catch (InvalidPathException e) {
      throw ProblemException.invalid("candidate", "is not a valid path");
    }
    if (!path.startsWith(realRoot) || path.equals(realRoot)) {
      throw ProblemException.invalid("candidate", "must name a directory inside handoff.candidates-dir, not " + dir);
    }
    java.nio.file.Path real;
    try {
      real = path.toRealPath();
    } catch (IOException e) {
      throw ProblemException.invalid("candidate", "no rule directory " + dir + " in handoff.candidates-dir");
    }
    if (!real.startsWith(realRoot) || !Files.isDirectory(real)) {
      throw ProblemException.invalid("candidate", "must name a directory inside handoff.candidates-dir, not " + dir);
    }
    return real;
  }

  private static List<DryRunEvent> fromBody(byte[] body) {
    if (body == null || body.length == 0) {
      throw ProblemException.invalid("body", "is required: JSONL of recorded events, or give journeyId");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      throw ProblemException.invalid("body", "is not valid UTF-8");
    }
    try {
      List<DryRunEvent> events = DryRun.readEvents(text.lines().toList(), "body");
      if (events.isEmpty()) {
        throw ProblemException.invalid("body", "holds no event");
      }
      return events;
    } catch (IOException e) {
      throw ProblemException.invalid("body", e.getMessage());
    }
  }

  private List<DryRunEvent> fromJourney(String journeyId, byte[] body) {
    if (body != null && body.length > 0) {
      throw ProblemException.invalid("body", "give either a body of events or journeyId, not both");
    }
    String id = JourneyIds.conversationId(journeyId) != null ? journeyId : JourneyIds.journeyId(journeyId);
    Optional<JourneyView> view = journeys.view(id);
    if (view.isEmpty()) {
      throw ProblemException.invalid("journeyId", "unknown journey " + journeyId);
    }
    Optional<Ticket> ticket = Optional.ofNullable(view.get().ticket()).flatMap(t -> helpdesk.find(t.id()));
    try {
      List<DryRunEvent> events = new JourneyDryRunEvents(journal, json).of(id, ticket);
      if (events.isEmpty()) {
        throw ProblemException.invalid("journeyId", "journey " + journeyId + " has no recorded event");
      }
      return events;
    } catch (IOException e) {
      throw ProblemException.invalid("journeyId", "its recorded events cannot be read: " + e.getMessage());
    }
  }
}
