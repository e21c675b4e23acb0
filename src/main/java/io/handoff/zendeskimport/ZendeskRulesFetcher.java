package io.handoff.zendeskimport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.handoff.ticket.zendesk.ZendeskSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Fetches a Zendesk account's rules with an API token ({@code email/token:token} basic auth, as the
 * helpdesk client does), following {@code next_page} links and merging the pages' arrays. One call per
 * page, no retries: a failed status stops the import with Zendesk's error body.
 */
public final class ZendeskRulesFetcher {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final ZendeskSettings settings;
  private final HttpClient http;

  public ZendeskRulesFetcher(ZendeskSettings settings) {
    this.settings = settings;
    this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
  }

  /**
   * Fetches triggers, categories, SLA policies, webhooks, automations and (if allowed) the trigger
   * definitions, the dynamic content items, the account's locales and its targets.
   */
  public ZendeskExport fetchAll() throws IOException, InterruptedException {
    return new ZendeskExport(list("/api/v2/triggers", "triggers"),
        list("/api/v2/trigger_categories", "trigger_categories"), list("/api/v2/slas/policies", "sla_policies"),
        list("/api/v2/webhooks", "webhooks"), definitions(), list("/api/v2/automations", "automations"),
        optional("/api/v2/dynamic_content/items", "items"), optional("/api/v2/locales", "locales"),
        optional("/api/v2/targets", "targets"));
  }

  /** A list an account may refuse (plans without dynamic content): null then. */
  private JsonNode optional(String path, String key) throws InterruptedException {
    try {
      return list(path, key);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * The business-hours schedules ({@code GET /api/v2/business_hours/schedules}, every page), each with
   * its holidays ({@code GET /api/v2/business_hours/schedules/{id}/holidays}) under {@code holidays}; null
   * when the account refuses the schedules with 403 or 404 (plans without business hours). Any other
   * failure, or a refused holidays list, throws: the hours would be imported without their holidays.
   */
  public JsonNode fetchSchedules() throws IOException, InterruptedException {
    ObjectNode schedules;
    try {
      schedules = list("/api/v2/business_hours/schedules", "schedules");
    } catch (StatusException e) {
      if (e.status == 403 || e.status == 404) {
        return null;
      }
      throw e;
    }
    for (JsonNode s : schedules.path("schedules")) {
      if (!s.isObject() || !s.path("id").canConvertToLong()) {
        throw new IOException("GET /api/v2/business_hours/schedules: a schedule without a numeric id: " + s);
      }
      ((ObjectNode) s).set("holidays",
          list("/api/v2/business_hours/schedules/" + s.path("id").asLong() + "/holidays", "holidays").get("holidays"));
    }
    return schedules;
  }

  /** A response with a non-2xx status, which callers may tell apart. */
  static final class StatusException extends IOException {
    final int status;

    StatusException(String message, int status) {
      super(message);
      this.status = status;
    }
  }

  /** The catalogue is optional: an account that refuses it is imported without the check. */
  private JsonNode definitions() throws InterruptedException {
    try {
      return get(settings.baseUri() + "/api/v2/triggers/definitions");
    } catch (IOException e) {
      return null;
    }
  }

  /** All pages of a list endpoint as one {@code {key: [...]}} object. */
  ObjectNode list(String path, String key) throws IOException, InterruptedException {
    ObjectNode out = JSON.createObjectNode();
    ArrayNode all = out.putArray(key);
    String next = settings.baseUri() + path;
    for (int page = 0; next != null && page < 1000; page++) {
      JsonNode body = get(next);
      body.path(key).forEach(all::add);
      JsonNode np = body.has("links") ? body.path("links").path("next") : body.path("next_page");
      boolean more = !body.has("meta") || body.path("meta").path("has_more").asBoolean(false);
      next = np.isTextual() && !np.asText().isEmpty() && more ? np.asText() : null;
      if (next != null && !sameOrigin(next)) {
        throw new IOException("next_page of " + path + " points to another host than " + settings.baseUri()
            + ": not followed (the credentials go to the account's own host only)");
      }
    }
    return out;
  }

  /** Whether a link has the scheme, host and port of the account's base URL. */
  private boolean sameOrigin(String link) {
    try {
      URI u = new URI(link);
      URI base = settings.baseUri();
      return base.getScheme().equalsIgnoreCase(String.valueOf(u.getScheme()))
          && base.getHost().equalsIgnoreCase(String.valueOf(u.getHost())) && base.getPort() == u.getPort()
          && u.getUserInfo() == null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private JsonNode get(String url) throws IOException, InterruptedException {
    String auth = Base64.getEncoder().encodeToString(
        (settings.email() + "/token:" + settings.apiToken()).getBytes(StandardCharsets.UTF_8));
    HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(settings.requestTimeout())
        .header("Authorization", "Basic " + auth).header("Accept", "application/json").GET().build();
    HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
    if (res.statusCode() / 100 != 2) {
      throw new StatusException("GET " + url + " -> HTTP " + res.statusCode() + ": " + res.body(), res.statusCode());
    }
    return JSON.readTree(res.body());
  }
}
