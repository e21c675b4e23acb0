package io.handoff.support;

import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketComment;
import io.handoff.trigger.IdempotencyKeys;
import io.handoff.trigger.Liquid;
import io.handoff.trigger.Placeholders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Renders queued comments and notifications, each with its idempotency key: a trigger's or automation's
 * with the final ticket, an SLA escalation's with its own placeholders ({@link #escalation}).
 */
final class SupportEffects {

  final List<CommentToAdd> comments = new ArrayList<>();
  final List<Notification> notifications = new ArrayList<>();

  SupportEffects(List<SupportActionApplier.Queued> queued, Ticket ticket, TicketUpdate update,
      SupportTriggerSet set, DirectoryNames names) {
    Liquid.Scope values = scope(set, ticket, update, names);
    for (SupportActionApplier.Queued q : queued) {
      String key = IdempotencyKeys.forAction(update.idempotencyKey(), q.trigger().title(), q.index());
      SupportAction a = q.action();
      String title = q.trigger().title();
      switch (a.type()) {
        case REPLY_PUBLIC, REPLY_INTERNAL -> comments.add(new CommentToAdd(title, q.index(),
            a.type() == SupportActionType.REPLY_PUBLIC, Placeholders.render(a.value(), values), key));
        case NOTIFY_WEBHOOK -> {
          Webhook hook = set.webhooks().get(a.args().get(0));
          // An xml payload is sent as written; JSON payloads and [[key, value]] parameters stay valid JSON.
          String body = "xml".equals(hook.format()) && !hook.takesParameters()
              ? Placeholders.render(a.args().get(1), values) : Placeholders.renderJson(a.args().get(1), values);
          notifications.add(new Notification(Notification.Kind.WEBHOOK, title, q.index(), "webhook",
              a.args().get(0), null, body, hook.endpoint(), key));
        }
        default -> notifications.add(email(a, title, q.index(), ticket, update, values, key));
      }
    }
  }

  /**
   * An SLA escalation's comments and notifications, in action order, as escalations have always sent them:
   * texts rendered with {@code values} (the {@code sla.*} and ticket placeholders), the index counted from
   * 1, e-mails to the address written, webhooks named (their endpoint resolved when sent).
   */
  static List<TicketEffect> escalation(List<SupportActionApplier.Queued> queued, Function<String, String> values,
      String title, IntFunction<String> keys) {
    List<TicketEffect> out = new ArrayList<>(queued.size());
    for (SupportActionApplier.Queued q : queued) {
      SupportAction a = q.action();
      String key = keys.apply(q.index());
      int index = q.index() + 1;
      out.add(switch (a.type()) {
        case REPLY_PUBLIC, REPLY_INTERNAL -> new CommentToAdd(title, index, a.type() == SupportActionType.REPLY_PUBLIC,
            Placeholders.render(a.value(), values), key);
        case NOTIFY_WEBHOOK -> new Notification(Notification.Kind.WEBHOOK, title, index, "webhook", a.args().get(0),
            null, Placeholders.render(a.args().get(1), values), a.args().get(0), key);
        default -> new Notification(Notification.Kind.EMAIL, title, index, "user", a.args().get(0),
            Placeholders.render(a.args().get(1), values), Placeholders.render(a.args().get(2), values), null, key);
      });
    }
    return out;
  }

  private static Notification email(SupportAction a, String title, int index, Ticket t, TicketUpdate u,
      Liquid.Scope values, String key) {
    String to = a.args().get(0);
    String type;
    String recipient;
    if (a.type() == SupportActionType.NOTIFY_GROUP) {
      type = "group";
      recipient = "group_id".equals(to) ? t.group() : to;
    } else {
      switch (to) {
        case "requester_id", "requester_and_ccs" -> { type = "requester_id"; recipient = t.requesterEmail(); }
        case "assignee_id" -> { type = "assignee_id"; recipient = t.assignee(); }
        case "current_user" -> { type = "current_user"; recipient = u.actor() == null ? null : u.actor().id(); }
        case "all_agents" -> { type = "all_agents"; recipient = "all_agents"; }
        default -> { type = "user"; recipient = to; }
      }
    }
    return new Notification(Notification.Kind.EMAIL, title, index, type, recipient,
        Placeholders.render(a.args().get(1), values), Placeholders.render(a.args().get(2), values), null, key);
  }

