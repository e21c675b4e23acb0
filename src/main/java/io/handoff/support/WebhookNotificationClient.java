package io.handoff.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Production notifications: webhooks are sent to their endpoint with their declared method and format
 * (JSON POST by default) and an {@code Idempotency-Key} header; e-mails are recorded in the outbox (no SMTP
 * client yet). A key already marked {@code sent} is not sent again; a crash between the call and the mark
 * can repeat one call, and the header lets the receiver drop it.
 *
 * <p>As Zendesk sends them: a POST, PUT or PATCH webhook in json or xml format sends the rendered body
 * ({@code application/json} or {@code application/xml}); a GET or DELETE webhook sends its
 * {@code [["key", "value"], ...]} parameters as the query string, without a body; a POST, PUT or PATCH
 * webhook in form_encoded format sends them as an {@code application/x-www-form-urlencoded} body.
 */
public final class WebhookNotificationClient implements NotificationClient {

  private final NotificationOutboxStore store;
  private final Duration timeout;
  private final HttpClient http;
  private final java.util.function.Function<String, Webhook> declared;

  /** Only notifications that carry their endpoint URL (tests); a webhook named without a URL is refused. */
  public WebhookNotificationClient(NotificationOutboxStore store, Duration timeout) {
    this(store, timeout, name -> null);
  }

  /**
   * {@code declared} maps a webhook id to the webhook the rules in use declare (null when no rule file
   * declares it): its method and format, and its endpoint URL for SLA escalations, which name their webhook
   * and look the URL up when it is called. An undeclared webhook with a URL is a JSON POST.
   */
  public WebhookNotificationClient(NotificationOutboxStore store, Duration timeout,
      java.util.function.Function<String, Webhook> declared) {
    this.store = store;
    this.timeout = timeout;
    this.declared = declared;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  @Override
  public DeliveryResult deliver(Notification n) {
    if (n.kind() == Notification.Kind.EMAIL) {
      String existing = store.insertOrExisting(n, "recorded");
      return new DeliveryResult(n.idempotencyKey(), existing != null, existing == null ? "recorded" : existing);
    }
    String existing = store.insertOrExisting(n, "pending");
    if ("sent".equals(existing)) {
      return new DeliveryResult(n.idempotencyKey(), true, "sent");
    }
    post(n);
    store.markSent(n.idempotencyKey());
    return new DeliveryResult(n.idempotencyKey(), existing != null, "sent");
  }

  /**
   * The URL to call: the notification's endpoint when it is an absolute http(s) URL, else the endpoint
   * of the webhook it names. A name is never used as a URL; an undeclared name is refused for good.
   */
  URI endpointOf(Notification n) {
    URI uri = absoluteHttp(n.endpoint());
    if (uri != null) {
      return uri;
    }
    String name = n.endpoint() != null ? n.endpoint() : n.recipient();
    Webhook hook = name == null ? null : declared.apply(name);
    uri = hook == null ? null : absoluteHttp(hook.endpoint());
    if (uri == null) {
      throw new DeliveryException("webhook '" + name + "' is not declared in support-triggers.yaml", false, null);
    }
    return uri;
  }

  /** {@code uri} with the encoded parameters appended to its query (after any it has). */
  static URI withQuery(URI uri, String parameters) {
    if (parameters.isEmpty()) {
      return uri;
    }
    String s = uri.toString();
    int hash = s.indexOf('#');
    String fragment = hash < 0 ? "" : s.substring(hash);
    String base = hash < 0 ? s : s.substring(0, hash);
    return URI.create(base + (uri.getRawQuery() == null ? "?" : "&") + parameters + fragment);
  }

  private static URI absoluteHttp(String s) {
    if (s == null) {
      return null;
    }
    try {
      URI uri = new URI(s);
      return uri.isAbsolute() && uri.getHost() != null
          && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) ? uri : null;
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  private void post(Notification n) {
    String id = n.recipient() != null ? n.recipient() : n.endpoint();
    Webhook hook = id == null ? null : declared.apply(id);
    String method = hook == null ? "POST" : hook.method();
    String format = hook == null ? "json" : hook.format();
    URI uri = endpointOf(n);
    HttpRequest.BodyPublisher body;
    String contentType;
    if (Webhook.takesParameters(method, format)) {
      String parameters;
      try {
        parameters = WebhookParameters.encode(n.body());
      } catch (IllegalArgumentException e) {
        throw new DeliveryException("webhook " + n.recipient() + ": " + e.getMessage(), false, e);
      }
      if ("GET".equals(method) || "DELETE".equals(method)) {
        uri = withQuery(uri, parameters);
        body = HttpRequest.BodyPublishers.noBody();
        contentType = null;
      } else {
        body = HttpRequest.BodyPublishers.ofString(parameters);
        contentType = "application/x-www-form-urlencoded";
      }
    } else {
      body = HttpRequest.BodyPublishers.ofString(n.body() == null ? "" : n.body());
      contentType = "xml".equals(format) ? "application/xml" : "application/json";
    }
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout)
        .header("Idempotency-Key", n.idempotencyKey())
        .method(method, body);
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    HttpRequest request = builder.build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new DeliveryException("webhook " + n.recipient() + " timed out", true, e);
    } catch (IOException e) {
      throw new DeliveryException("webhook " + n.recipient() + " unreachable: " + e.getMessage(), true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryException("interrupted", true, e);
    }
    int status = response.statusCode();
    if (status / 100 != 2) {
      throw new DeliveryException("webhook " + n.recipient() + " answered " + status, status == 429 || status >= 500,
          null);
    }
  }
}
