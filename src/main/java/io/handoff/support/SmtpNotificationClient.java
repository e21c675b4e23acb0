package io.handoff.support;

import java.util.List;
import java.util.function.Function;

/**
 * E-mail notifications over SMTP. Each is recorded in the notification outbox first (pending), sent,
 * then marked sent: a retry after a successful send finds it sent and does not send again.
 */
public final class SmtpNotificationClient implements NotificationClient {
  private final NotificationOutboxStore store;
  private final SmtpMailer mailer;
  private final Function<Notification, List<String>> recipients;

  /**
   * @param recipients resolves a notification's recipient (an address, an agent id or a group id)
   *     to e-mail addresses
   */
  public SmtpNotificationClient(NotificationOutboxStore store, SmtpMailer mailer,
      Function<Notification, List<String>> recipients) {
    this.store = store;
    this.mailer = mailer;
    this.recipients = recipients;
  }

  @Override
  public DeliveryResult deliver(Notification n) {
    String existing = store.insertOrExisting(n, "pending");
    if ("sent".equals(existing)) {
      return new DeliveryResult(n.idempotencyKey(), true, "sent");
    }
    List<String> to = recipients.apply(n);
    if (to.isEmpty()) {
      throw new DeliveryException("no e-mail address for " + n.recipientType() + " " + n.recipient(), false, null);
    }
    mailer.send(to, n.subject(), n.body(), n.idempotencyKey());
    store.markSent(n.idempotencyKey());
    return new DeliveryResult(n.idempotencyKey(), existing != null, "sent");
  }
}
