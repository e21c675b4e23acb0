package io.handoff.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.config.HandoffConfig;
import io.handoff.problem.FieldError;
import io.handoff.problem.Problem;
import io.handoff.problem.ProblemException;
import io.handoff.sla.SlaDryRun;
import io.handoff.sla.hours.BusinessHours;
import io.handoff.sla.hours.BusinessHoursLoader;
import io.handoff.sla.policy.SlaFilter;
import io.handoff.sla.policy.SlaPolicies;
import io.handoff.sla.policy.SlaPolicy;
import io.handoff.sla.policy.SlaPolicyLoader;
import io.handoff.sla.policy.SupportFilterMatcher;
import io.handoff.yaml.Loaded;
import io.handoff.yaml.RuleFileError;
import io.handoff.zendeskimport.AuditReplay;
import io.handoff.zendeskimport.IdMapping;
import io.handoff.zendeskimport.ZendeskImporter;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The SLA dry run over REST: the kernel of {@code sla-dry-run} ({@link SlaDryRun}) on timestamped ticket
 * updates, against the SLA policies and business hours in service or those of a candidate directory.
 * Nothing is sent, saved or changed. Body and answer: docs/sla.md, "SLA dry run".
 */
@Path("/api/sla")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class SlaResource {

  /** The request as OpenAPI shows it; {@link SlaDryRunRequest} reads and checks the raw body. */
  @Schema(name = "SlaDryRunRequest", description = "Give events or audits. Unknown fields are refused.")
  public record DryRunBody(
      @Schema(description = "Dry-run support events (docs/rules.md): {id, kind: support, update: {before, after,"
          + " comment}, occurredAt}; each ticket's events in time order") List<Object> events,
      @Schema(description = "Zendesk ticket audits: {\"audits\": [...]}, an array, one audit, or {ticket, audit};"
          + " each with created_at") Object audits,
      @Schema(description = "A rule directory under handoff.candidates-dir (default: the rules in service)")
      String candidate,
      @Schema(description = "Measure every ticket against this policy only (its filter is not evaluated)")
      String policy,
      @Schema(description = "Project the clocks up to this instant (default: until every warning and breach fired)")
      String until,
      @Schema(description = "With audits: zendesk-mapping.yaml as an object or its text") Object mapping) {}

  @Inject HandoffConfig config;
  @Inject io.handoff.rules.RuleDirectoryHolder rules;
  @Inject ObjectMapper json;

  @POST
  @Path("/dry-run")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "SLA dry run: every clock's due, paused, fulfilled, warning and breach instants for"
      + " timestamped ticket updates, without side effects")
  @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
      schema = @Schema(implementation = DryRunBody.class)))
  @APIResponse(responseCode = "200", description = "Per ticket: its policy, every clock instant, the clocks at the end",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SlaDryRun.Report.class)))
  @APIResponse(responseCode = "400", description = "Invalid body: problem+json naming the field (events[2].occurredAt)",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public String dryRun(byte[] body) {
    SlaDryRunRequest request = SlaDryRunRequest.parse(read(body), json);
    java.nio.file.Path dir = request.candidate == null ? java.nio.file.Path.of(config.workflowsDir())
        : RulesResource.candidateDirectory(java.nio.file.Path.of(config.candidatesDir()), request.candidate);
    SlaPolicies policies = selected(request.candidate == null ? rules.current().slaPolicies() : candidatePolicies(dir), request.policy);
    List<SlaDryRun.Update> updates = request.updates != null ? request.updates
        : AuditReplay.slaUpdates(AuditReplay.replay(request.audits, mapping(request, dir)));
    return new SlaDryRun(policies, new SupportFilterMatcher(policies.businessHours())).run(updates, request.until)
        .toJson();
  }

  private JsonNode read(byte[] body) {
    if (body == null || body.length == 0) {
      throw ProblemException.invalid("body", "is required: {\"events\": [...]} or {\"audits\": ...}");
    }
    try {
      return json.readTree(body);
    } catch (JsonProcessingException e) {
      throw ProblemException.invalid("body", "is not valid JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
              + e.getLocation().getColumnNr() + ")"));
    } catch (IOException e) {
      throw ProblemException.invalid("body", "cannot be read: " + e.getMessage());
    }
  }

  /** The candidate directory's business hours and SLA policies; every file:line error is named. */
  private static SlaPolicies candidatePolicies(java.nio.file.Path dir) {
    Loaded<BusinessHours> hours = BusinessHoursLoader.load(dir.resolve("business-hours.yaml"));
    Loaded<SlaPolicies> policies = hours.value() == null ? null
        : SlaPolicyLoader.load(dir.resolve("sla-policies.yaml"), hours.value());
    List<RuleFileError> problems = new ArrayList<>(hours.errors());
    if (policies != null) {
      problems.addAll(policies.errors());
    }
    List<FieldError> errors = problems.stream().filter(p -> p.severity() == RuleFileError.Severity.ERROR)
        .map(p -> new FieldError("candidate", p.toString())).toList();
    if (!errors.isEmpty() || policies == null || policies.value() == null) {
      throw new ProblemException(Problem.invalid(errors.isEmpty()
          ? List.of(new FieldError("candidate", "its SLA policies cannot be loaded")) : errors));
    }
    return policies.value();
  }

  /** All policies, or only the named one with its filter matching every ticket. */
  private static SlaPolicies selected(SlaPolicies all, String name) {
    if (name == null) {
      return all;
    }
    SlaPolicy p = all.policies().stream().filter(x -> x.name().equals(name)).findFirst()
        .orElseThrow(() -> ProblemException.invalid("policy", "no SLA policy named \"" + name + "\" (policies: "
            + String.join(", ", all.policies().stream().map(SlaPolicy::name).toList()) + ")"));
    return new SlaPolicies(List.of(new SlaPolicy(p.name(), p.description(), p.line(), SlaFilter.MATCH_ALL,
        p.metrics())), all.businessHours());
  }

  /** The mapping given, else the rule directory's {@code zendesk-mapping.yaml} (empty when absent). */
  private static IdMapping mapping(SlaDryRunRequest request, java.nio.file.Path dir) {
    if (request.mapping != null) {
      return request.mapping;
    }
    try {
      return IdMapping.read(dir.resolve(ZendeskImporter.MAPPING_FILE));
    } catch (java.io.UncheckedIOException e) {
      throw ProblemException.invalid("mapping", "the stored " + ZendeskImporter.MAPPING_FILE + " is invalid ("
          + e.getMessage() + "): give \"mapping\" in the body");
    }
  }
}
