package io.handoff.journey;

import io.handoff.automation.AutomationActivities;
import io.handoff.intent.IntentActivities;
import io.handoff.messaging.MessagingActivities;
import io.handoff.routing.RoutingActivities;
import io.handoff.sla.SlaActivities;
import io.handoff.support.NotificationActivities;
import io.handoff.support.SupportActivities;
import io.handoff.ticket.TicketActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * The journey's activity stubs, each with its timeouts next to it. Retries belong to Temporal: the
 * clients behind these activities do not retry on their own.
 */
final class JourneyStubs {
  private static final RetryOptions RETRY = RetryOptions.newBuilder()
      .setInitialInterval(Duration.ofSeconds(1))
      .setBackoffCoefficient(2)
      .setMaximumInterval(Duration.ofMinutes(1))
      .build();

  /** Attempts of a notification before it is recorded as failed (about 30 s of back-off in all). */
  static final int NOTIFICATION_ATTEMPTS = 5;

  final JourneyActivities journey = Workflow.newActivityStub(JourneyActivities.class, options(15));
  final MessagingActivities messaging = Workflow.newActivityStub(MessagingActivities.class, options(30));
  final IntentActivities intent = Workflow.newActivityStub(IntentActivities.class, IntentActivities.defaultOptions());
  final TicketActivities tickets = Workflow.newActivityStub(TicketActivities.class, options(30));
  final SupportActivities support = Workflow.newActivityStub(SupportActivities.class, options(15));
  final NotificationActivities notifications = Workflow.newActivityStub(NotificationActivities.class, options(30));
  /**
   * Notifications with bounded retries (issue 15): a webhook or mail server down for long must not hold the
   * journey; after the last attempt the failure is recorded and the journey goes on.
   */
  final NotificationActivities boundedNotifications = Workflow.newActivityStub(NotificationActivities.class,
      ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30))
          .setRetryOptions(RetryOptions.newBuilder(RETRY).setMaximumAttempts(NOTIFICATION_ATTEMPTS).build()).build());
  final SlaActivities sla = Workflow.newActivityStub(SlaActivities.class, options(15));
  final RoutingActivities routing = Workflow.newActivityStub(RoutingActivities.class, options(15));
  final AutomationActivities automations = Workflow.newActivityStub(AutomationActivities.class, options(15));

  private static ActivityOptions options(int startToCloseSeconds) {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(startToCloseSeconds))
        .setRetryOptions(RETRY)
        .build();
  }
}
