package io.handoff.zendeskimport;

import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketPriority;
import io.handoff.ticket.TicketStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A ticket being rebuilt from Zendesk audit events, field by field, in Handoff's names. Fields Handoff
 * does not model (brand, form, ...) are kept in {@code unknown} so a trigger change to them still shows.
 */
final class AuditTicket {
  final String id;
  final String via;
  String status;
  String priority;
  String type;
  String subject;
  String description;
  String group;
  String assignee;
  String organization;
  String requester;
  String requesterZendeskId;
  String requesterName;
  String requesterEmail;
  List<String> tags = new ArrayList<>();
  Map<String, String> customFields = new LinkedHashMap<>();
  Map<String, String> unknown = new LinkedHashMap<>();
  Instant createdAt;

  AuditTicket(String id, String via) {
    this.id = id;
    this.via = via;
  }

  AuditTicket copy() {
    AuditTicket c = new AuditTicket(id, via);
    c.status = status;
    c.priority = priority;
    c.type = type;
    c.subject = subject;
    c.description = description;
    c.group = group;
    c.assignee = assignee;
    c.organization = organization;
    c.requester = requester;
    c.requesterZendeskId = requesterZendeskId;
    c.requesterName = requesterName;
    c.requesterEmail = requesterEmail;
    c.tags = new ArrayList<>(tags);
    c.customFields = new LinkedHashMap<>(customFields);
    c.unknown = new LinkedHashMap<>(unknown);
    c.createdAt = createdAt;
    return c;
  }

  /** The ticket as of {@code at} (its creation time is the first time asked). */
  Ticket toTicket(Instant at) {
    if (createdAt == null) {
      createdAt = at;
    }
    Map<String, String> fields = new LinkedHashMap<>();
    customFields.forEach((k, v) -> {
      if (v != null && !v.isEmpty()) {
        fields.put(k, v);
      }
    });
    return new Ticket(id, null, subject, description, TicketStatus.fromWire(status), TicketPriority.fromWire(priority),
        blankToNull(type), blankToNull(group), blankToNull(assignee), blankToNull(requester), requesterName, requesterEmail,
        blankToNull(organization), new LinkedHashSet<>(tags), fields, List.of(), via, createdAt, at);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
