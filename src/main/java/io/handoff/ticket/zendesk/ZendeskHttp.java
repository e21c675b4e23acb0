package io.handoff.ticket.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.handoff.ticket.HelpdeskException;
import io.handoff.ticket.HelpdeskException.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP exchange with Zendesk's API, turning every failure into a {@link HelpdeskException} that
 * says whether a retry can help. It never retries itself: Temporal's activity retry policy does.
 */
final class ZendeskHttp {

  /** A successful answer: its JSON body and the headers callers look at. */
  record Response(int status, JsonNode body, HttpResponse<String> raw) {
    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  private final ZendeskSettings settings;
  private final HttpClient client;
  private final ObjectMapper json;
  private final String authorization;

  ZendeskHttp(ZendeskSettings settings, ObjectMapper json) {
    this.settings = settings;
    this.json = json;
    this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
    String credentials = settings.email() + "/token:" + settings.apiToken();
    this.authorization = "Basic "
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  Response send(String method, String path, JsonNode body, Map<String, String> headers) {
    HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(settings.baseUri() + path))
        .timeout(settings.requestTimeout())
        .header("Authorization", authorization)
        .header("Accept", "application/json");
    headers.forEach(req::header);
    if (body == null) {
      req.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      req.header("Content-Type", "application/json");
      req.method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
    }
    HttpResponse<String> raw;
    try {
      raw = client.send(req.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new HelpdeskException(Kind.TIMEOUT, 0, method + " " + path + " timed out after "
          + settings.requestTimeout(), null, null, e);
    } catch (IOException e) {
      throw new HelpdeskException(Kind.UNAVAILABLE, 0, method + " " + path + " failed: "
          + e.getMessage(), null, null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HelpdeskException(Kind.UNAVAILABLE, 0, "interrupted", null, null, e);
    }
    JsonNode parsed = parse(raw.body());
    if (raw.statusCode() >= 200 && raw.statusCode() < 300) {
      return new Response(raw.statusCode(), parsed, raw);
    }
    throw failure(method + " " + path, raw, parsed);
  }

  private HelpdeskException failure(String call, HttpResponse<String> raw, JsonNode body) {
    int status = raw.statusCode();
    String error = body.path("error").isTextual() ? body.path("error").asText()
        : body.path("error").path("title").asText(null);
    String description = body.path("description").asText(
        body.path("error").path("message").asText(null));
    String message = call + " → " + status + (error == null ? "" : " " + error)
        + (description == null ? "" : ": " + description);
    Map<String, List<String>> details = details(body.path("details"));
    Kind kind;
    Duration retryAfter = null;
    if (status == 401 || status == 403) {
      kind = Kind.UNAUTHORIZED;
    } else if (status == 404) {
      kind = Kind.NOT_FOUND;
    } else if (status == 429) {
      kind = Kind.RATE_LIMITED;
      retryAfter = retryAfter(raw.headers().firstValue("Retry-After").orElse(null));
    } else if (status == 400 && "IdempotentRequestError".equals(error)) {
      kind = Kind.IDEMPOTENCY_CONFLICT;
    } else if (status == 409 || status >= 500) {
      kind = Kind.UNAVAILABLE;
    } else {
      kind = Kind.INVALID;
    }
    return new HelpdeskException(kind, status, message, retryAfter, details, null);
  }

  /** Zendesk's 422 details: {@code {"field": [{"description": "...", "error": "..."}]}}. */
  private static Map<String, List<String>> details(JsonNode node) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> {
      List<String> messages = new ArrayList<>();
      e.getValue().forEach(d -> messages.add(d.path("description").asText(d.toString())));
      out.put(e.getKey(), messages);
    });
    return out;
  }

  private Duration retryAfter(String header) {
    if (header != null) {
      try {
        return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
      } catch (NumberFormatException ignored) {
        // Zendesk sends seconds; an HTTP-date or junk falls back to the configured default.
      }
    }
    return settings.defaultRetryAfter();
  }

  private JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return json.readTree(body);
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }
}
