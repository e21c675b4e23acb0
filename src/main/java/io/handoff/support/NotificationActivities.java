package io.handoff.support;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Sends the notifications support triggers queued. */
@ActivityInterface(namePrefix = "Notification")
public interface NotificationActivities {

  /**
   * Delivers one notification (e-mail or webhook). Idempotent on
   * {@link Notification#idempotencyKey()}: a retry or a replayed step never notifies twice.
   */
  @ActivityMethod
  NotificationClient.DeliveryResult send(Notification notification);
}
