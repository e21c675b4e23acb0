package io.handoff.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.ticket.HelpdeskDirectory;
import io.handoff.ticket.NewComment;
import io.handoff.ticket.TicketChange;
import io.handoff.ticket.TicketComment.AuthorRole;
import io.handoff.ticket.TicketPriority;
import io.handoff.ticket.TicketStatus;
import io.handoff.ticket.TicketType;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Maps Zendesk webhook bodies onto ticket commands. Two shapes are understood:
 *
 * <ul>
 *   <li>Zendesk event webhooks ({@code "type": "zen:event-type:ticket.status_changed"}, {@code
 *       ticket.priority_changed}, {@code ticket.type_changed}, {@code
 *       ticket.group_assignment_changed}, {@code ticket.agent_assignment_changed}, {@code
 *       ticket.tags_changed}, {@code ticket.comment_added}) with {@code detail} (the ticket) and
 *       {@code event} (the delta).
 *   <li>A trigger webhook whose JSON body is Handoff's "ticket updated" shape: {@code {"type":
 *       "ticket.updated", "ticket": {"id": "{{ticket.id}}", "status": "{{ticket.status}}",
 *       "priority": "{{ticket.priority}}", "group_id": "{{ticket.group.id}}", "assignee_id":
 *       "{{ticket.assignee.id}}", "tags": "{{ticket.tags}}", "actor_id": "{{current_user.id}}"}}}.
 * </ul>
 *
 * Zendesk group and user ids become directory ids through their {@code zendeskId}.
 */
public final class ZendeskEventMapper {

  private static final String PREFIX = "zen:event-type:";

  private final HelpdeskDirectory directory;
  private final Set<String> ownActorIds;

  /**
   * @param ownActorIds Zendesk user ids whose changes are Handoff's own writes through the API
   *     (the API token's user): their events are echoes of what the journey already knows.
   */
  public ZendeskEventMapper(HelpdeskDirectory directory, Set<String> ownActorIds) {
    this.directory = directory;
    this.ownActorIds = Set.copyOf(ownActorIds);
  }

  public ZendeskEventMapper(HelpdeskDirectory directory) {
    this(directory, Set.of());
  }

  /** The command an event body asks for; {@link ZendeskCommand.Ignored} when none. */
  public ZendeskCommand map(JsonNode body) {
    String type = body.path("type").asText("");
    String actor = first(text(body.path("detail").path("actor_id")),
        text(body.path("ticket").path("actor_id")));
    if (actor != null && ownActorIds.contains(actor)) {
      return new ZendeskCommand.Ignored("change made by Handoff itself (actor " + actor + ")");
    }
    if (type.equals("ticket.updated")) {
      return triggerUpdate(body.path("ticket"));
    }
    if (!type.startsWith(PREFIX + "ticket.")) {
      return new ZendeskCommand.Ignored("event type '" + type + "' is not a ticket event");
    }
    String ticketId = ticketId(body);
    if (ticketId == null) {
      return new ZendeskCommand.Ignored("event has no ticket id");
    }
    JsonNode event = body.path("event");
    TicketChange.Builder change = TicketChange.builder();
    switch (type.substring(PREFIX.length())) {
      case "ticket.comment_added" -> {
        return comment(ticketId, event.path("comment"));
      }
      case "ticket.status_changed" -> {
        TicketStatus s = TicketStatus.fromWire(text(event.path("current")));
        if (s == null) {
          return new ZendeskCommand.Ignored("status '" + text(event.path("current"))
              + "' is not a ticket status Handoff tracks");
        }
        change.status(s.wireName());
      }
      case "ticket.priority_changed" -> change.priority(lower(text(event.path("current"))));
      case "ticket.type_changed" -> change.type(lower(text(event.path("current"))));
      case "ticket.group_assignment_changed" -> change.group(
          local(idOf(event.path("current")), z -> directory.groupByZendeskId(z).map(g -> g.id())));
      case "ticket.agent_assignment_changed" -> change.assignee(
          local(idOf(event.path("current")), z -> directory.agentByZendeskId(z).map(a -> a.id())));
      case "ticket.tags_changed" -> {
        event.path("tags_added").forEach(t -> change.addTag(t.asText()));
        event.path("tags_removed").forEach(t -> change.removeTag(t.asText()));
      }
      default -> {
        return new ZendeskCommand.Ignored("event type '" + type + "' is not mapped");
      }
    }
    return new ZendeskCommand.Change(ticketId, change.build());
  }

