package io.handoff.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.problem.FieldError;
import io.handoff.problem.Problem;
import io.handoff.ticket.HelpdeskDirectory;
import io.handoff.ticket.HelpdeskDirectoryLoader;
import io.handoff.ticket.NewComment;
import io.handoff.ticket.TicketChange;
import io.handoff.ticket.TicketComment.AuthorRole;
import io.handoff.ticket.TicketRefusedException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ZendeskWebhookHandlerTest {

  static final Instant NOW = Instant.parse("2026-03-02T09:00:30Z");
  static final String TS = "2026-03-02T09:00:00Z";
  static final String STATUS_CHANGED = """
      {"account_id": 22129848,
       "detail": {"actor_id": "9001", "assignee_id": "9001", "group_id": "360001", "id": "5158",
                  "priority": "HIGH", "status": "SOLVED", "subject": "Cannot log in",
                  "tags": ["login"], "type": "PROBLEM", "via": {"channel": "web_service"}},
       "event": {"current": "SOLVED", "previous": "OPEN"},
       "id": "a8b9c1d2-3e4f-5a6b-7c8d-9e0f1a2b3c4d",
       "subject": "zen:ticket:5158",
       "time": "2026-03-02T09:00:00.987654321Z",
       "type": "zen:event-type:ticket.status_changed",
       "zendesk_event_version": "2022-11-06"}""";
  static final String COMMENT_ADDED = """
      {"account_id": 22129848,
       "detail": {"id": "5158", "status": "OPEN", "priority": "HIGH"},
       "event": {"comment": {"id": "77001", "body": "Try resetting your password.",
                             "is_public": true,
                             "author": {"id": "9001", "is_staff": true, "name": "Ana"}}},
       "id": "0d1c2b3a-0000-4000-8000-000000000001",
       "subject": "zen:ticket:5158",
       "time": "2026-03-02T09:00:00Z",
       "type": "zen:event-type:ticket.comment_added",
       "zendesk_event_version": "2022-11-06"}""";

  private final RecordingCommands commands = new RecordingCommands(Set.of("5158"));
  private final ZendeskWebhookHandler handler = handler(ZendeskSignatureTest.SECRET);

  private ZendeskWebhookHandler handler(String secret) {
    HelpdeskDirectory dir = HelpdeskDirectoryLoader.load("h.yaml", """
        groups:
          - {id: billing, name: Billing, zendeskId: "360001"}
        agents:
          - {id: ana, name: Ana, email: ana@example.com, groups: [billing], zendeskId: "9001"}
        """).value();
    ZendeskSignature sig = secret == null ? null : new ZendeskSignature(secret, Duration.ofMinutes(5));
    return new ZendeskWebhookHandler(sig, new ZendeskEventMapper(dir), commands,
        new ReplayGuard(Duration.ofMinutes(10)), new ObjectMapper(), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static String sign(String ts, String body) {
    return Base64.getEncoder().encodeToString(new ZendeskSignature(ZendeskSignatureTest.SECRET,
        Duration.ofMinutes(5)).sign(ts, body.getBytes(StandardCharsets.UTF_8)));
  }

  private WebhookReply post(String sig, String ts, String invocation, String body) {
    return handler.handle(sig, ts, invocation, body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aValidStatusEventChangesTheTicket() {
    WebhookReply reply = post(sign(TS, STATUS_CHANGED), TS, "inv-1", STATUS_CHANGED);

    assertEquals(200, reply.status());
    assertEquals(List.of(List.of("5158", TicketChange.builder().status("solved").build())),
        commands.calls);
  }

  @Test
  void aValidCommentEventAddsAnAgentComment() {
    WebhookReply reply = post(sign(TS, COMMENT_ADDED), TS, null, COMMENT_ADDED);

    assertEquals(200, reply.status());
    assertEquals(List.of(List.of("5158", new NewComment("Try resetting your password.", true, "ana",
        "Ana", AuthorRole.AGENT))), commands.calls);
  }

  @Test
  void aForgedSignatureIsRefusedAndChangesNothing() {
    String forged = sign(TS, STATUS_CHANGED.replace("SOLVED", "OPEN"));

    WebhookReply reply = post(forged, TS, "inv-1", STATUS_CHANGED);

    assertEquals(403, reply.status());
    assertTrue(reply.entity() instanceof Problem);
    assertEquals(List.of(), commands.calls);
  }

  @Test
  void aStaleSignatureIsRefusedAndChangesNothing() {
    String old = "2026-03-02T08:50:00Z";

    WebhookReply reply = post(sign(old, STATUS_CHANGED), old, "inv-1", STATUS_CHANGED);

    assertEquals(403, reply.status());
    assertEquals(List.of(), commands.calls);
  }

  @Test
  void aMissingSignatureIsRefusedAndChangesNothing() {
    WebhookReply reply = post(null, TS, "inv-1", STATUS_CHANGED);

    assertEquals(401, reply.status());
    assertEquals(List.of(), commands.calls);
  }

  @Test
  void withoutASecretEveryCallIsRefused() {
    WebhookReply reply = handler(null).handle(sign(TS, STATUS_CHANGED), TS, "inv-1",
        STATUS_CHANGED.getBytes(StandardCharsets.UTF_8));

    assertEquals(403, reply.status());
    assertEquals(List.of(), commands.calls);
  }

  @Test
  void aRedeliveredInvocationIsAppliedOnce() {
    post(sign(TS, STATUS_CHANGED), TS, "inv-1", STATUS_CHANGED);
    WebhookReply again = post(sign(TS, STATUS_CHANGED), TS, "inv-1", STATUS_CHANGED);

    assertEquals(Map.of("status", "duplicate", "detail", "this signed delivery was already applied (invocation inv-1)"),
        again.entity());
    assertEquals(1, commands.calls.size());
  }

  @Test
  void anUnknownTicketIsIgnoredSoZendeskDoesNotRetry() {
    String other = STATUS_CHANGED.replace("5158", "6000");

    WebhookReply reply = post(sign(TS, other), TS, "inv-2", other);

    assertEquals(200, reply.status());
    assertEquals("ignored", ((Map<?, ?>) reply.entity()).get("status"));
  }

  @Test
  void aRefusedChangeIsA422NamingTheField() {
    commands.failure = new TicketRefusedException(List.of(new FieldError("status", "closed")));

    WebhookReply reply = post(sign(TS, STATUS_CHANGED), TS, "inv-3", STATUS_CHANGED);

    assertEquals(422, reply.status());
    assertEquals("status", ((Problem) reply.entity()).field());
  }
}
