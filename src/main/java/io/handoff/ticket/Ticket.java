package io.handoff.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A helpdesk ticket with Zendesk's fields. Immutable: an update produces a new value, so support
 * triggers can compare the ticket before and after an update ("changed", "changed to").
 */
public record Ticket(
    String id,
    String externalId,
    String subject,
    String description,
    TicketStatus status,
    TicketPriority priority,
    String type,
    String group,
    String assignee,
    String requesterId,
    String requesterName,
    String requesterEmail,
    String organization,
    Set<String> tags,
    Map<String, String> customFields,
    List<TicketComment> comments,
    String via,
    Instant createdAt,
    Instant updatedAt) {

  /** Zendesk's ticket types, the values {@code type} may take (or none). */
  public static final List<String> TYPES = List.of("question", "incident", "problem", "task");

  public Ticket {
    tags = tags == null ? Set.of() : Set.copyOf(tags);
    customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
    comments = comments == null ? List.of() : List.copyOf(comments);
  }

  /**
   * This ticket as updated at {@code at} (itself when it already is, or {@code at} is null): SLA policy filters
   * judge {@code in_business_hours} and {@code within_schedule} at the ticket's {@code updatedAt}.
   */
  public Ticket withUpdatedAt(Instant at) {
    return at == null || at.equals(updatedAt) ? this : new Ticket(id, externalId, subject, description, status, priority,
        type, group, assignee, requesterId, requesterName, requesterEmail, organization, tags, customFields, comments,
        via, createdAt, at);
  }
}
