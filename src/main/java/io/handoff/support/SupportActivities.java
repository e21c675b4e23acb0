package io.handoff.support;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Support-trigger activity: run the ticket triggers on one create or update. */
@ActivityInterface(namePrefix = "Support")
public interface SupportActivities {

  /**
   * Runs the support triggers (Zendesk's loop) on one ticket create or update. No side effects: the
   * workflow saves {@link SupportDecision#ticket()}, adds the comments and sends the notifications
   * (each carries its idempotency key, derived from {@link TicketUpdate#idempotencyKey()}).
   */
  @ActivityMethod
  SupportDecision evaluate(TicketUpdate update);
}
