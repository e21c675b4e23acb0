package io.handoff.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.handoff.support.NotificationClient.DeliveryException;
import io.handoff.trigger.BusinessCalendar;
import io.handoff.trigger.TestDb;
import io.handoff.yaml.Problems;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Webhook methods and formats: declared in the rule file, rendered by triggers and sent as Zendesk sends them. */
class WebhookMethodFormatTest {

  private WireMockServer wiremock;
  private NotificationOutboxStore store;

  @BeforeEach
  void setUp() throws Exception {
    wiremock = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    wiremock.start();
    wiremock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
    store = new NotificationOutboxStore(TestDb.fresh());
  }

  @AfterEach
  void tearDown() {
    wiremock.stop();
  }

  private String rules(String method, String format, String body) {
    return """
        webhooks:
          - id: hook
            endpoint: "%s/hook?team=ops"
        %s%s
        triggers:
          - title: Hook
            actions:
              - field: notification_webhook
                value: [hook, '%s']
        """.formatted(wiremock.baseUrl(), method == null ? "" : "    method: " + method + "\n",
        format == null ? "" : "    format: " + format, body);
  }

  /** Evaluates the rules on an update and sends the one notification with the declared webhooks. */
  private LoggedRequest send(String yaml) {
    SupportTriggerSet set = SupportFixtures.parse(yaml);
    Notification n = new SupportEngine(set).evaluate(SupportFixtures.changeUpdate(), BusinessCalendar.ALWAYS_OPEN)
        .notifications().get(0);
    WebhookNotificationClient client = new WebhookNotificationClient(store, Duration.ofMillis(1500),
        set.webhooks()::get);
    assertEquals("sent", client.deliver(n).status());
    assertTrue(client.deliver(n).duplicate(), "the same key is not sent twice");
    List<LoggedRequest> requests = wiremock.findAll(anyRequestedFor(anyUrl()));
    assertEquals(1, requests.size());
    assertEquals(n.idempotencyKey(), requests.get(0).getHeader("Idempotency-Key"));
    return requests.get(0);
  }

  @Test
  void aWebhookWithoutMethodAndFormatIsAJsonPostAsBefore() {
    Webhook hook = SupportFixtures.parse(rules(null, null, "{}")).webhooks().get("hook");
    assertEquals("POST", hook.method());
    assertEquals("json", hook.format());
    LoggedRequest r = send(rules(null, null, "{\"id\": \"{{ticket.id}}\"}"));
    assertEquals(RequestMethod.POST, r.getMethod());
    assertEquals("application/json", r.getHeader("Content-Type"));
    assertTrue(equalToJson("{\"id\": \"42\"}").match(r.getBodyAsString()).isExactMatch(), r.getBodyAsString());
  }

  @ParameterizedTest
  @CsvSource({"PUT", "PATCH", "POST"})
  void aJsonWebhookSendsTheRenderedBodyWithItsMethod(String method) {
    LoggedRequest r = send(rules(method, "json", "{\"id\": \"{{ticket.id}}\"}"));
    assertEquals(RequestMethod.fromString(method), r.getMethod());
    assertEquals("/hook?team=ops", r.getUrl());
    assertEquals("application/json", r.getHeader("Content-Type"));
    assertEquals("{\"id\": \"42\"}", r.getBodyAsString());
  }

  @Test
  void anXmlWebhookSendsTheBodyAsWrittenAsXml() {
    LoggedRequest r = send(rules("PUT", "xml", "<ticket><id>{{ticket.id}}</id></ticket>"));
    assertEquals(RequestMethod.PUT, r.getMethod());
    assertEquals("application/xml", r.getHeader("Content-Type"));
    assertEquals("<ticket><id>42</id></ticket>", r.getBodyAsString());
  }