  private ZendeskCommand comment(String ticketId, JsonNode c) {
    String body = text(c.path("body"));
    if (body == null || body.isBlank()) {
      return new ZendeskCommand.Ignored("comment has no body");
    }
    JsonNode author = c.path("author");
    boolean staff = author.path("is_staff").asBoolean(false);
    String rawAuthor = text(author.path("id"));
    String authorId = rawAuthor == null ? null
        : local(rawAuthor, z -> directory.agentByZendeskId(z).map(a -> a.id()));
    return new ZendeskCommand.Comment(ticketId, new NewComment(body,
        c.path("is_public").asBoolean(true), authorId, text(author.path("name")),
        staff ? AuthorRole.AGENT : AuthorRole.END_USER));
  }

  private ZendeskCommand triggerUpdate(JsonNode t) {
    String ticketId = text(t.path("id"));
    if (ticketId == null || ticketId.isBlank()) {
      return new ZendeskCommand.Ignored("ticket.updated without ticket.id");
    }
    TicketChange.Builder change = TicketChange.builder();
    TicketStatus status = TicketStatus.fromWire(text(t.path("status")));
    if (status != null) {
      change.status(status.wireName());
    }
    String priority = text(t.path("priority"));
    if (priority != null) {
      TicketPriority p = TicketPriority.fromWire(priority);
      change.priority(p == null ? "" : p.wireName());
    }
    String type = text(t.path("type"));
    if (type != null && TicketType.fromWire(type) != null) {
      change.type(TicketType.fromWire(type).wireName());
    }
    if (t.has("group_id")) {
      change.group(local(blankToEmpty(text(t.path("group_id"))),
          z -> directory.groupByZendeskId(z).map(g -> g.id())));
    }
    if (t.has("assignee_id")) {
      change.assignee(local(blankToEmpty(text(t.path("assignee_id"))),
          z -> directory.agentByZendeskId(z).map(a -> a.id())));
    }
    if (t.has("tags")) {
      change.setTags(tags(t.path("tags")));
    }
    return new ZendeskCommand.Change(ticketId, change.build());
  }

  private static Set<String> tags(JsonNode node) {
    Set<String> tags = new LinkedHashSet<>();
    if (node.isArray()) {
      node.forEach(n -> tags.add(n.asText()));
    } else {
      for (String tag : node.asText("").trim().split("\\s+")) {
        if (!tag.isEmpty()) {
          tags.add(tag);
        }
      }
    }
    return tags;
  }

  private static String ticketId(JsonNode body) {
    String id = text(body.path("detail").path("id"));
    if (id != null) {
      return id;
    }
    String subject = text(body.path("subject"));
    return subject != null && subject.startsWith("zen:ticket:")
        ? subject.substring("zen:ticket:".length()) : null;
  }

  /** Assignment events carry the id as a string, a number or an object with an id. */
  private static String idOf(JsonNode n) {
    return n.isObject() ? text(n.path("id")) : blankToEmpty(text(n));
  }

  private static String local(String zendeskId,
      Function<String, java.util.Optional<String>> lookup) {
    if (zendeskId == null || zendeskId.isEmpty()) {
      return "";
    }
    return lookup.apply(zendeskId).orElse(zendeskId);
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }

  private static String blankToEmpty(String s) {
    return s == null || s.isBlank() || s.equals("null") ? "" : s.trim();
  }

  private static String first(String a, String b) {
    return a != null ? a : b;
  }

  private static String text(JsonNode n) {
    return n.isNull() || n.isMissingNode() ? null : n.asText();
  }
}
