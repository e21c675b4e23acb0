package io.handoff.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.handoff.dryrun.DryRun;
import io.handoff.dryrun.DryRunEvent;
import io.handoff.problem.FieldError;
import io.handoff.problem.Problem;
import io.handoff.problem.ProblemException;
import io.handoff.sla.SlaDryRun;
import io.handoff.support.TicketUpdate;
import io.handoff.zendeskimport.AuditFile;
import io.handoff.zendeskimport.IdMapping;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code POST /api/sla/dry-run}, checked field by field (every invalid field is reported at
 * once): {@code events} (the dry run's ticket updates, each with its time: {@code occurredAt}, else
 * {@code update.at}, else {@code update.after.updatedAt}) or {@code audits} (Zendesk ticket audits, each
 * at its {@code created_at}); optional {@code candidate}, {@code policy}, {@code until}, {@code mapping}.
 * Within a ticket, the updates must come in time order: a replay of the past is not reordered.
 */
final class SlaDryRunRequest {

  private static final Set<String> FIELDS = Set.of("events", "audits", "candidate", "policy", "until", "mapping");

  /** The updates of {@code events}, or null with audits. */
  final List<SlaDryRun.Update> updates;
  /** The audits, checked and in time order per ticket, or null with events. */
  final List<AuditFile.Audit> audits;
  /** The mapping given for the audits, or null (the rule directory's mapping file is used). */
  final IdMapping mapping;
  final String candidate;
  final String policy;
  final Instant until;

  private SlaDryRunRequest(List<SlaDryRun.Update> updates, List<AuditFile.Audit> audits, IdMapping mapping,
      String candidate, String policy, Instant until) {
    this.updates = updates;
    this.audits = audits;
    this.mapping = mapping;
    this.candidate = candidate;
    this.policy = policy;
    this.until = until;
  }