  @ParameterizedTest
  @CsvSource({"GET, json", "DELETE, json", "GET, form_encoded", "DELETE, xml"})
  void getAndDeleteSendTheParametersAsQueryStringWithoutBody(String method, String format) {
    LoggedRequest r = send(rules(method, format, "[[\"ticket id\", \"{{ticket.id}}\"], [\"note\", \"a&b=c\"]]"));
    assertEquals(RequestMethod.fromString(method), r.getMethod());
    assertEquals("/hook?team=ops&ticket+id=42&note=a%26b%3Dc", r.getUrl());
    assertEquals("", r.getBodyAsString());
    assertFalse(r.containsHeader("Content-Type"));
  }

  @ParameterizedTest
  @CsvSource({"POST", "PUT", "PATCH"})
  void formEncodedSendsTheParametersAsAFormBody(String method) {
    LoggedRequest r = send(rules(method, "form_encoded", "[[\"ticket\", \"{{ticket.id}}\"], [\"say\", \"hi there\"]]"));
    assertEquals(RequestMethod.fromString(method), r.getMethod());
    assertEquals("/hook?team=ops", r.getUrl());
    assertEquals("application/x-www-form-urlencoded", r.getHeader("Content-Type"));
    assertEquals("ticket=42&say=hi+there", r.getBodyAsString());
  }

  @Test
  void anSlaEscalationToAGetWebhookNamedWithoutUrlUsesTheDeclaration() {
    Webhook hook = new Webhook("sla", null, wiremock.baseUrl() + "/sla", "GET", "json");
    WebhookNotificationClient client = new WebhookNotificationClient(store, Duration.ofMillis(1500),
        Map.of("sla", hook)::get);
    Notification n = new Notification(Notification.Kind.WEBHOOK, "SLA breach", 1, "webhook", "sla", null,
        "[[\"ticket\", \"7\"]]", "sla", "sla-k1");
    assertEquals("sent", client.deliver(n).status());
    wiremock.verify(1, anyRequestedFor(urlEqualTo("/sla?ticket=7")).withHeader("Idempotency-Key", equalTo("sla-k1")));
  }

  @Test
  void parametersThatAreNotPairsFailForGoodWhenSent() {
    Webhook hook = new Webhook("h", null, wiremock.baseUrl() + "/h", "GET", "json");
    WebhookNotificationClient client = new WebhookNotificationClient(store, Duration.ofMillis(1500),
        Map.of("h", hook)::get);
    Notification n = new Notification(Notification.Kind.WEBHOOK, "SLA breach", 1, "webhook", "h", null,
        "{\"ticket\": \"7\"}", "h", "k1");
    DeliveryException e = assertThrows(DeliveryException.class, () -> client.deliver(n));
    assertFalse(e.retryable());
    assertTrue(e.getMessage().contains("not [[\"key\", \"value\"], ...]"), e.getMessage());
    assertEquals(0, wiremock.findAll(anyRequestedFor(anyUrl())).size());
  }

  private static List<String> errors(String yaml) {
    Problems problems = new Problems("support-triggers.yaml");
    new SupportTriggerParser(problems).parse(yaml, "test");
    return problems.all().stream().map(Object::toString).toList();
  }

  @Test
  void unknownMethodOrFormatIsAnErrorAtItsLine() {
    List<String> errors = errors("""
        webhooks:
          - id: a
            endpoint: "https://example.invalid/a"
            method: post
          - id: b
            endpoint: "https://example.invalid/b"
            format: yaml
        """);
    assertEquals(List.of(
        "support-triggers.yaml:4: webhook \"a\": method must be one of GET, POST, PUT, PATCH, DELETE, not \"post\"",
        "support-triggers.yaml:7: webhook \"b\": format must be one of json, form_encoded, xml, not \"yaml\""),
        errors);
  }

  @Test
  void aParameterWebhookActionMustGivePairs() {
    List<String> errors = errors("""
        webhooks:
          - { id: q, endpoint: "https://example.invalid/q", method: GET }
        triggers:
          - title: Query
            actions:
              - field: notification_webhook
                value: [q, '{"id": "{{ticket.id}}"}']
        """);
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).startsWith("support-triggers.yaml:6:")
        && errors.get(0).contains("webhook \"q\" (GET json) takes parameters [[\"key\", \"value\"], ...], not a body"),
        errors.get(0));
  }
}
