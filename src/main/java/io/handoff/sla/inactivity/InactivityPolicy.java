package io.handoff.sla.inactivity;

import java.time.Duration;
import java.util.List;

/**
 * The inactivity policy of {@code workflows/inactivity.yaml}: the silence after which a messaging
 * session is inactive, up to three reminders, and whether the session ends after the last one.
 */
public record InactivityPolicy(Duration inactiveAfter, List<Reminder> reminders, boolean endSession) {

  public static final int MAX_REMINDERS = 3;

  public InactivityPolicy {
    reminders = List.copyOf(reminders);
    if (reminders.size() > MAX_REMINDERS) {
      throw new IllegalArgumentException("at most " + MAX_REMINDERS + " reminders");
    }
  }

  /** The policy with its reminders' {@code {{dc.name}}} texts resolved per language. */
  public InactivityPolicy localized(io.handoff.trigger.DynamicContent content) {
    return new InactivityPolicy(inactiveAfter, reminders.stream().map(r -> r.localized(content)).toList(), endSession);
  }
}
