package io.handoff.support;

import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketComment;
import io.handoff.trigger.IdempotencyKeys;
import io.handoff.trigger.Placeholders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Function;

/** Renders queued comments and notifications with the final ticket, each with its idempotency key. */
final class SupportEffects {

  final List<CommentToAdd> comments = new ArrayList<>();
  final List<Notification> notifications = new ArrayList<>();

  SupportEffects(List<SupportActionApplier.Queued> queued, Ticket ticket, TicketUpdate update,
      SupportTriggerSet set, DirectoryNames names) {
    Function<String, String> values = set.content().values(placeholderValues(ticket, update, names),
        languages(update));
    for (SupportActionApplier.Queued q : queued) {
      String key = IdempotencyKeys.forAction(update.idempotencyKey(), q.trigger().title(), q.index());
      SupportAction a = q.action();
      String title = q.trigger().title();
      switch (a.type()) {
        case REPLY_PUBLIC, REPLY_INTERNAL -> comments.add(new CommentToAdd(title, q.index(),
            a.type() == SupportActionType.REPLY_PUBLIC, Placeholders.render(a.value(), values), key));
        case NOTIFY_WEBHOOK -> notifications.add(new Notification(Notification.Kind.WEBHOOK, title,
            q.index(), "webhook", a.args().get(0), null, Placeholders.renderJson(a.args().get(1), values),
            set.webhooks().get(a.args().get(0)).endpoint(), key));
        default -> notifications.add(email(a, title, q.index(), ticket, update, values, key));
      }
    }
  }

  private static Notification email(SupportAction a, String title, int index, Ticket t, TicketUpdate u,
      Function<String, String> values, String key) {
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
        default -> { type = "user"; recipient = to; }
      }
    }
    return new Notification(Notification.Kind.EMAIL, title, index, type, recipient,
        Placeholders.render(a.args().get(1), values), Placeholders.render(a.args().get(2), values), null, key);
  }

  /**
   * The requester's languages for dynamic content: the journey passes the conversation's detected
   * language and the customer's locale as requester fields {@code language} and {@code locale}.
   */
  static List<String> languages(TicketUpdate u) {
    return io.handoff.rules.DynamicContent.languages(u.requesterFields().get("language"),
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
      default -> "";
    };
  }

  private static String latestComment(Ticket t, TicketUpdate u) {
    if (u.comment() != null) {
      return u.comment().body();
    }
    List<TicketComment> all = t.comments();
    return all.isEmpty() ? "" : all.get(all.size() - 1).body();
  }
}
