package io.handoff.messaging;

import io.handoff.trigger.FieldRef;
import io.handoff.trigger.Vocabulary;
import java.util.Set;

/** The closed vocabulary of messaging-trigger conditions and placeholders. */
public final class MessagingVocabulary implements Vocabulary<MessagingField> {

  /** Placeholders for message texts (Zendesk's @customer_name, @wait_time_min ... in {{}} form). */
  public static final Set<String> PLACEHOLDERS = Set.of(
      "customer.name", "customer.email", "customer.country", "page_url", "message", "queue_size",
      "estimated_wait", "account_status", "brand", "group", "conversation.id", "detected_language");

  public static final MessagingVocabulary INSTANCE = new MessagingVocabulary();

  @Override
  public FieldRef<MessagingField> field(String name) {
    for (MessagingField f : MessagingField.values()) {
      if (f.isPrefix() ? name.startsWith(f.wireName()) && name.length() > f.wireName().length()
          : f.wireName().equals(name)) {
        String key = f.isPrefix() ? name.substring(f.wireName().length()) : null;
        return new FieldRef<>(name, f, key, f.type(), f.operators(), f.allowedValues());
      }
    }
    return null;
  }

  @Override
  public Set<String> placeholders() {
    return PLACEHOLDERS;
  }
}
