package io.handoff.messaging;

import io.handoff.trigger.Contradictions;
import io.handoff.yaml.Problems;

/** Warnings for messaging triggers: rules whose conditions can never hold together. */
public final class MessagingValidator {

  private MessagingValidator() {}

  public static void warn(MessagingTriggerSet set, Problems problems) {
    for (MessagingTrigger t : set.triggers()) {
      String why = Contradictions.find(t.conditions().all());
      if (t.active() && why != null) {
        problems.warning(t.line(), t.title(), "can never fire: " + why);
      }
    }
  }
}
