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
      "ticket.via", "ticket.latest_comment", "current_user.name", "customer.name");

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
    if (c.field().kind() == SupportField.VIA) {
      Object value = c.expected() instanceof java.util.List<?> list
          ? list.stream().map(v -> Via.normalise((String) v)).toList()
          : Via.normalise((String) c.expected());
      return new Condition<>(c.field(), c.operator(), value, c.rawValue(), c.line());
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
}
