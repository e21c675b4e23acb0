package io.handoff.support;

/**
 * The embedded default: every notification (e-mail or webhook) is recorded in
 * {@code outbox_notification} with status {@code recorded}; nothing leaves the process.
 */
public final class RecordedNotificationOutbox implements NotificationClient {

  private final NotificationOutboxStore store;

  public RecordedNotificationOutbox(NotificationOutboxStore store) {
    this.store = store;
  }

  @Override
  public DeliveryResult deliver(Notification n) {
    String existing = store.insertOrExisting(n, "recorded");
    return new DeliveryResult(n.idempotencyKey(), existing != null, existing == null ? "recorded" : existing);
  }
}