  /**
   * What rule texts read for the final ticket: the placeholders (dynamic content in the requester's
   * languages), the lists {@code ticket.comments} and {@code ticket.public_comments} (newest first, as
   * Zendesk orders them) and the update's time as {@code 'now'}.
   */
  static Liquid.Scope scope(SupportTriggerSet set, Ticket t, TicketUpdate u, DirectoryNames names) {
    Liquid.Scope own = new Liquid.Scope(placeholderValues(t, u, names), name -> switch (name) {
      case "ticket.comments" -> commentItems(comments(t, u), false);
      case "ticket.public_comments" -> commentItems(comments(t, u), true);
      default -> null;
    }, u.at());
    return set.content().scope(own, languages(u));
  }

  /** Comments as Liquid list items, newest first, with the properties of {@link SupportVocabulary#COMMENT_PROPERTIES}. */
  private static List<Function<String, String>> commentItems(List<TicketComment> comments, boolean publicOnly) {
    List<Function<String, String>> out = new ArrayList<>();
    for (int i = comments.size() - 1; i >= 0; i--) {
      TicketComment c = comments.get(i);
      if (publicOnly && !c.isPublic()) {
        continue;
      }
      out.add(property -> switch (property) {
        case "value", "body" -> c.body() == null ? "" : c.body();
        case "value_rich" -> html(c.body());
        case "is_public" -> String.valueOf(c.isPublic());
        case "id" -> String.valueOf(c.id());
        case "created_at", "created_at_with_time" -> c.createdAt() == null ? "" : c.createdAt().toString();
        case "author.name" -> c.authorName() != null ? c.authorName() : c.authorId() == null ? "" : c.authorId();
        case "author.id" -> c.authorId() == null ? "" : c.authorId();
        default -> null;
      });
    }
    return out;
  }

  /**
   * The requester's languages for dynamic content: the journey passes the conversation's detected
   * language and the customer's locale as requester fields {@code language} and {@code locale}.
   */
  static List<String> languages(TicketUpdate u) {
    return io.handoff.trigger.DynamicContent.languages(u.requesterFields().get("language"),
        u.requesterFields().get("locale"));
  }

  /** Values of {@link SupportVocabulary#PLACEHOLDERS} for the final ticket. */
  static Function<String, String> placeholderValues(Ticket t, TicketUpdate u, DirectoryNames names) {
    return name -> switch (name) {
      case "ticket.id" -> t.id();
      case "ticket.external_id" -> t.externalId();
      case "ticket.title" -> t.subject();
      case "ticket.description" -> t.description();
      case "ticket.status" -> t.status() == null ? "" : t.status().wireName();
      case "ticket.priority" -> t.priority() == null ? "" : t.priority().wireName();
      case "ticket.ticket_type" -> t.type();
      case "ticket.group.name" -> names.group(t.group());
      case "ticket.assignee.name" -> names.agent(t.assignee());
      case "ticket.requester.name", "customer.name" -> t.requesterName();
      case "ticket.requester.email" -> t.requesterEmail();
      case "ticket.organization.name" -> t.organization();
      case "ticket.tags" -> String.join(" ", new TreeSet<>(t.tags()));
      case "ticket.via" -> t.via() == null ? "" : t.via().toLowerCase(Locale.ROOT);
      case "ticket.latest_comment" -> latestComment(t, u);
      case "current_user.name" -> u.actor() == null ? "" : u.actor().name();
      case "current_user.first_name" -> firstName(u.actor() == null ? null : u.actor().name());
      case "current_user.email" -> u.actor() == null ? "" : names.agentEmail(u.actor().id());
      case "ticket.account" -> names.account().name();
      case "ticket.link" -> names.account().ticketUrl(t.id());
      case "ticket.url" -> withoutScheme(names.account().ticketUrl(t.id()));
      case "ticket.comments_formatted" -> formatted(comments(t, u), false);
      case "ticket.public_comments_formatted" -> formatted(comments(t, u), true);
      case "ticket.latest_comment_html" -> html(latestComment(t, u));
      case "ticket.latest_public_comment" -> latestPublic(t, u);
      case "ticket.latest_public_comment_html" -> html(latestPublic(t, u));
      case "ticket.requester.first_name" -> firstName(t.requesterName());
      case "ticket.requester.last_name" -> lastName(t.requesterName());
      case "ticket.assignee.email" -> names.agentEmail(t.assignee());
      case "ticket.assignee.first_name" -> firstName(names.agent(t.assignee()));
      case "ticket.assignee.last_name" -> lastName(names.agent(t.assignee()));
      case "ticket.requester.id" -> t.requesterId();
      case "ticket.assignee.id" -> t.assignee();
      // Zendesk's ISO 8601 date/time in UTC; the update happens now, so the ticket was last updated now
      case "ticket.created_at_with_timestamp" -> timestamp(t.createdAt());
      case "ticket.updated_at_with_timestamp" -> timestamp(u.at() != null ? u.at() : t.updatedAt());
      default -> keyed(name, t, u);
    };
  }

