package io.handoff.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.journey.InboundEvents;
import io.handoff.model.JourneyEvent;
import io.handoff.problem.Problem;
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

  /** Where the checked values of a journey event are in a Sunshine body. */
  private static final java.util.Map<String, String> SUNSHINE_FIELDS = java.util.Map.of(
      "conversationId", "events[].payload.conversation.id", "eventId", "events[].id",
      "text", "events[].payload.message.content.text");

  private final byte[] secret;
  private final SunshineEventMapper mapper;
  private final InboundEvents inbound;
  private final ObjectMapper json;
  private final Clock clock;

  /** {@code secret} null = not configured: every call is refused. */
  public SunshineWebhookHandler(String secret, SunshineEventMapper mapper, InboundEvents inbound,
      ObjectMapper json, Clock clock) {
    this.secret = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
    this.mapper = mapper;
    this.inbound = inbound;
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
    // The limits of every entry point, checked for every event before any is delivered.
    List<io.handoff.problem.FieldError> problems = new java.util.ArrayList<>();
    for (JourneyEvent e : events) {
      for (io.handoff.problem.FieldError f : io.handoff.journey.EventLimits.problems(e)) {
        problems.add(new io.handoff.problem.FieldError(SUNSHINE_FIELDS.getOrDefault(f.field(), f.field()), f.message()));
      }
    }
    if (!problems.isEmpty()) {
      return WebhookReply.problem(Problem.invalid(problems));
    }
    int delivered = 0;
    int ignored = 0;
    for (JourneyEvent e : events) {
      try {
        inbound.inboundEvent(e);
        delivered++;
      } catch (io.handoff.journey.JourneyService.NotStarted notStarted) {
        // e.g. conversation:remove of a conversation created before Handoff listened: nothing to end.
        ignored++;
      }
    }
    return WebhookReply.ok("applied", delivered + " event(s) delivered"
        + (ignored == 0 ? "" : ", " + ignored + " ignored (conversation never started)"));
  }
}
