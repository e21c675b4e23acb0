package io.handoff.ticket;

import java.util.Map;
import java.util.Set;

/**
 * What a new ticket is made from. {@code conversationId} links the ticket to its journey and becomes
 * the ticket's external id; {@code description} becomes the first public comment, as in Zendesk.
 * Priority and group are wire names (e.g. {@code "high"}, a group id of {@code helpdesk.yaml}); null
 * means "none".
 */
public record TicketDraft(
    String subject,
    String description,
    String requesterId,
    String requesterName,
    String requesterEmail,
    String priority,
    String group,
    Set<String> tags,
    String via,
    Map<String, String> customFields,
    String conversationId) {

  public TicketDraft {
    tags = tags == null ? Set.of() : Set.copyOf(tags);
    customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
  }
}
