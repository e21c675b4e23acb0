package io.handoff.zendeskimport;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.support.Actor;
import io.handoff.support.TicketUpdate;
import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketComment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilds each ticket's updates from its Zendesk audits. Events made by a trigger (their own
 * {@code via}, or the audit's, with {@code source.rel: trigger}) are what Zendesk's triggers did; the
 * other events of an audit are the update a person or the API made. For each audit with such an
 * update: {@code before} is the ticket as Zendesk had it after the previous audit (trigger changes
 * included), {@code after} adds this audit's own changes and its comment, and the recorded effects are
 * this audit's trigger events. Audits made only by automations or other rules move the ticket on but
 * are not replayed. Zendesk ids become Handoff names through the import's {@link IdMapping}.
 */
public final class AuditReplay {

  private static final Set<String> EMAILS = Set.of("Notification", "NotificationWithCcs");
  /**
   * Event types taken for a trigger's webhook (or target) call. Zendesk's Ticket Audit events reference
   * lists an "External event" but its fields are not confirmed there (a third-party client models
   * {@code resource}, {@code body}, {@code success}): only the call itself is recorded, named by
   * {@code resource} or {@code webhook_id} (docs/zendesk-import.md, "Equivalence check").
   */
  private static final Set<String> WEBHOOKS = Set.of("External", "Webhook", "WebhookEvent");
  private static final Map<String, String> CHANNELS = Map.of("web", "web_form", "email", "email", "api", "api",
      "web_widget", "web_widget", "mobile_sdk", "ios", "whatsapp", "whatsapp", "facebook", "facebook",
      "instagram_dm", "instagram", "rule", "rule", "sunshine_conversations_facebook_messenger", "facebook");

  /**
   * One replayable update.
   *
   * @param id the audit id
   * @param recorded what Zendesk's triggers did in this audit
   */
  public record Step(String id, Instant at, String where, TicketUpdate update, RuleEffects recorded) {}

  /** A ticket's replayable updates, oldest first. */
  public record RecordedTicket(String ticketId, List<Step> steps) {}

  private final IdMapping mapping;
  /** Zendesk user id → the sideloaded user ({@code include=users}: name, email). */
  private final Map<String, JsonNode> users = new java.util.HashMap<>();

  private AuditReplay(IdMapping mapping) {
    this.mapping = mapping;
  }

  /** Groups audits by ticket (first-seen order) and rebuilds each ticket's updates. */
  public static List<RecordedTicket> replay(List<AuditFile.Audit> audits, IdMapping mapping) {
    Map<String, List<AuditFile.Audit>> byTicket = new LinkedHashMap<>();
    for (AuditFile.Audit a : audits) {
      byTicket.computeIfAbsent(a.node().get("ticket_id").asText(), k -> new ArrayList<>()).add(a);
    }
    AuditReplay replay = new AuditReplay(mapping);
    for (AuditFile.Audit a : audits) {
      if (a.users() != null) {
        a.users().forEach(u -> replay.users.put(u.path("id").asText(), u));
      }
    }
    List<RecordedTicket> out = new ArrayList<>();
    byTicket.forEach((id, list) -> out.add(new RecordedTicket(id, replay.ticket(id, list))));
    return out;
  }

  /**
   * The SLA dry run's updates of replayed tickets, ticket by ticket: each audit is one update at its
   * {@code created_at}; the ticket after it is Zendesk's, its triggers' changes included (the next
   * audit's starting point).
   */
  public static List<io.handoff.sla.SlaDryRun.Update> slaUpdates(List<RecordedTicket> tickets) {
    List<io.handoff.sla.SlaDryRun.Update> out = new ArrayList<>();
    for (RecordedTicket t : tickets) {
      List<Step> steps = t.steps();
      for (int i = 0; i < steps.size(); i++) {
        Step s = steps.get(i);
        io.handoff.support.TicketUpdate u = s.update();
        var after = i + 1 < steps.size() ? steps.get(i + 1).update().before() : u.after();
        out.add(new io.handoff.sla.SlaDryRun.Update(s.id(), t.ticketId(), s.at(), u.before(), after, u.comment()));
      }
    }
    return out;
  }

