package io.handoff.support;

import java.util.List;

/**
 * A webhook that {@code notification_webhook} actions name by id (Zendesk's webhook object): its HTTP
 * {@code method} (GET, POST, PUT, PATCH or DELETE) and request {@code format} (json, form_encoded or xml).
 *
 * <p>As in Zendesk, a POST, PUT or PATCH webhook in json or xml format sends the action's content as its
 * payload; any other webhook (GET or DELETE, or form_encoded) takes key/value parameters
 * ({@code [["key", "value"], ...]}): in the query string for GET and DELETE, form-encoded in the body
 * otherwise.
 */
public record Webhook(String id, String name, String endpoint, String method, String format) {

  /** The HTTP methods a webhook may use. */
  public static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
  /** The request formats a webhook may use. */
  public static final List<String> FORMATS = List.of("json", "form_encoded", "xml");

  public Webhook {
    method = method == null ? "POST" : method;
    format = format == null ? "json" : format;
  }

  /** A POST webhook sending JSON, the default. */
  public Webhook(String id, String name, String endpoint) {
    this(id, name, endpoint, null, null);
  }

  /** Whether the action's content is key/value parameters rather than a payload. */
  public boolean takesParameters() {
    return takesParameters(method, format);
  }

  /** Whether a webhook of this method and format takes key/value parameters rather than a payload. */
  public static boolean takesParameters(String method, String format) {
    return "GET".equals(method) || "DELETE".equals(method) || "form_encoded".equals(format);
  }
}
