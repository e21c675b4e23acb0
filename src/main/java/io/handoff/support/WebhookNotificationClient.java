package io.handoff.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Production notifications: webhooks are POSTed to their endpoint as JSON with an
 * {@code Idempotency-Key} header; e-mails are recorded in the outbox (no SMTP client yet). A key
 * already marked {@code sent} is not posted again; a crash between POST and mark can repeat one call,
 * and the header lets the receiver drop it.
 */
public final class WebhookNotificationClient implements NotificationClient {

  private final NotificationOutboxStore store;
  private final Duration timeout;
  private final HttpClient http;
  private final java.util.function.Function<String, String> endpoints;

  /** Only notifications that carry their endpoint URL (tests); a webhook named without a URL is refused. */
  public WebhookNotificationClient(NotificationOutboxStore store, Duration timeout) {
    this(store, timeout, name -> null);
  }

  /**
   * {@code endpoints} maps a declared webhook id to its endpoint URL (null when no rule file declares
   * it): SLA escalations name their webhook, the URL is looked up when it is called.
   */
  public WebhookNotificationClient(NotificationOutboxStore store, Duration timeout,
      java.util.function.Function<String, String> endpoints) {
    this.store = store;
    this.timeout = timeout;
    this.endpoints = endpoints;
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
    uri = name == null ? null : absoluteHttp(endpoints.apply(name));
    if (uri == null) {
      throw new DeliveryException("webhook '" + name + "' is not declared in support-triggers.yaml", false, null);
    }
    return uri;
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
    HttpRequest request = HttpRequest.newBuilder(endpointOf(n)).timeout(timeout)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", n.idempotencyKey())
        .POST(HttpRequest.BodyPublishers.ofString(n.body())).build();
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