  private List<Step> ticket(String ticketId, List<AuditFile.Audit> audits) {
    List<AuditFile.Audit> sorted = new ArrayList<>(audits);
    sorted.sort(Comparator.comparing(a -> at(a.node()), Comparator.nullsFirst(Comparator.naturalOrder())));
    List<Step> steps = new ArrayList<>();
    AuditTicket state = null;
    for (AuditFile.Audit audit : sorted) {
      JsonNode a = audit.node();
      JsonNode auditVia = a.path("via");
      List<JsonNode> own = new ArrayList<>();
      List<JsonNode> byTriggers = new ArrayList<>();
      boolean rule = false;
      for (JsonNode e : a.get("events")) {
        JsonNode via = e.has("via") ? e.get("via") : auditVia;
        if (isTrigger(via)) {
          byTriggers.add(e);
        } else {
          own.add(e);
          rule |= isRule(via);
        }
      }
      AuditTicket before = state;
      AuditTicket after = state == null ? new AuditTicket(ticketId, CHANNELS.getOrDefault(
          auditVia.path("channel").asText(""), auditVia.path("channel").asText(null))) : state.copy();
      JsonNode commentEvent = null;
      for (JsonNode e : own) {
        commentEvent = "Comment".equals(e.path("type").asText()) ? e : commentEvent;
        apply(after, e);
      }
      Instant at = at(a);
      // after every event: the creation audit names the requester after its comment
      TicketComment comment = commentEvent == null ? null : comment(commentEvent, a, after, at);
      Ticket afterTicket = after.toTicket(at);
      AuditTicket recorded = after.copy();
      byTriggers.forEach(e -> apply(recorded, e));
      if (!rule && !own.isEmpty()) {
        String key = "equivalence/" + ticketId + "/" + a.path("id").asText("");
        TicketUpdate u = new TicketUpdate(key, before == null ? null : before.toTicket(at), afterTicket, comment,
            actor(a, after), null, null, Map.of(), Map.of(), at, channel(auditVia));
        steps.add(new Step(a.path("id").asText(""), at, audit.where(), u,
            recorded(afterTicket, after, recorded, byTriggers)));
      }
      state = recorded;
    }
    return steps;
  }

  private RuleEffects recorded(Ticket after, AuditTicket afterDraft, AuditTicket recorded, List<JsonNode> events) {
    Ticket out = recorded.toTicket(after.updatedAt());
    Map<String, String> fields = new LinkedHashMap<>();
    Map<String, String> before = RuleEffects.values(after);
    RuleEffects.values(out).forEach((k, v) -> {
      if (!v.equals(before.get(k))) {
        fields.put(k, v);
      }
    });
    before.keySet().stream().filter(k -> !RuleEffects.values(out).containsKey(k)).forEach(k -> fields.put(k, ""));
    recorded.unknown.forEach((k, v) -> {
      if (!v.equals(afterDraft.unknown.get(k))) {
        fields.put(k, v);
      }
    });
    List<String> added = out.tags().stream().filter(t -> !after.tags().contains(t)).toList();
    List<String> removed = after.tags().stream().filter(t -> !out.tags().contains(t)).toList();
    List<RuleEffects.Sent> sent = new ArrayList<>();
    List<String> comments = new ArrayList<>();
    List<String> bodies = new ArrayList<>();
    List<String> triggers = new ArrayList<>();
    for (JsonNode e : events) {
      String type = e.path("type").asText();
      String trigger = triggerTitle(e.path("via"));
      String withId = trigger + " (#" + e.path("via").path("source").path("from").path("id").asText("?") + ")";
      if (!triggers.contains(withId)) {
        triggers.add(withId);
      }
      if (EMAILS.contains(type)) {
        List<String> to = new ArrayList<>();
        e.path("recipients").forEach(r -> to.add(r.isObject() ? r.path("id").asText() : r.asText()));
        sent.add(new RuleEffects.Sent("email", trigger, String.join(",", to), text(e, "subject"), text(e, "body")));
      } else if (WEBHOOKS.contains(type)) {
        String hook = e.hasNonNull("resource") ? e.get("resource").asText() : e.path("webhook_id").asText(null);
        sent.add(new RuleEffects.Sent("webhook", trigger, hook == null ? null : name(IdMapping.Kind.WEBHOOKS, hook),
            null, null));
      } else if ("Comment".equals(type)) {
        comments.add((e.path("public").asBoolean(false) ? "public reply" : "internal note") + " by \"" + trigger + "\"");
        bodies.add(text(e, "body"));
      }
    }
    return new RuleEffects(fields, added, removed, sent, comments, triggers, bodies);
  }

  /**
   * A recorded text (null when absent), with Zendesk ticket field ids in placeholders named as the
   * mapping names them, as the import writes them ({@code {{ticket.ticket_field_plan}}}).
   */
  private String text(JsonNode e, String field) {
    return e.hasNonNull(field) ? Bodies.mapFieldIds(e.get(field).asText(), mapping) : null;
  }

