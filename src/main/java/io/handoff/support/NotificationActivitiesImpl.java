package io.handoff.support;

import io.temporal.failure.ApplicationFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import javax.sql.DataSource;

/** Delivers notifications through the client chosen by {@code handoff.notifications.delivery}. */
@ApplicationScoped
public class NotificationActivitiesImpl implements NotificationActivities {

  private NotificationClient client;

  @Inject
  public NotificationActivitiesImpl(NotificationClient client) {
    this.client = client;
  }

  @Override
  public NotificationClient.DeliveryResult send(Notification notification) {
    try {
      return client.deliver(notification);
    } catch (NotificationClient.DeliveryException e) {
      if (e.retryable()) {
        throw e;
      }
      throw ApplicationFailure.newNonRetryableFailureWithCause(e.getMessage(), "NotificationRejected", e);
    }
  }

  /** Produces the notification client from configuration. */
  @ApplicationScoped
  public static class ClientProducer {

    @Produces
    @ApplicationScoped
    NotificationClient notificationClient(NotificationsConfig config, DataSource dataSource,
        io.handoff.ticket.HelpdeskDirectory directory, WebhookEndpoints endpoints) {
      NotificationOutboxStore store = new NotificationOutboxStore(dataSource);
      NotificationClient webhooks = switch (config.delivery()) {
        case "outbox" -> new RecordedNotificationOutbox(store);
        case "http" -> new WebhookNotificationClient(store, config.timeout(), endpoints::webhook);
        default -> throw new IllegalStateException(
            "handoff.notifications.delivery must be outbox or http, not \"" + config.delivery() + "\"");
      };
      NotificationClient email = switch (config.email()) {
        case "outbox" -> new RecordedNotificationOutbox(store);
        case "smtp" -> {
          NotificationsConfig.Smtp smtp = config.smtp();
          yield new SmtpNotificationClient(store, new SmtpMailer(new SmtpMailer.Settings(smtp.host(), smtp.port(),
              smtp.from(), smtp.username().orElse(null), smtp.password().orElse(null), smtp.startTls(),
              smtp.timeout())), n -> EmailRecipients.resolve(n, directory));
        }
        default -> throw new IllegalStateException(
            "handoff.notifications.email must be outbox or smtp, not \"" + config.email() + "\"");
      };
      return n -> n.kind() == Notification.Kind.EMAIL ? email.deliver(n) : webhooks.deliver(n);
    }
  }
}
