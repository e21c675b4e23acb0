package io.handoff.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.problem.Problem;
import io.handoff.ticket.TicketCommands;
import io.handoff.ticket.TicketNotFoundException;
import io.handoff.ticket.TicketRefusedException;
import io.handoff.webhook.ZendeskSignature.Verdict;
import java.io.IOException;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Verifies and applies one Zendesk webhook call. Nothing reaches the journey before the signature
 * and timestamp are checked; a redelivered call (the same signed timestamp and body, or the same Zendesk
 * event id) is answered without applying it again, whatever its invocation id header says.
 * Missing signature → 401; forged or stale → 403; unknown ticket → 200 "ignored" (not a Handoff
 * ticket, and Zendesk must not retry); refused change → 422 naming the fields.
 */
public final class ZendeskWebhookHandler {

  private static final Logger LOG = Logger.getLogger(ZendeskWebhookHandler.class);

  private final ZendeskSignature signature;
  private final ZendeskEventMapper mapper;
  private final TicketCommands commands;
  private final ReplayGuard replays;
  private final ObjectMapper json;
  private final Clock clock;

  /** {@code signature} null = no secret configured: every call is refused. */
  public ZendeskWebhookHandler(ZendeskSignature signature, ZendeskEventMapper mapper,
      TicketCommands commands, ReplayGuard replays, ObjectMapper json, Clock clock) {
    this.signature = signature;
    this.mapper = mapper;
    this.commands = commands;
    this.replays = replays;
    this.json = json;
    this.clock = clock;
  }

  public WebhookReply handle(String sig, String timestamp, String invocationId, byte[] body) {
    if (signature == null) {
      return WebhookReply.problem(Problem.of(403, "webhook-disabled", "Webhook not configured",
          "handoff.webhooks.zendesk.signing-secret is not set"));
    }
    Verdict verdict = signature.verify(sig, timestamp, body, clock.instant());
    if (verdict != Verdict.VALID) {
      LOG.warnf("zendesk webhook refused: %s signature", verdict);
      int status = verdict == Verdict.MISSING ? 401 : 403;
      return WebhookReply.problem(Problem.of(status, "invalid-signature", "Invalid signature",
          "signature " + verdict.name().toLowerCase(java.util.Locale.ROOT)));
    }
    JsonNode event;
    try {
      event = json.readTree(body);
    } catch (IOException e) {
      return WebhookReply.problem(Problem.invalid("body", "not valid JSON"));
    }
    // Deduplicated on signed data only: the hash of timestamp + body and the event id inside the body.
    // The invocation id header is not signed, so a replay with another (or no) invocation id is the same call.
    java.util.List<String> keys = deliveryKeys(timestamp, body, event);
    if (invocationId != null && !invocationId.isBlank()) {
      // Zendesk's own retries keep their invocation id even when re-signed with a later timestamp.
      keys.add("invocation:" + invocationId);
    }
    java.time.Instant now = clock.instant();
    java.util.List<String> claimed = new java.util.ArrayList<>();
    for (String key : keys) {
      if (!replays.firstDelivery(key, now)) {
        claimed.forEach(replays::forget);
        return WebhookReply.ok("duplicate", "this signed delivery was already applied"
            + (invocationId == null ? "" : " (invocation " + invocationId.replaceAll("[^A-Za-z0-9._:-]", "?") + ")"));
      }
      claimed.add(key);
    }
    try {
      return apply(mapper.map(event));
    } catch (RuntimeException e) {
      claimed.forEach(replays::forget);
      throw e;
    }
  }

  /** The replay keys of a verified delivery: its signed timestamp and body, and the body's event id. */
  static java.util.List<String> deliveryKeys(String timestamp, byte[] body, JsonNode event) {
    java.util.List<String> keys = new java.util.ArrayList<>();
    try {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      sha.update(timestamp.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      sha.update(body);
      keys.add("signed:" + java.util.HexFormat.of().formatHex(sha.digest()));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    // Only Zendesk's event webhooks carry an event id; a trigger webhook's body is the team's own JSON.
    boolean zendeskEvent = event.path("type").asText("").startsWith("zen:event-type:");
    String eventId = zendeskEvent && event.path("id").isValueNode() ? event.path("id").asText() : null;
    if (eventId != null && !eventId.isBlank()) {
      keys.add("event:" + eventId);
    }
    return keys;
  }

  private WebhookReply apply(ZendeskCommand command) {
    try {
      if (command instanceof ZendeskCommand.Change c) {
        commands.change(c.ticketId(), c.change());
        return WebhookReply.ok("applied", "ticket " + c.ticketId() + " changed");
      }
      if (command instanceof ZendeskCommand.Comment c) {
        commands.comment(c.ticketId(), c.comment());
        return WebhookReply.ok("applied", "comment added to ticket " + c.ticketId());
      }
      return WebhookReply.ok("ignored", ((ZendeskCommand.Ignored) command).reason());
    } catch (TicketNotFoundException e) {
      return WebhookReply.ok("ignored", "ticket " + e.ticketId() + " is not a Handoff ticket");
    } catch (TicketRefusedException e) {
      return WebhookReply.problem(Problem.invalid(e.errors()).withStatus(422));
    }
  }
}
