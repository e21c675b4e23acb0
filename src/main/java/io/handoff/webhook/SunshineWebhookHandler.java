package io.handoff.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.journey.JourneyEvent;
import io.handoff.ticket.TicketCommands;
import io.handoff.ticket.rest.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Verifies and applies one Sunshine Conversations webhook call. Sunshine Conversations sends the
 * webhook's secret in the {@code X-API-Key} header; it is compared in constant time. Missing → 401,
 * wrong → 403, nothing delivered.
 */
public final class SunshineWebhookHandler {

  public static final String API_KEY_HEADER = "X-API-Key";
  private static final Logger LOG = Logger.getLogger(SunshineWebhookHandler.class);

  private final byte[] secret;
  private final SunshineEventMapper mapper;
  private final TicketCommands commands;
  private final ObjectMapper json;
  private final Clock clock;

  /** {@code secret} null = not configured: every call is refused. */
  public SunshineWebhookHandler(String secret, SunshineEventMapper mapper, TicketCommands commands,
      ObjectMapper json, Clock clock) {
    this.secret = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
    this.mapper = mapper;
    this.commands = commands;
    this.json = json;
    this.clock = clock;
  }

  public WebhookReply handle(String apiKey, byte[] body) {
    if (secret == null) {
      return WebhookReply.problem(Problem.of(403, "webhook-disabled", "Webhook not configured",
          "handoff.webhooks.sunshine.secret is not set"));
    }
    if (apiKey == null || apiKey.isBlank()) {
      return WebhookReply.problem(Problem.of(401, "invalid-signature", "Missing credentials",
          API_KEY_HEADER + " header is missing"));
    }
    if (!MessageDigest.isEqual(secret, apiKey.getBytes(StandardCharsets.UTF_8))) {
      LOG.warn("sunshine webhook refused: wrong X-API-Key");
      return WebhookReply.problem(Problem.of(403, "invalid-signature", "Invalid credentials",
          API_KEY_HEADER + " does not match the webhook secret"));
    }
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (IOException e) {
      return WebhookReply.problem(Problem.invalid("body", "not valid JSON"));
    }
    if (root == null || !root.path("events").isArray()) {
      return WebhookReply.problem(Problem.invalid("events", "is required (a list of events)"));
    }
    List<JourneyEvent> events = mapper.map(root, clock.instant());
    events.forEach(commands::inboundEvent);
    return WebhookReply.ok("applied", events.size() + " event(s) delivered");
  }
}
