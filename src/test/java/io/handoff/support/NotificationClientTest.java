package io.handoff.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.handoff.support.NotificationClient.DeliveryException;
import io.handoff.trigger.TestDb;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Notification delivery: the recorded outbox and webhooks over HTTP (against WireMock). */
class NotificationClientTest {

  private WireMockServer wiremock;
  private NotificationOutboxStore store;
  private WebhookNotificationClient client;

  @BeforeEach
  void setUp() throws Exception {
    wiremock = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    wiremock.start();
    store = new NotificationOutboxStore(TestDb.fresh());
    client = new WebhookNotificationClient(store, Duration.ofMillis(1500));
  }

  @AfterEach
  void tearDown() {
    wiremock.stop();
  }

  private Notification webhook(String key) {
    return new Notification(Notification.Kind.WEBHOOK, "SUP - x", 0, "webhook", "hook", null,
        "{\"id\": \"42\"}", wiremock.baseUrl() + "/hook", key);
  }

  private static Notification email(String key) {
    return new Notification(Notification.Kind.EMAIL, "SUP - x", 1, "requester_id", "rita@example.com",
        "Re: 42", "Hello", null, key);
  }

  @Test
  void recordedOutboxKeepsOneRowPerKey() {
    RecordedNotificationOutbox outbox = new RecordedNotificationOutbox(store);
    assertFalse(outbox.deliver(email("k1")).duplicate());
    assertTrue(outbox.deliver(email("k1")).duplicate());
    assertFalse(outbox.deliver(webhook("k2")).duplicate());
    assertEquals(2, store.count());
  }

  @Test
  void webhookIsPostedOnceWithItsKey() {
    wiremock.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200)));
    assertEquals("sent", client.deliver(webhook("k1")).status());
    assertTrue(client.deliver(webhook("k1")).duplicate());
    wiremock.verify(1, postRequestedFor(urlEqualTo("/hook"))
        .withHeader("Idempotency-Key", equalTo("k1"))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson("{\"id\": \"42\"}")));
  }

  @Test
  void emailsAreRecordedNotPosted() {
    assertEquals("recorded", client.deliver(email("k1")).status());
    wiremock.verify(0, postRequestedFor(urlEqualTo("/hook")));
  }

  @Test
  void serverErrorsAndRateLimitsAreRetryable() {
    wiremock.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(500)));
    assertTrue(assertThrows(DeliveryException.class, () -> client.deliver(webhook("k1"))).retryable());
    wiremock.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(429)));
    assertTrue(assertThrows(DeliveryException.class, () -> client.deliver(webhook("k1"))).retryable());
    wiremock.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
    assertEquals("sent", client.deliver(webhook("k1")).status());
  }

  @Test
  void clientErrorsFailTheActivityWithoutRetry() {
    wiremock.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(410)));
    NotificationActivitiesImpl activities = new NotificationActivitiesImpl(client);
    var failure = assertThrows(io.temporal.failure.ApplicationFailure.class,
        () -> activities.send(webhook("k1")));
    assertTrue(failure.isNonRetryable());
  }

  @Test
  void timeoutIsRetryable() {
    wiremock.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200).withFixedDelay(4000)));
    assertTrue(assertThrows(DeliveryException.class, () -> client.deliver(webhook("k1"))).retryable());
  }

  @Test
  void anSlaWebhookNamedWithoutUrlIsPostedToTheDeclaredEndpointNeverUsedAsUrl() {
    wiremock.stubFor(post(urlEqualTo("/sla-alerts")).willReturn(aResponse().withStatus(200)));
    WebhookNotificationClient named = new WebhookNotificationClient(store, Duration.ofMillis(1500),
        name -> "sla-alerts".equals(name) ? new Webhook(name, null, wiremock.baseUrl() + "/sla-alerts") : null);
    Notification sla = new Notification(Notification.Kind.WEBHOOK, "SLA first_reply_time breach", 1, "webhook",
        "sla-alerts", null, "{\"ticket\": \"7\"}", "sla-alerts", "sla-k1");
    assertEquals("sent", named.deliver(sla).status());
    wiremock.verify(1, postRequestedFor(urlEqualTo("/sla-alerts")));

    Notification undeclared = new Notification(Notification.Kind.WEBHOOK, "SLA first_reply_time breach", 1,
        "webhook", "nowhere", null, "{}", "nowhere", "sla-k2");
    DeliveryException e = assertThrows(DeliveryException.class, () -> named.deliver(undeclared));
    assertFalse(e.retryable());
    assertTrue(e.getMessage().contains("'nowhere' is not declared"), e.getMessage());
  }
}