  static SlaDryRunRequest parse(JsonNode body, ObjectMapper json) {
    if (body == null || !body.isObject()) {
      throw ProblemException.invalid("body", "must be a JSON object with events (or audits)");
    }
    List<FieldError> errors = new ArrayList<>();
    for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        errors.add(new FieldError(name, "unknown field (events or audits; candidate, policy, until, mapping)"));
      }
    }
    boolean events = body.hasNonNull("events");
    boolean audits = body.hasNonNull("audits");
    if (events == audits) {
      errors.add(new FieldError("events", events ? "give events or audits, not both"
          : "is required: the ticket updates to replay (or audits: Zendesk ticket audits)"));
    }
    String candidate = ZendeskImportRequest.text(body, "candidate", errors);
    String policy = ZendeskImportRequest.text(body, "policy", errors);
    String untilText = ZendeskImportRequest.text(body, "until", errors);
    Instant until = untilText == null ? null : instant(untilText, "until", errors);
    if (body.hasNonNull("mapping") && !audits) {
      errors.add(new FieldError("mapping", "is only used with audits (Zendesk ids to Handoff names)"));
    }
    IdMapping mapping = audits ? ZendeskImportRequest.mapping(body.get("mapping"), json, errors) : null;
    List<SlaDryRun.Update> updates = events && !audits ? events(body.get("events"), json, errors) : null;
    List<AuditFile.Audit> auditList = audits && !events ? audits(body.get("audits"), json, errors) : null;
    if (!errors.isEmpty()) {
      throw new ProblemException(Problem.invalid(errors));
    }
    return new SlaDryRunRequest(updates, auditList, mapping, candidate, policy, until);
  }

  /** The dry run's support events; a ticket's events in time order. */
  private static List<SlaDryRun.Update> events(JsonNode n, ObjectMapper json, List<FieldError> errors) {
    if (!n.isArray() || n.isEmpty()) {
      errors.add(new FieldError("events", "must be a non-empty array of dry-run events"
          + " ({\"id\", \"kind\": \"support\", \"update\": {...}, \"occurredAt\"})"));
      return null;
    }
    List<SlaDryRun.Update> out = new ArrayList<>();
    Map<String, Integer> lastOfTicket = new HashMap<>();
    for (int i = 0; i < n.size(); i++) {
      String at = "events[" + i + "]";
      JsonNode e = n.get(i);
      if (!e.isObject()) {
        errors.add(new FieldError(at, "must be a dry-run event object"));
        continue;
      }
      ObjectNode copy = e.deepCopy();
      JsonNode occurred = copy.remove("occurredAt");
      Instant occurredAt = null;
      if (occurred != null && !occurred.isNull()) {
        occurredAt = occurred.isTextual() ? instant(occurred.asText(), at + ".occurredAt", errors) : null;
        if (!occurred.isTextual()) {
          errors.add(new FieldError(at + ".occurredAt", "must be an ISO-8601 time (2026-11-24T10:00:00Z)"));
        }
      }
      DryRunEvent event;
      try {
        event = DryRun.readEvent(json.writeValueAsString(copy), at, at);
      } catch (IOException ex) {
        String why = ex.getMessage();
        errors.add(new FieldError(at, why.startsWith(at + ": ") ? why.substring(at.length() + 2) : why));
        continue;
      }
      if (!"support".equals(event.kind())) {
        errors.add(new FieldError(at + ".kind", "must be support: SLA clocks follow ticket updates"));
        continue;
      }
      TicketUpdate u = event.update();
      if (occurredAt != null && u.at() != null && !occurredAt.equals(u.at())) {
        errors.add(new FieldError(at + ".occurredAt", "is " + occurredAt + " but update.at is " + u.at()
            + ": give the time once"));
        continue;
      }
      Instant time = occurredAt != null ? occurredAt : u.at() != null ? u.at() : u.after().updatedAt();
      if (time == null) {
        if (occurred == null || occurred.isNull()) {
          errors.add(new FieldError(at + ".occurredAt", "is required: when the update happened"
              + " (or update.at, or update.after.updatedAt)"));
        }
        continue;
      }
      String ticket = u.after().id() != null ? u.after().id() : u.idempotencyKey();
      if (ticket == null) {
        errors.add(new FieldError(at + ".update.after.id", "is required: the ticket the update belongs to"));
        continue;
      }
      Integer previous = lastOfTicket.put(ticket, out.size());
      if (previous != null && time.isBefore(out.get(previous).at())) {
        SlaDryRun.Update p = out.get(previous);
        errors.add(new FieldError(at + (occurredAt != null ? ".occurredAt" : ".update.at"), "event " + i
            + " (\"" + event.id() + "\") of ticket " + ticket + " happens at " + time + ", before the ticket's previous"
            + " event (\"" + p.id() + "\") at " + p.at() + ": give each ticket's events in time order"));
      }
      out.add(new SlaDryRun.Update(event.id(), ticket, time, u.before(), u.after(), u.comment()));
    }
    return out;
  }

  /**
   * Zendesk audits in the shapes {@link AuditFile} reads (a page {@code {"audits": [...]}}, an array of
   * audits or of pages, one audit, a ticket response {@code {"ticket", "audit"}}); each needs its
   * {@code created_at}, and a ticket's audits come in time order.
   */
  private static List<AuditFile.Audit> audits(JsonNode n, ObjectMapper json, List<FieldError> errors) {
    List<Map.Entry<String, JsonNode>> flat = new ArrayList<>();
    if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        flatten(n.get(i), "audits[" + i + "]", flat);
      }
    } else {
      flatten(n, "audits", flat);
    }
    if (flat.isEmpty()) {
      errors.add(new FieldError("audits", "holds no audit (expected {\"audits\": [...]}, an array of audits,"
          + " or one audit)"));
      return null;
    }
    List<AuditFile.Audit> out = new ArrayList<>();
    Map<String, Instant> lastOfTicket = new HashMap<>();
    for (Map.Entry<String, JsonNode> a : flat) {
      String at = a.getKey();
      try {
        out.addAll(AuditFile.parse(json.writeValueAsString(a.getValue()), at));
      } catch (IOException e) {
        errors.add(new FieldError(at, e.getMessage().replace(at + ":1:1", at)));
        continue;
      }
      JsonNode created = a.getValue().get("created_at");
      if (created == null || created.isNull()) {
        errors.add(new FieldError(at + ".created_at", "is required: the SLA clocks need each audit's time"));
        continue;
      }
      Instant time = Instant.parse(created.asText());
      String ticket = a.getValue().get("ticket_id").asText();
      Instant previous = lastOfTicket.put(ticket, time);
      if (previous != null && time.isBefore(previous)) {
        errors.add(new FieldError(at + ".created_at", "audit of ticket " + ticket + " at " + time
            + " comes after one at " + previous + ": give each ticket's audits in time order"));
      }
    }
    return out;
  }

  private static void flatten(JsonNode n, String at, List<Map.Entry<String, JsonNode>> out) {
    if (n.isObject() && n.path("audits").isArray()) {
      for (int j = 0; j < n.get("audits").size(); j++) {
        out.add(Map.entry(at + ".audits[" + j + "]", n.get("audits").get(j)));
      }
    } else if (n.isObject() && n.has("audit")) {
      out.add(Map.entry(at + ".audit", n.get("audit")));
    } else {
      out.add(Map.entry(at, n));
    }
  }

  /** An ISO-8601 instant ({@code Z}) or offset date-time. */
  private static Instant instant(String text, String field, List<FieldError> errors) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "\"" + text + "\" is not an ISO-8601 time (2026-11-24T10:00:00Z)"));
      return null;
    }
  }
}
