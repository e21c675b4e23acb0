package io.handoff.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.ticket.TicketCommands;
import io.handoff.ticket.TicketNotFoundException;
import io.handoff.ticket.TicketRefusedException;
import io.handoff.ticket.rest.Problem;
import io.handoff.webhook.ZendeskSignature.Verdict;
import java.io.IOException;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Verifies and applies one Zendesk webhook call. Nothing reaches the journey before the signature
 * and timestamp are checked; a redelivered invocation is answered without applying it again.
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
    String deliveryId = invocationId != null ? invocationId : event.path("id").asText(null);
    if (!replays.firstDelivery(deliveryId, clock.instant())) {
      return WebhookReply.ok("duplicate", "delivery " + deliveryId + " was already applied");
    }
    try {
      return apply(mapper.map(event));
    } catch (RuntimeException e) {
      replays.forget(deliveryId);
      throw e;
    }
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
      Problem p = Problem.invalid(e.errors());
      return WebhookReply.problem(new Problem(p.type(), p.title(), 422, p.detail(), p.field(),
          p.errors()));
    }
  }
}
