package io.handoff.support;

import io.handoff.trigger.Condition;
import io.handoff.trigger.FieldRef;
import io.handoff.trigger.Operator;
import io.handoff.trigger.Vocabulary;
import java.util.Set;

/** The closed vocabulary of support-trigger conditions and placeholders. */
public final class SupportVocabulary implements Vocabulary<SupportField> {

  /** Zendesk placeholder names available in comments, e-mails and webhook bodies. */
  public static final Set<String> PLACEHOLDERS = Set.of(
      "ticket.id", "ticket.external_id", "ticket.title", "ticket.description", "ticket.status",
      "ticket.priority", "ticket.ticket_type", "ticket.group.name", "ticket.assignee.name",
      "ticket.requester.name", "ticket.requester.email", "ticket.organization.name", "ticket.tags",
      "ticket.via", "ticket.latest_comment", "current_user.name", "customer.name",
      "ticket.account", "ticket.url", "ticket.link", "ticket.comments_formatted",
      "ticket.public_comments_formatted", "ticket.latest_comment_html", "ticket.latest_public_comment",
      "ticket.latest_public_comment_html", "ticket.requester.first_name", "ticket.requester.last_name",
      "ticket.assignee.email", "ticket.assignee.first_name", "current_user.email", "current_user.first_name",
      "ticket.assignee.last_name", "ticket.requester.id", "ticket.assignee.id",
      "ticket.created_at_with_timestamp", "ticket.updated_at_with_timestamp");

  /**
   * Placeholder families with a key: a ticket custom field ({@code ticket.ticket_field_<key>}, Handoff's
   * custom field key) and requester / organization custom fields.
   */
  public static final java.util.List<String> PLACEHOLDER_PREFIXES = java.util.List.of(
      "ticket.ticket_field_", "ticket.organization.custom_fields.", "ticket.requester.custom_fields.");

  /** List placeholders a Liquid {@code for} can iterate: the ticket's comments, newest first. */
  public static final Set<String> LISTS = Set.of("ticket.comments", "ticket.public_comments");

  /** Properties of a comment in such a loop ({@code {{comment.author.name}}}). */
  public static final Set<String> COMMENT_PROPERTIES = Set.of("value", "body", "value_rich", "is_public", "id",
      "created_at", "created_at_with_time", "author.name", "author.id");

  /**
   * True for a placeholder name support-trigger texts may use; a loop variable's property is named
   * {@code <list>[].<property>} ({@code ticket.comments[].author.name}, see {@code Liquid.references}).
   */
  public static boolean isPlaceholder(String name) {
    int loop = name.indexOf("[].");
    if (loop > 0) {
      return LISTS.contains(name.substring(0, loop)) && COMMENT_PROPERTIES.contains(name.substring(loop + 3));
    }
    return PLACEHOLDERS.contains(name) || LISTS.contains(name) || PLACEHOLDER_PREFIXES.stream()
        .anyMatch(p -> name.startsWith(p) && name.length() > p.length() && name.substring(p.length()).matches("[\\w.-]+"));
  }

  /** The placeholder names in {@code text} that support-trigger texts cannot use. */
  public static java.util.List<String> unknownPlaceholders(String text) {
    return io.handoff.trigger.Placeholders.names(text).stream().filter(n -> !isPlaceholder(n)).toList();
  }

  public static final SupportVocabulary INSTANCE = new SupportVocabulary();

  @Override
  public FieldRef<SupportField> field(String name) {
    for (SupportField f : SupportField.values()) {
      if (f.isPrefix() && name.startsWith(f.wireName()) && name.length() > f.wireName().length()) {
        return ref(name, f, name.substring(f.wireName().length()));
      }
      if (!f.isPrefix() && f.wireName().equals(name)) {
        return ref(name, f, null);
      }
    }
    return null;
  }

  private static FieldRef<SupportField> ref(String name, SupportField f, String key) {
    return new FieldRef<>(name, f, key, f.type(), f.operators(), f.allowedValues());
  }

  @Override
  public Set<String> placeholders() {
    return PLACEHOLDERS;
  }

  /**
   * {@code comment_is_public is not_relevant} means "the update has a comment" and
   * {@code requester_can_see_comment} means a public one, as in Zendesk.
   */
  @Override
  public Condition<SupportField> normalise(Condition<SupportField> c) {
    if (c.field().kind() == SupportField.VIA || c.field().kind() == SupportField.CURRENT_VIA) {
      return via(c);
    }
    if ((c.field().kind() == SupportField.ASSIGNEE || c.field().kind() == SupportField.REQUESTER)
        && c.expected() instanceof String token && USER_TOKENS.contains(token)) {
      // "assignee_id is current_user": the fact compares the two people and reads as the token on a match.
      FieldRef<SupportField> f = c.field();
      return new Condition<>(new FieldRef<>(f.name(), f.kind(), token, f.type(), f.operators(), f.values()),
          c.operator(), token, c.rawValue(), c.line());
    }
    if (c.field().kind() == SupportField.WITHIN_SCHEDULE && c.expected() instanceof String schedule) {
      // "within_schedule is <schedule>": the fact is whether the update's instant is within that schedule.
      FieldRef<SupportField> f = c.field();
      return new Condition<>(new FieldRef<>(f.name(), f.kind(), schedule, io.handoff.trigger.ValueType.BOOLEAN,
          f.operators(), f.values()), c.operator(), Boolean.TRUE, c.rawValue(), c.line());
    }
    if (c.field().kind() != SupportField.COMMENT_IS_PUBLIC) {
      return c;
    }
    if ("not_relevant".equals(c.expected())) {
      return new Condition<>(c.field(), Operator.PRESENT, null, c.rawValue(), c.line());
    }
    if ("requester_can_see_comment".equals(c.expected())) {
      return new Condition<>(c.field(), c.operator(), "true", c.rawValue(), c.line());
    }
    return c;
  }

  /** Relative user values of {@code assignee_id} / {@code requester_id} conditions (is, is_not). */
  public static final Set<String> USER_TOKENS = Set.of("current_user", "requester_id", "assignee_id");

  /**
   * Via codes become the channel names they stand for; a code standing for several channels (49, 75)
   * turns {@code is} into {@code is_one_of} and {@code is_not} into {@code is_not_one_of}.
   */
  private static Condition<SupportField> via(Condition<SupportField> c) {
    if (c.expected() instanceof java.util.List<?> list) {
      java.util.List<String> names = list.stream().flatMap(v -> Via.expand((String) v).stream()).distinct().toList();
      return new Condition<>(c.field(), c.operator(), names, c.rawValue(), c.line());
    }
    java.util.List<String> names = Via.expand((String) c.expected());
    if (names == null || names.size() == 1) {
      return new Condition<>(c.field(), c.operator(), names == null ? null : names.get(0), c.rawValue(), c.line());
    }
    Operator op = switch (c.operator()) {
      case IS -> Operator.IS_ONE_OF;
      case IS_NOT -> Operator.IS_NOT_ONE_OF;
      default -> c.operator();
    };
    return new Condition<>(c.field(), op, op == c.operator() ? names.get(0) : names, c.rawValue(), c.line());
  }
}
