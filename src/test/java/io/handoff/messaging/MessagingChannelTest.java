package io.handoff.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.handoff.messaging.MessagingChannelClient.ChannelException;
import io.handoff.messaging.MessagingChannelClient.SendResult;
import io.handoff.trigger.TestDb;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The recorded outbox and the Sunshine Conversations client (against WireMock). */
class MessagingChannelTest {

  private static final String PATH = "/v2/apps/app1/conversations/conv%201/messages";

  private WireMockServer wiremock;
  private MessageOutboxStore store;
  private SunshineConversationsClient client;

  @BeforeEach
  void setUp() throws Exception {
    wiremock = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    wiremock.start();
    store = new MessageOutboxStore(TestDb.fresh());
    client = new SunshineConversationsClient(URI.create(wiremock.baseUrl()), "app1", "key", "secret",
        Duration.ofMillis(1500), store);
  }

  @AfterEach
  void tearDown() {
    wiremock.stop();
  }

  @Test
  void recordedOutboxWritesOncePerKey() {
    RecordedOutbox outbox = new RecordedOutbox(store);
    assertFalse(outbox.send("c1", "Hi", "k1").duplicate());
    assertTrue(outbox.send("c1", "Hi", "k1").duplicate());
    outbox.send("c1", "Second", "k2");
    assertEquals(2, store.countFor("c1"));
  }

  @Test
  void postsABusinessTextMessageWithBasicAuth() {
    wiremock.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(201)
        .withBody("{\"messages\":[{\"id\":\"m-1\"}]}")));
    SendResult r = client.send("conv 1", "Hello \"Rita\"", "k1");
    assertEquals(new SendResult("k1", false, "m-1"), r);
    wiremock.verify(postRequestedFor(urlEqualTo(PATH))
        .withHeader("Authorization", equalTo("Basic a2V5OnNlY3JldA=="))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson("{\"author\":{\"type\":\"business\"},"
            + "\"content\":{\"type\":\"text\",\"text\":\"Hello \\\"Rita\\\"\"},"
            + "\"metadata\":{\"handoffIdempotencyKey\":\"k1\"}}")));
    assertEquals("sent", store.statusOf("k1"));
  }

  @Test
  void aSentKeyIsNeverPostedAgain() {
    wiremock.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(201).withBody("{}")));
    client.send("conv 1", "Hi", "k1");
    assertTrue(client.send("conv 1", "Hi", "k1").duplicate());
    wiremock.verify(1, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void malformedReplyStillCountsAsDelivered() {
    wiremock.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(201).withBody("not json")));
    SendResult r = client.send("conv 1", "Hi", "k1");
    assertNull(r.externalId());
    assertEquals("sent", store.statusOf("k1"));
  }

  @Test
  void rateLimitAndServerErrorsAreRetryableAndRetrySends() {
    wiremock.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(429)));
    assertTrue(assertThrows(ChannelException.class, () -> client.send("conv 1", "Hi", "k1")).retryable());
    wiremock.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
    assertTrue(assertThrows(ChannelException.class, () -> client.send("conv 1", "Hi", "k1")).retryable());
    assertEquals("pending", store.statusOf("k1"));
    wiremock.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(201).withBody("{}")));
    assertFalse(client.send("conv 1", "Hi", "k1").duplicate());
    assertEquals("sent", store.statusOf("k1"));
  }

  @Test
  void clientErrorsAreNotRetryable() {
    wiremock.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(400).withBody("{\"errors\":[]}")));
    assertFalse(assertThrows(ChannelException.class, () -> client.send("conv 1", "Hi", "k1")).retryable());
  }

  @Test
  void timeoutIsRetryable() {
    wiremock.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(201).withFixedDelay(4000)));
    assertTrue(assertThrows(ChannelException.class, () -> client.send("conv 1", "Hi", "k1")).retryable());
  }

  @Test
  void activityTurnsRejectionsIntoNonRetryableFailures() {
    wiremock.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(404)));
    MessagingActivitiesImpl activities = new MessagingActivitiesImpl(null, null, client, io.handoff.intent.replies.AiReplies.NONE);
    var failure = assertThrows(io.temporal.failure.ApplicationFailure.class,
        () -> activities.sendMessage("conv 1", "Hi", "k1"));
    assertTrue(failure.isNonRetryable());
  }
}
