package io.handoff.zendeskimport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The JSON bodies of Zendesk's list endpoints, as read from files or fetched from an account. Absent
 * parts are empty lists; {@code definitions} (the account's catalogue) and {@code automations} are optional.
 *
 * @param triggers {@code GET /api/v2/triggers}: {@code {"triggers": [...]}}
 * @param categories {@code GET /api/v2/trigger_categories}: {@code {"trigger_categories": [...]}}
 * @param slaPolicies {@code GET /api/v2/slas/policies}: {@code {"sla_policies": [...]}}
 * @param webhooks {@code GET /api/v2/webhooks}: {@code {"webhooks": [...]}}
 * @param definitions {@code GET /api/v2/triggers/definitions}, or null
 * @param automations {@code GET /api/v2/automations}, or null
 * @param dynamicContent {@code GET /api/v2/dynamic_content/items}, or null (not given: nothing to merge)
 * @param locales {@code GET /api/v2/locales} (the account's locale ids), or null
 * @param targets {@code GET /api/v2/targets}: {@code {"targets": [...]}}, or null (not given)
 */
public record ZendeskExport(JsonNode triggers, JsonNode categories, JsonNode slaPolicies, JsonNode webhooks,
    JsonNode definitions, JsonNode automations, JsonNode dynamicContent, JsonNode locales, JsonNode targets) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public ZendeskExport(JsonNode triggers, JsonNode categories, JsonNode slaPolicies, JsonNode webhooks,
      JsonNode definitions, JsonNode automations) {
    this(triggers, categories, slaPolicies, webhooks, definitions, automations, null, null, null);
  }

  /** This export with dynamic content and locales added (null = not given). */
  public ZendeskExport withDynamicContent(JsonNode items, JsonNode accountLocales) {
    return new ZendeskExport(triggers, categories, slaPolicies, webhooks, definitions, automations, items,
        accountLocales, targets);
  }

  /** This export with the account's targets added (null = not given), for {@code notification_target}. */
  public ZendeskExport withTargets(JsonNode accountTargets) {
    return new ZendeskExport(triggers, categories, slaPolicies, webhooks, definitions, automations, dynamicContent,
        locales, accountTargets);
  }

  /** Reads one file (null = not given), as {@link #read} does. */
  public static JsonNode readFile(Path file) {
    return json(file);
  }

  public ZendeskExport {
    triggers = orEmpty(triggers);
    categories = orEmpty(categories);
    slaPolicies = orEmpty(slaPolicies);
    webhooks = orEmpty(webhooks);
    automations = orEmpty(automations);
  }

  private static JsonNode orEmpty(JsonNode n) {
    return n == null ? JSON.createObjectNode() : n;
  }

  /** Reads the files given (null paths are skipped). */
  public static ZendeskExport read(Path triggers, Path categories, Path slas, Path webhooks, Path definitions,
      Path automations) {
    return new ZendeskExport(json(triggers), json(categories), json(slas), json(webhooks), json(definitions),
        json(automations));
  }

  /** Parses the JSON text of one response body. */
  public static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
  }

  private static JsonNode json(Path file) {
    if (file == null) {
      return null;
    }
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
