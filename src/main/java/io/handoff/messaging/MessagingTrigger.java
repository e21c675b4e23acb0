package io.handoff.messaging;

import io.handoff.trigger.ConditionGroup;
import java.util.List;

/**
 * One messaging trigger from {@code messaging-triggers.yaml}.
 *
 * @param event the event it runs on (Zendesk's "Run trigger")
 * @param runOncePerConversation Zendesk's "Run only once per ticket": never fires twice in a conversation
 */
public record MessagingTrigger(
    String title,
    String description,
    boolean active,
    MessagingEvent event,
    boolean runOncePerConversation,
    ConditionGroup<MessagingField> conditions,
    List<MessagingAction> actions,
    int line) {

  public MessagingTrigger {
    actions = List.copyOf(actions);
  }
}
