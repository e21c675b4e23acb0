package io.handoff.api;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/conversations/{id}/events} as OpenAPI shows it. The resource reads the
 * raw bytes and validates them with {@link EventParser}; this type only documents the contract.
 */
@Schema(name = "Event", description = "A conversation event (public contract v1); unknown fields are refused.")
public record EventBody(
    @Schema(required = true, enumeration = {"conversation.started", "message.received", "conversation.queued",
        "conversation.assigned", "agent.replied", "customer.replied", "conversation.ended"},
        description = "conversation.started and message.received may open a journey; other types need one")
    String type,
    @Schema(description = "When it happened (RFC 3339); default: when received") String occurredAt,
    @Schema(enumeration = {"web_widget", "ios", "android", "whatsapp", "facebook", "instagram", "email", "api"})
    String channel,
    @Schema(maxLength = 20_000, description = "Required for message.received, customer.replied, agent.replied")
    String text,
    @Schema(description = "Page the customer was on (http/https)") String pageUrl,
    Customer customer,
    @Schema(description = "Required for agent.replied") Agent agent,
    String group,
    @Schema(maxLength = 128, description = "Makes a retried POST count once (or the Idempotency-Key header)")
    String eventId) {

  /** The customer of a conversation. */
  @Schema(name = "EventCustomer")
  public record Customer(String id, String name, String email, String locale, String tier,
      @Schema(type = SchemaType.OBJECT, description = "string values, at most 50") Map<String, String> attributes) {}

  /** The agent of an agent.replied event. */
  @Schema(name = "EventAgent")
  public record Agent(String id, String name) {}
}
