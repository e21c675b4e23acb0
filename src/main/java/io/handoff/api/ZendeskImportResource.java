package io.handoff.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.config.HandoffConfig;
import io.handoff.problem.FieldError;
import io.handoff.problem.Problem;
import io.handoff.problem.ProblemException;
import io.handoff.rules.RuleDirectory;
import io.handoff.rules.RuleDirectoryHolder;
import io.handoff.yaml.RuleFileError;
import io.handoff.zendeskimport.IdMapping;
import io.handoff.zendeskimport.ImportReport;
import io.handoff.zendeskimport.RuleFilesWriter;
import io.handoff.zendeskimport.ZendeskExport;
import io.handoff.zendeskimport.ZendeskImporter;
import io.handoff.zendeskimport.ZendeskRulesFetcher;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/**
 * Imports Zendesk rules into the running service (issue 9 item 2): preview by default, or, with
 * {@code apply=true}, validation of the directory as it would be, an atomic write with backups, and one
 * reload of the whole rule directory (rules are evaluated in activities, so running journeys stay
 * deterministic and pick up the new rules at their next evaluation).
 */
@Path("/api/admin/zendesk")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class ZendeskImportResource {

  private static final Logger LOG = Logger.getLogger(ZendeskImportResource.class);
  /** One import is validated and written at a time, so two imports never interleave their files. */
  private static final Object WRITE_LOCK = new Object();

  /** Counts of the report's items by status. */
  public record Summary(int imported, int needsMapping, int unsupported) {}

  /**
   * The answer.
   *
   * @param files the generated files' contents, by file name (what apply writes)
   * @param errors validation errors of the directory with these files ({@code file:line: message})
   * @param warnings validation warnings
   * @param written with apply: each file written and the backup of the file it replaced
   * @param reloaded with apply: whether the running service now uses the new rules
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ImportResponse(boolean applied, Summary summary, ImportReport report, Map<String, String> files,
      List<String> errors, List<String> warnings, List<RuleFilesWriter.Written> written, Boolean reloaded,
      String ruleSetVersion) {}

  private final HandoffConfig config;
  private final RuleDirectoryHolder rules;
  private final ObjectMapper json;
  private final io.handoff.ticket.zendesk.ZendeskConfig zendesk;

  @Inject
  public ZendeskImportResource(HandoffConfig config, RuleDirectoryHolder rules, ObjectMapper json,
      io.handoff.ticket.zendesk.ZendeskConfig zendesk) {
    this.config = config;
    this.rules = rules;
    this.json = json;
    this.zendesk = zendesk;
  }

  /** Body and modes: docs/zendesk-import.md, "Importing over REST". */
  @POST
  @Path("/import")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Import Zendesk triggers, automations, SLA policies and business-hours schedules: preview, or"
      + " apply to the workflows directory")
  public ImportResponse importRules(@QueryParam("apply") String apply, byte[] body) throws JsonProcessingException {
    boolean write = apply(apply);
    ZendeskImportRequest request = ZendeskImportRequest.parse(readBody(body), json,
        new ZendeskImportRequest.FetchPolicy(zendesk.subdomain().filter(s -> !s.isBlank()),
            zendesk.importAllowBaseUrl()));
    java.nio.file.Path dir = java.nio.file.Path.of(config.workflowsDir());
    IdMapping mapping = request.mapping != null ? request.mapping : storedMapping(dir);
    Fetched in = fetched(request);
    ZendeskImporter.Result result = ZendeskImporter.importAll(in.export(), in.schedules(), mapping,
        ZendeskImporter.Target.of(dir));
    Map<String, String> files = new LinkedHashMap<>();
    if (result.businessHoursYaml() != null) {
      files.put(ZendeskImporter.BUSINESS_HOURS_FILE, result.businessHoursYaml());
    }
    if (request.hasTriggers) {
      files.put(ZendeskImporter.TRIGGERS_FILE, result.supportTriggersYaml());
    }
    if (request.hasSlas) {
      files.put(ZendeskImporter.SLA_FILE, result.slaPoliciesYaml());
    }
    if (request.hasAutomations) {
      files.put(ZendeskImporter.AUTOMATIONS_FILE, result.automationsYaml());
    }
    if (request.hasDynamicContent && result.dynamicContentYaml() != null) {
      files.put(ZendeskImporter.DYNAMIC_CONTENT_FILE, result.dynamicContentYaml());
    }
    files.put(ZendeskImporter.MAPPING_FILE, result.mapping().toYaml());
    synchronized (WRITE_LOCK) {
      List<RuleFileError> problems = RuleFilesWriter.validate(dir, java.nio.file.Path.of(config.promptsDir()), files);
      List<RuleFileError> errors = problems.stream().filter(p -> p.severity() == RuleFileError.Severity.ERROR).toList();
      List<String> warnings = problems.stream().filter(p -> p.severity() == RuleFileError.Severity.WARNING)
          .map(RuleFileError::toString).toList();
      ImportReport report = result.report();
      Summary summary = new Summary(report.with(ImportReport.Status.IMPORTED).size(),
          report.with(ImportReport.Status.NEEDS_MAPPING).size(), report.with(ImportReport.Status.UNSUPPORTED).size());
      if (!write) {
        return new ImportResponse(false, summary, report, files, errors.stream().map(RuleFileError::toString).toList(),
            warnings, null, null, null);
      }
      if (!errors.isEmpty()) {
        throw new ProblemException(invalidRules(errors));
      }
      RuleFilesWriter.Write writing = new RuleFilesWriter.Write(dir, files, Instant.now());
      RuleDirectory loaded = rules.reload(writing);
      if (!loaded.isValid()) {
        // Validated above, so only a change of the directory in between gets here; the files were put back.
        throw new IllegalStateException("the written rules did not reload (the files were restored): "
            + loaded.errors());
      }
      LOG.infof("Zendesk import wrote %s into %s", files.keySet(), dir);
      return new ImportResponse(true, summary, report, files, List.of(), warnings, writing.written(), true,
          loaded.ruleSet().version());
    }
  }

  /** The workflows directory's mapping file (empty when absent); a broken one is named, not used. */
  private static IdMapping storedMapping(java.nio.file.Path dir) {
    try {
      return IdMapping.read(dir.resolve(ZendeskImporter.MAPPING_FILE));
    } catch (java.io.UncheckedIOException e) {
      throw new ProblemException(new Problem(Problem.type("invalid-rules"), "Stored mapping is invalid",
          422, e.getMessage() + "; fix the file or give \"mapping\" in the body", "mapping", null, null));
    }
  }

  private static boolean apply(String apply) {
    if (apply == null || apply.isBlank() || "false".equals(apply)) {
      return false;
    }
    if ("true".equals(apply)) {
      return true;
    }
    throw ProblemException.invalid("apply", "must be true or false");
  }

  private JsonNode readBody(byte[] body) throws JsonProcessingException {
    if (body == null || body.length == 0) {
      throw ProblemException.invalid("body", "is required: the Zendesk payloads, or subdomain, email and apiToken");
    }
    try {
      return json.readTree(body);
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw ProblemException.invalid("body", "cannot be read: " + e.getMessage());
    }
  }

  /** What was given or fetched: the rules, and the schedules with their holidays (null: none). */
  private record Fetched(ZendeskExport export, JsonNode schedules) {}

  private static Fetched fetched(ZendeskImportRequest request) {
    if (request.export != null) {
      return new Fetched(request.export, request.schedules);
    }
    try {
      ZendeskRulesFetcher fetcher = new ZendeskRulesFetcher(request.fetch);
      return new Fetched(fetcher.fetchAll(), fetcher.fetchSchedules());
    } catch (IOException e) {
      throw new ProblemException(new Problem(Problem.type("zendesk-fetch-failed"),
          "Fetching from Zendesk failed", 502, e.getMessage(), "subdomain", null, null));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProblemException(Problem.of(503, "Interrupted", "the fetch from Zendesk was interrupted"));
    }
  }

  private static Problem invalidRules(List<RuleFileError> errors) {
    List<FieldError> list = errors.stream()
        .map(e -> new FieldError(e.file() + ":" + e.line(), e.toString())).toList();
    return new Problem(Problem.type("invalid-rules"), "Imported rules are invalid", 422,
        errors.size() + " error(s) in the imported rules; nothing was written. First: " + errors.get(0),
        list.get(0).field(), null, list);
  }
}
