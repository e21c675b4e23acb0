package io.handoff.ticket.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.handoff.ticket.CustomerReplyEffect;
import io.handoff.ticket.HelpdeskDirectory;
import io.handoff.ticket.HelpdeskException;
import io.handoff.ticket.HelpdeskException.Kind;
import io.handoff.ticket.NewComment;
import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketChange;
import io.handoff.ticket.TicketComment;
import io.handoff.ticket.TicketComment.AuthorRole;
import io.handoff.ticket.TicketDraft;
import io.handoff.ticket.TicketPriority;
import io.handoff.ticket.TicketStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Maps Handoff's ticket model to Zendesk's Tickets API JSON and back. Group and agent ids of
 * {@code helpdesk.yaml} become Zendesk ids through their {@code zendeskId}; numeric ids pass through
 * unchanged, so an unmapped Zendesk group still round-trips. Custom fields travel by numeric field id.
 */
final class ZendeskTicketJson {

  private static final Logger LOG = Logger.getLogger(ZendeskTicketJson.class);

  private final ObjectMapper json;
  private final HelpdeskDirectory directory;

  ZendeskTicketJson(ObjectMapper json, HelpdeskDirectory directory) {
    this.json = json;
    this.directory = directory;
  }

  ObjectNode createBody(TicketDraft d) {
    ObjectNode t = json.createObjectNode();
    t.put("subject", d.subject());
    ObjectNode comment = t.putObject("comment");
    comment.put("body", d.description() == null || d.description().isBlank()
        ? d.subject() : d.description());
    comment.put("public", true);
    if (isNumeric(d.requesterId())) {
      t.put("requester_id", Long.parseLong(d.requesterId()));
    } else if (d.requesterEmail() != null || d.requesterName() != null) {
      ObjectNode requester = t.putObject("requester");
      requester.put("name", d.requesterName() == null ? d.requesterEmail() : d.requesterName());
      if (d.requesterEmail() != null) {
        requester.put("email", d.requesterEmail());
      }
    }
    TicketPriority p = TicketPriority.fromWire(d.priority());
    if (p != null) {
      t.put("priority", p.wireName());
    }
    putId(t, "group_id", d.group(), this::groupZendeskId);
    ArrayNode tags = t.putArray("tags");
    d.tags().forEach(tags::add);
    t.put("external_id", d.conversationId());
    Map<String, String> fields = new LinkedHashMap<>(d.customFields());
    String followUpOf = fields.remove(CustomerReplyEffect.FOLLOW_UP_OF);
    if (isNumeric(followUpOf)) {
      // Zendesk links a follow-up to its closed ticket through this field (via "closed_ticket").
      t.put("via_followup_source_id", Long.parseLong(followUpOf));
    }
    putCustomFields(t, fields);
    return wrap(t);
  }

  ObjectNode updateBody(TicketChange c) {
    ObjectNode t = json.createObjectNode();
    if (c.status() != null) {
      t.put("status", TicketStatus.fromWire(c.status()).wireName());
    }
    if (c.priority() != null) {
      TicketPriority p = TicketPriority.fromWire(c.priority());
      t.put("priority", p == null ? null : p.wireName());
    }
    if (c.type() != null) {
      t.put("type", c.type().isEmpty() ? null : c.type().toLowerCase(java.util.Locale.ROOT));
    }
    putId(t, "group_id", c.group(), this::groupZendeskId);
    putId(t, "assignee_id", c.assignee(), this::agentZendeskId);
    if (c.setTags() != null) {
      ArrayNode tags = t.putArray("tags");
      c.setTags().forEach(tags::add);
    }
    if (!c.addTags().isEmpty()) {
      ArrayNode tags = t.putArray("additional_tags");
      c.addTags().forEach(tags::add);
    }
    if (!c.removeTags().isEmpty()) {
      ArrayNode tags = t.putArray("remove_tags");
      c.removeTags().forEach(tags::add);
    }
    putCustomFields(t, c.customFields());
    return wrap(t);
  }

  /** A comment update; the key goes into the audit's custom metadata so a retry can find it. */
  ObjectNode commentBody(NewComment n, String idempotencyKey) {
    ObjectNode t = json.createObjectNode();
    ObjectNode comment = t.putObject("comment");
    comment.put("body", n.body());
    comment.put("public", n.isPublic());
    String author = n.authorId() == null ? null : agentZendeskId(n.authorId());
    if (isNumeric(author)) {
      comment.put("author_id", Long.parseLong(author));
    }
    t.putObject("metadata").put(ZendeskHelpdesk.KEY_METADATA, idempotencyKey);
    return wrap(t);
  }

