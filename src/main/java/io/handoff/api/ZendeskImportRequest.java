package io.handoff.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.handoff.problem.FieldError;
import io.handoff.problem.Problem;
import io.handoff.problem.ProblemException;
import io.handoff.ticket.zendesk.ZendeskSettings;
import io.handoff.zendeskimport.IdMapping;
import io.handoff.zendeskimport.ZendeskExport;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The body of {@code POST /api/admin/zendesk/import}, checked field by field: either the JSON of
 * Zendesk's list endpoints ({@code triggers}, {@code trigger_categories}, {@code automations},
 * {@code slas} or {@code sla_policies}, {@code webhooks}, {@code definitions}, {@code schedules}; each the
 * whole response object or its bare array; {@code holidays}: each schedule's holidays by schedule id, unless
 * the schedules carry them), or a fetch request ({@code subdomain} or {@code baseUrl}, {@code email},
 * {@code apiToken}); {@code mapping} in both cases (an object with the sections of
 * {@code zendesk-mapping.yaml}, or that file's YAML text). Every invalid field is reported at once.
 */
final class ZendeskImportRequest {

  private static final Set<String> PAYLOADS = Set.of("triggers", "trigger_categories", "automations", "slas",
      "sla_policies", "webhooks", "definitions", "schedules", "holidays", "dynamic_content", "locales", "targets");
  private static final Set<String> FETCH = Set.of("subdomain", "baseUrl", "email", "apiToken");

  /** The payloads given, or null in fetch mode. */
  final ZendeskExport export;
  /** The fetch settings, or null when payloads were given. */
  final ZendeskSettings fetch;
  /**
   * The business-hours schedules given ({@code {"schedules": [...]}}, each with its {@code holidays}), or
   * null (none given, or fetch mode: then they are fetched).
   */
  final JsonNode schedules;
  /** The mapping given in the request, or null (then the workflows directory's mapping file is used). */
  final IdMapping mapping;
  /** Whether triggers / SLA policies are part of the import (files only written for parts given). */
  final boolean hasTriggers;
  final boolean hasSlas;
  final boolean hasAutomations;
  /** Whether dynamic content items were given (dynamic-content.yaml is then merged and written). */
  final boolean hasDynamicContent;

  private ZendeskImportRequest(ZendeskExport export, ZendeskSettings fetch, JsonNode schedules, IdMapping mapping,
      boolean hasTriggers, boolean hasSlas, boolean hasAutomations, boolean hasDynamicContent) {
    this.hasDynamicContent = hasDynamicContent;
    this.export = export;
    this.fetch = fetch;
    this.schedules = schedules;
    this.mapping = mapping;
    this.hasTriggers = hasTriggers;
    this.hasSlas = hasSlas;
    this.hasAutomations = hasAutomations;
  }

  /** Parses the body; throws a problem naming every invalid field. */
  /**
   * Where a fetch may go: {@code https://<subdomain>.zendesk.com} only, the configured subdomain when
   * one is set; a request's {@code baseUrl} only when {@code allowBaseUrl} (tests against WireMock).
   */
  record FetchPolicy(java.util.Optional<String> subdomain, boolean allowBaseUrl) {
    static final FetchPolicy ZENDESK_ONLY = new FetchPolicy(java.util.Optional.empty(), false);
  }

  static ZendeskImportRequest parse(JsonNode body, ObjectMapper json) {
    return parse(body, json, FetchPolicy.ZENDESK_ONLY);
  }

  static ZendeskImportRequest parse(JsonNode body, ObjectMapper json, FetchPolicy policy) {
    if (body == null || !body.isObject()) {
      throw ProblemException.invalid("body", "must be a JSON object with the Zendesk payloads or subdomain, email"
          + " and apiToken");
    }
    List<FieldError> errors = new ArrayList<>();
    boolean payloads = false;
    boolean fetch = false;
    for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
      String name = names.next();
      if (PAYLOADS.contains(name)) {
        payloads = true;
      } else if (FETCH.contains(name)) {
        fetch = true;
      } else if (!"mapping".equals(name)) {
        errors.add(new FieldError(name, "unknown field (payloads: triggers, trigger_categories, automations,"
            + " slas, sla_policies, webhooks, definitions, schedules, holidays, dynamic_content, locales, targets; fetch:"
            + " subdomain, baseUrl, email, apiToken; mapping)"));
      }
    }
    if (payloads && fetch) {
      errors.add(new FieldError("subdomain", "give either the Zendesk payloads or a fetch request, not both"));
    }
    if (!payloads && !fetch) {
      errors.add(new FieldError("triggers", "nothing to import: give the Zendesk payloads or subdomain,"
          + " email and apiToken"));
    }
    if (body.has("slas") && body.has("sla_policies")) {
      errors.add(new FieldError("sla_policies", "give slas or sla_policies, not both"));
    }
    IdMapping mapping = mapping(body.get("mapping"), json, errors);
    ZendeskExport export = null;
    ZendeskSettings settings = null;
    JsonNode schedules = null;
    if (errors.isEmpty() && payloads) {
      schedules = schedules(body, errors);
      JsonNode slas = body.has("slas") ? list(body, "slas", "sla_policies", errors)
          : list(body, "sla_policies", "sla_policies", errors);
      export = new ZendeskExport(list(body, "triggers", "triggers", errors),
          list(body, "trigger_categories", "trigger_categories", errors), slas,
          list(body, "webhooks", "webhooks", errors), definitions(body.get("definitions"), errors),
          list(body, "automations", "automations", errors))
          .withDynamicContent(list(body, "dynamic_content", "items", errors), list(body, "locales", "locales", errors))
          .withTargets(list(body, "targets", "targets", errors));
    } else if (errors.isEmpty()) {
      settings = settings(body, errors, policy);
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(Problem.invalid(errors));
    }
    boolean all = fetch;
    return new ZendeskImportRequest(export, settings, schedules, mapping, all || body.has("triggers"),
        all || body.has("slas") || body.has("sla_policies"), all || body.has("automations"),
        all || body.has("dynamic_content"));
  }

  /** A list endpoint's body: the response object ({@code {key: [...]}}) or the bare array. */
  private static JsonNode list(JsonNode body, String field, String key, List<FieldError> errors) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isArray()) {
      ObjectNode wrapped = JsonNodeFactory.instance.objectNode();
      wrapped.set(key, n);
      return wrapped;
    }
    if (n.isObject() && n.path(key).isArray()) {
      return n;
    }
    errors.add(new FieldError(field, "must be the body of the Zendesk list endpoint ({\"" + key
        + "\": [...]}) or its array"));
    return null;
  }

  /**
   * The schedules of {@code GET /api/v2/business_hours/schedules} (the body or its array), each schedule
   * an object with an {@code id} and an {@code intervals} array; a schedule's holidays are its own
   * {@code holidays} (the array, or the body of {@code GET .../schedules/{id}/holidays}) or
   * {@code holidays.<schedule id>} of the request, not both. Returns a copy with the holidays in place.
   */
  private static JsonNode schedules(JsonNode body, List<FieldError> errors) {
    JsonNode holidays = body.get("holidays");
    if (holidays != null && !holidays.isNull() && !holidays.isObject()) {
      errors.add(new FieldError("holidays", "must be an object: schedule id -> the body of GET"
          + " /api/v2/business_hours/schedules/{id}/holidays or its array"));
      return null;
    }
    JsonNode given = list(body, "schedules", "schedules", errors);
    if (given == null) {
      if (holidays != null && !holidays.isNull() && holidays.size() > 0) {
        errors.add(new FieldError("holidays", "give the schedules they belong to (schedules)"));
      }
      return null;
    }
    ObjectNode out = given.deepCopy();
    java.util.Set<String> ids = new java.util.HashSet<>();
    JsonNode list = out.path("schedules");
    for (int i = 0; i < list.size(); i++) {
      JsonNode s = list.get(i);
      String at = "schedules[" + i + "]";
      if (!s.isObject()) {
        errors.add(new FieldError(at, "must be a schedule object"));
        continue;
      }
      JsonNode id = s.get("id");
      if (id == null || !(id.canConvertToLong() || id.isTextual() && id.asText().matches("\\d+"))) {
        errors.add(new FieldError(at + ".id", "is required: the schedule's numeric id"));
      } else if (!ids.add(id.asText())) {
        errors.add(new FieldError(at + ".id", "schedule " + id.asText() + " is listed twice"));
      }
      if (!s.path("intervals").isArray()) {
        errors.add(new FieldError(at + ".intervals", "must be an array of {start_time, end_time}"));
      }
      JsonNode own = s.get("holidays");
      JsonNode separate = holidays == null || id == null ? null : holidays.get(id.asText());
      if (own != null && separate != null) {
        errors.add(new FieldError("holidays." + id.asText(), "schedule " + id.asText()
            + " already carries its holidays (schedules[" + i + "].holidays): give them once"));
      }
      JsonNode h = own != null ? own : separate;
      String hAt = own != null ? at + ".holidays" : "holidays." + (id == null ? "" : id.asText());
      if (h != null && !h.isNull()) {
        JsonNode arr = h.isObject() && h.has("holidays") ? h.get("holidays") : h;
        if (!arr.isArray()) {
          errors.add(new FieldError(hAt, "must be the body of GET /api/v2/business_hours/schedules/{id}/holidays"
              + " ({\"holidays\": [...]}) or its array"));
        } else {
          for (int j = 0; j < arr.size(); j++) {
            if (!arr.get(j).isObject() || !arr.get(j).path("start_date").isTextual()) {
              errors.add(new FieldError(hAt + "[" + j + "]", "must be a holiday {name, start_date, end_date}"));
            }
          }
          ((ObjectNode) s).set("holidays", arr);
        }
      }
    }
    if (holidays != null) {
      for (java.util.Iterator<String> it = holidays.fieldNames(); it.hasNext();) {
        String id = it.next();
        if (!ids.contains(id)) {
          errors.add(new FieldError("holidays." + id, "names no schedule of schedules"));
        }
      }
    }
    return out;
  }

  private static JsonNode definitions(JsonNode n, List<FieldError> errors) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isObject() || !n.path("definitions").isObject()) {
      errors.add(new FieldError("definitions",
          "must be the body of GET /api/v2/triggers/definitions ({\"definitions\": {...}})"));
      return null;
    }
    return n;
  }

  /** The {@code mapping} field of an import or SLA dry-run body: an object of the file's sections or its text. */
  static IdMapping mapping(JsonNode n, ObjectMapper json, List<FieldError> errors) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isObject() && !n.isTextual()) {
      errors.add(new FieldError("mapping", "must be an object with the sections of zendesk-mapping.yaml"
          + " (groups, users, organizations, custom_fields, webhooks, categories) or that file's text"));
      return null;
    }
    try {
      return IdMapping.parse(n.isTextual() ? n.asText() : json.writeValueAsString(n));
    } catch (IOException | RuntimeException e) {
      errors.add(new FieldError("mapping", e.getMessage()));
      return null;
    }
  }

  private static ZendeskSettings settings(JsonNode body, List<FieldError> errors, FetchPolicy policy) {
    String subdomain = text(body, "subdomain", errors);
    String baseUrl = text(body, "baseUrl", errors);
    String email = text(body, "email", errors);
    String token = text(body, "apiToken", errors);
    if (subdomain == null && baseUrl == null) {
      errors.add(new FieldError("subdomain", "is required to fetch from Zendesk (or baseUrl)"));
    } else if (subdomain != null && !subdomain.matches("[A-Za-z0-9][A-Za-z0-9-]{0,62}")) {
      errors.add(new FieldError("subdomain", "must be a Zendesk subdomain (letters, digits, hyphens)"));
    }
    if (baseUrl != null && !policy.allowBaseUrl()) {
      errors.add(new FieldError("baseUrl", "is not accepted: the import fetches only from"
          + " https://<subdomain>.zendesk.com (give subdomain)"));
      baseUrl = null;
    }
    if (subdomain != null && policy.subdomain().isPresent()
        && !policy.subdomain().get().equalsIgnoreCase(subdomain)) {
      errors.add(new FieldError("subdomain", "must be the configured Zendesk subdomain"
          + " (handoff.zendesk.subdomain)"));
    }
    URI base = null;
    if (baseUrl != null) {
      try {
        base = URI.create(baseUrl.replaceAll("/+$", ""));
        if (!"https".equals(base.getScheme()) && !"http".equals(base.getScheme()) || base.getHost() == null) {
          errors.add(new FieldError("baseUrl", "must be an http(s) URL"));
        }
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("baseUrl", "is not a URL: " + e.getMessage()));
      }
    } else if (subdomain != null) {
      base = URI.create("https://" + subdomain + ".zendesk.com");
    }
    if (email == null) {
      errors.add(new FieldError("email", "is required to fetch from Zendesk"));
    }
    if (token == null) {
      errors.add(new FieldError("apiToken", "is required to fetch from Zendesk"));
    }
    return errors.isEmpty() ? new ZendeskSettings(base, email, token, Duration.ofSeconds(10), Duration.ofSeconds(30),
        Duration.ofSeconds(60)) : null;
  }

  /** A string field: null when absent, an error when not a non-empty string; trimmed. */
  static String text(JsonNode body, String field, List<FieldError> errors) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual() || n.asText().isBlank()) {
      errors.add(new FieldError(field, "must be a non-empty string"));
      return null;
    }
    return n.asText().trim();
  }
}
