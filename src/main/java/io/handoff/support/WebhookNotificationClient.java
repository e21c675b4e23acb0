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

  public WebhookNotificationClient(NotificationOutboxStore store, Duration timeout) {
    this.store = store;
    this.timeout = timeout;
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

  private void post(Notification n) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(n.endpoint())).timeout(timeout)
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