  Ticket ticket(JsonNode root, List<TicketComment> comments) {
    JsonNode t = root.path("ticket");
    if (!t.isObject()) {
      t = root;
    }
    if (!t.path("id").canConvertToLong()) {
      throw malformed("a ticket without an id");
    }
    Set<String> tags = new LinkedHashSet<>();
    t.path("tags").forEach(n -> tags.add(n.asText()));
    Map<String, String> fields = new LinkedHashMap<>();
    t.path("custom_fields").forEach(f -> {
      if (!f.path("value").isNull() && !f.path("value").isMissingNode()) {
        fields.put(f.path("id").asText(), f.path("value").isTextual()
            ? f.path("value").asText() : f.path("value").toString());
      }
    });
    return new Ticket(t.path("id").asText(), text(t, "external_id"), text(t, "subject"),
        text(t, "description"), TicketStatus.fromWire(text(t, "status")),
        TicketPriority.fromWire(text(t, "priority")), text(t, "type"),
        fromZendesk(text(t, "group_id"), id -> directory.groupByZendeskId(id).map(g -> g.id())),
        fromZendesk(text(t, "assignee_id"), id -> directory.agentByZendeskId(id).map(a -> a.id())),
        text(t, "requester_id"), null, null, text(t, "organization_id"), tags, fields, comments,
        text(t.path("via"), "channel"), instant(t, "created_at"), instant(t, "updated_at"));
  }

  /** Comments of {@code GET .../comments.json?include=users}; roles come from the sideloaded users. */
  List<TicketComment> comments(JsonNode root) {
    Map<String, JsonNode> users = new LinkedHashMap<>();
    root.path("users").forEach(u -> users.put(u.path("id").asText(), u));
    List<TicketComment> out = new ArrayList<>();
    root.path("comments").forEach(c -> out.add(comment(c, users.get(c.path("author_id").asText()),
        instant(c, "created_at"))));
    return out;
  }

  TicketComment comment(JsonNode c, JsonNode user, Instant createdAt) {
    String authorId = text(c, "author_id");
    String role = user == null ? null : text(user, "role");
    AuthorRole authorRole = role == null ? AuthorRole.AGENT
        : "end-user".equals(role) ? AuthorRole.END_USER : AuthorRole.AGENT;
    String localId = fromZendesk(authorId, id -> directory.agentByZendeskId(id).map(a -> a.id()));
    return new TicketComment(c.path("id").asLong(), text(c, "body"), c.path("public").asBoolean(true),
        localId, user == null ? null : text(user, "name"), authorRole, createdAt);
  }

  private void putId(ObjectNode t, String field, String localId, Function<String, String> map) {
    if (localId == null) {
      return;
    }
    if (localId.isEmpty()) {
      t.putNull(field);
      return;
    }
    String zendeskId = map.apply(localId);
    if (!isNumeric(zendeskId)) {
      throw new HelpdeskException(Kind.INVALID, 0, field + ": '" + localId
          + "' has no zendeskId in helpdesk.yaml", null, Map.of(field, List.of("no Zendesk id")), null);
    }
    t.put(field, Long.parseLong(zendeskId));
  }

  private void putCustomFields(ObjectNode t, Map<String, String> fields) {
    if (fields.isEmpty()) {
      return;
    }
    ArrayNode array = t.putArray("custom_fields");
    fields.forEach((k, v) -> {
      if (isNumeric(k)) {
        array.addObject().put("id", Long.parseLong(k)).put("value", v.isEmpty() ? null : v);
      } else {
        LOG.warnf("custom field '%s' is not sent to Zendesk: Zendesk custom fields are numeric ids", k);
      }
    });
  }

  String groupZendeskId(String localId) {
    return directory.group(localId).map(g -> g.zendeskId()).orElse(localId);
  }

  String agentZendeskId(String localId) {
    return directory.agent(localId).map(a -> a.zendeskId()).orElse(localId);
  }

  private static String fromZendesk(String zendeskId,
      Function<String, java.util.Optional<String>> lookup) {
    return zendeskId == null ? null : lookup.apply(zendeskId).orElse(zendeskId);
  }

  private ObjectNode wrap(ObjectNode ticket) {
    ObjectNode root = json.createObjectNode();
    root.set("ticket", ticket);
    return root;
  }

  static HelpdeskException malformed(String what) {
    return new HelpdeskException(Kind.UNAVAILABLE, 0, "malformed Zendesk reply: " + what);
  }

  static String text(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isNull() || v.isMissingNode() ? null : v.asText();
  }

  static Instant instant(JsonNode n, String field) {
    String s = text(n, field);
    return s == null ? null : Instant.parse(s);
  }

  static boolean isNumeric(String s) {
    return s != null && !s.isEmpty() && s.chars().allMatch(Character::isDigit);
  }
}