  /** Applies a Create or Change event's field value; other events do not change fields. */
  private void apply(AuditTicket t, JsonNode e) {
    String type = e.path("type").asText();
    if (!"Create".equals(type) && !"Change".equals(type)) {
      return;
    }
    String field = e.path("field_name").asText("");
    JsonNode value = e.get("value");
    String text = ZValues.text(value);
    switch (field) {
      case "status" -> t.status = text;
      case "priority" -> t.priority = text;
      case "type" -> t.type = text;
      case "subject" -> t.subject = text;
      case "description" -> t.description = text;
      case "group_id" -> t.group = name(IdMapping.Kind.GROUPS, text);
      case "assignee_id" -> t.assignee = name(IdMapping.Kind.USERS, text);
      case "organization_id" -> t.organization = name(IdMapping.Kind.ORGANIZATIONS, text);
      case "requester_id" -> {
        t.requesterZendeskId = text;
        t.requester = name(IdMapping.Kind.USERS, text);
        JsonNode user = text == null ? null : users.get(text);
        t.requesterName = user == null ? null : user.path("name").asText(null);
        t.requesterEmail = user == null ? null : user.path("email").asText(null);
      }
      case "tags", "current_tags" -> t.tags = tags(value);
      case "ticket_form_id" -> t.customFields.put("ticket_form", text == null ? "" : text);
      default -> {
        if (field.matches("\\d+")) {
          // multi-select values are lists of option tags; Handoff keeps them space-separated
          t.customFields.put(name(IdMapping.Kind.CUSTOM_FIELDS, field), text == null ? String.join(" ", tags(value)) : text);
        } else if (!field.isEmpty()) {
          t.unknown.put(field, text == null ? String.valueOf(value) : text);
        }
      }
    }
  }

  private static List<String> tags(JsonNode v) {
    List<String> out = new ArrayList<>();
    if (v != null && v.isArray()) {
      v.forEach(x -> out.add(x.asText()));
    } else if (v != null && v.isTextual()) {
      for (String s : v.asText().trim().split("\\s+")) {
        if (!s.isEmpty()) {
          out.add(s);
        }
      }
    }
    return out;
  }

  private String name(IdMapping.Kind kind, String id) {
    if (id == null || id.isEmpty()) {
      return id;
    }
    String mapped = mapping.lookup(kind, id);
    return mapped == null ? id : mapped;
  }

  /**
   * A Comment event as the ticket's comment, its author's role as for the audit's author (the comment's own
   * {@code author_id}, else the audit's), so a public agent reply fulfils SLA reply metrics and a
   * requester's comment counts as the customer's.
   */
  private TicketComment comment(JsonNode e, JsonNode audit, AuditTicket t, Instant at) {
    String author = e.hasNonNull("author_id") ? e.get("author_id").asText() : audit.path("author_id").asText(null);
    JsonNode user = author == null ? null : users.get(author);
    return new TicketComment(e.path("id").asLong(), e.path("body").asText(""), e.path("public").asBoolean(true),
        author, user == null ? null : user.path("name").asText(null), role(author, t), at);
  }

  /** The audit's author: the requester is an end user, -1 is Zendesk itself, anyone else an agent. */
  private Actor actor(JsonNode a, AuditTicket t) {
    String author = a.path("author_id").asText(null);
    TicketComment.AuthorRole role = role(author, t);
    // named through the users mapping, as assignees and requesters are, so "assignee is current user" compares
    JsonNode user = author == null ? null : users.get(author);
    return new Actor(name(IdMapping.Kind.USERS, author), user == null ? null : user.path("name").asText(null), role);
  }

  private static TicketComment.AuthorRole role(String author, AuditTicket t) {
    return "-1".equals(author) ? TicketComment.AuthorRole.SYSTEM
        : author != null && author.equals(t.requesterZendeskId) ? TicketComment.AuthorRole.END_USER
        : TicketComment.AuthorRole.AGENT;
  }

  /** A via object's channel as a Handoff channel name (other Zendesk channel names are kept), or null. */
  static String channel(JsonNode via) {
    String c = via.path("channel").asText("");
    return c.isEmpty() ? null : CHANNELS.getOrDefault(c, c);
  }

  static boolean isTrigger(JsonNode via) {
    return "trigger".equals(via.path("source").path("rel").asText(null));
  }

  /** Made by a business rule (automation, trigger, macro applied by the system): channel rule. */
  static boolean isRule(JsonNode via) {
    String rel = via.path("source").path("rel").asText("");
    return "rule".equals(via.path("channel").asText("")) || "automation".equals(rel);
  }

  private static String triggerTitle(JsonNode via) {
    JsonNode from = via.path("source").path("from");
    return from.hasNonNull("title") ? from.get("title").asText() : "trigger " + from.path("id").asText("?");
  }

  private static Instant at(JsonNode a) {
    return a.hasNonNull("created_at") ? Instant.parse(a.get("created_at").asText()) : null;
  }
}
