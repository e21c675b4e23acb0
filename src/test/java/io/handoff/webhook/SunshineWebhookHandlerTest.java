package io.handoff.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.model.Channel;
import io.handoff.model.Customer;
import io.handoff.model.EventType;
import io.handoff.model.JourneyEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SunshineWebhookHandlerTest {

  static final Instant NOW = Instant.parse("2026-03-02T09:00:30Z");
  static final String BODY = """
      {"app": {"id": "5698edbf2a43bd081be982f1"},
       "webhook": {"id": "5f4eb0b1a6e0c1001c2a7e11", "version": "v2"},
       "events": [
         {"id": "5fb6d8c3ab9e9e1a9c6f45c0", "createdAt": "2026-03-02T09:00:10.541Z",
          "type": "conversation:message",
          "payload": {
            "conversation": {"id": "c6bc6a2ed4bb3d1a3ad6d7a0", "type": "personal"},
            "message": {
              "id": "5fb6d8c3ab9e9e1a9c6f45bf", "received": "2026-03-02T09:00:10.541Z",
              "author": {"userId": "7494535bff5cef41a15be74d", "displayName": "Jo Doe", "type": "user",
                         "user": {"id": "7494535bff5cef41a15be74d", "externalId": "cust-1",
                                  "profile": {"givenName": "Jo", "surname": "Doe",
                                              "email": "jo@example.com", "locale": "fr-FR"}}},
              "content": {"type": "text", "text": "Je veux un remboursement"},
              "source": {"type": "whatsapp", "integrationId": "5e4af71a81966cfff3ef6550"}}}},
         {"id": "5fb6d8c3ab9e9e1a9c6f45c1", "createdAt": "2026-03-02T09:00:11Z",
          "type": "conversation:message",
          "payload": {"conversation": {"id": "c6bc6a2ed4bb3d1a3ad6d7a0"},
                      "message": {"author": {"type": "business", "displayName": "Handoff"},
                                  "content": {"type": "text", "text": "Bonjour !"}}}},
         {"id": "5fb6d8c3ab9e9e1a9c6f45c2", "createdAt": "2026-03-02T09:00:12Z",
          "type": "conversation:typing",
          "payload": {"conversation": {"id": "c6bc6a2ed4bb3d1a3ad6d7a0"}}}
       ]}""";

  private final RecordingCommands commands = new RecordingCommands(Set.of());

  private WebhookReply post(String secret, String apiKey) {
    return new SunshineWebhookHandler(secret, new SunshineEventMapper(), commands,
        new ObjectMapper(), Clock.fixed(NOW, ZoneOffset.UTC))
        .handle(apiKey, BODY.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aUserMessageBecomesMessageReceived() {
    WebhookReply reply = post("sunshine-secret", "sunshine-secret");

    assertEquals(200, reply.status());
    assertEquals(List.of(new JourneyEvent("5fb6d8c3ab9e9e1a9c6f45c0", "c6bc6a2ed4bb3d1a3ad6d7a0",
        EventType.MESSAGE_RECEIVED, Instant.parse("2026-03-02T09:00:10.541Z"), NOW,
        Channel.WHATSAPP, "Je veux un remboursement", null,
        new Customer("cust-1", "Jo Doe", "jo@example.com", "fr-FR", null, Map.of()), null, null)),
        commands.calls);
  }

  @Test
  void aWrongKeyIsRefusedAndDeliversNothing() {
    assertEquals(403, post("sunshine-secret", "guess").status());
    assertEquals(List.of(), commands.calls);
  }

  @Test
  void aMissingKeyIsRefusedAndDeliversNothing() {
    assertEquals(401, post("sunshine-secret", null).status());
    assertEquals(List.of(), commands.calls);
  }

  @Test
  void withoutASecretEveryCallIsRefused() {
    assertEquals(403, post(null, "anything").status());
    assertEquals(List.of(), commands.calls);
  }
}