  /** The keyed families of {@link SupportVocabulary#PLACEHOLDER_PREFIXES}. */
  private static String keyed(String name, Ticket t, TicketUpdate u) {
    if (name.startsWith("ticket.ticket_field_")) {
      return t.customFields().get(name.substring("ticket.ticket_field_".length()));
    }
    if (name.startsWith("ticket.organization.custom_fields.")) {
      return u.organizationFields().get(name.substring("ticket.organization.custom_fields.".length()));
    }
    if (name.startsWith("ticket.requester.custom_fields.")) {
      return u.requesterFields().get(name.substring("ticket.requester.custom_fields.".length()));
    }
    return "";
  }

  /** The ticket's comments, oldest first, with this update's comment when the ticket does not list it yet. */
  private static List<TicketComment> comments(Ticket t, TicketUpdate u) {
    List<TicketComment> all = new ArrayList<>(t.comments());
    TicketComment c = u.comment();
    if (c != null && all.stream().noneMatch(x -> x.id() == c.id() && java.util.Objects.equals(x.body(), c.body()))) {
      all.add(c);
    }
    return all;
  }

  /**
   * Zendesk's comment digest: newest first, each with its author and time, separated by a rule; the
   * public variant leaves internal notes out.
   */
  private static String formatted(List<TicketComment> comments, boolean publicOnly) {
    StringBuilder s = new StringBuilder();
    for (int i = comments.size() - 1; i >= 0; i--) {
      TicketComment c = comments.get(i);
      if (publicOnly && !c.isPublic()) {
        continue;
      }
      if (s.length() > 0) {
        s.append("\n\n----------------------------------------------\n\n");
      }
      String who = c.authorName() != null ? c.authorName() : c.authorId() != null ? c.authorId() : "";
      s.append(who);
      if (c.createdAt() != null) {
        s.append(who.isEmpty() ? "" : ", ").append(c.createdAt());
      }
      s.append(c.isPublic() ? "" : " (internal note)").append("\n\n").append(c.body() == null ? "" : c.body());
    }
    return s.toString();
  }

  private static String latestPublic(Ticket t, TicketUpdate u) {
    List<TicketComment> all = comments(t, u);
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).isPublic()) {
        return all.get(i).body();
      }
    }
    return "";
  }

  /** Plain text as HTML: escaped, paragraphs on blank lines, line breaks kept. */
  static String html(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    StringBuilder s = new StringBuilder();
    for (String para : escaped.split("\\n\\s*\\n")) {
      s.append("<p>").append(para.strip().replace("\n", "<br>")).append("</p>");
    }
    return s.toString();
  }

  private static String firstName(String name) {
    if (name == null || name.isBlank()) {
      return "";
    }
    return name.strip().split("\\s+")[0];
  }

  private static String lastName(String name) {
    if (name == null || name.isBlank()) {
      return "";
    }
    String n = name.strip();
    int space = n.indexOf(' ');
    return space < 0 ? "" : n.substring(space + 1).strip();
  }

  /** An instant as Zendesk's {@code *_with_timestamp} placeholders print it: ISO 8601 in UTC, to the second. */
  private static String timestamp(java.time.Instant at) {
    return at == null ? "" : at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }

  private static String withoutScheme(String url) {
    return url == null ? null : url.replaceFirst("^https?://", "");
  }

  private static String latestComment(Ticket t, TicketUpdate u) {
    if (u.comment() != null) {
      return u.comment().body();
    }
    List<TicketComment> all = t.comments();
    return all.isEmpty() ? "" : all.get(all.size() - 1).body();
  }
}
