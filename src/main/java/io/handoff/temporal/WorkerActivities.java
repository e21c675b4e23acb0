package io.handoff.temporal;

import io.handoff.automation.AutomationActivitiesImpl;
import io.handoff.intent.IntentActivitiesImpl;
import io.handoff.journey.JourneyActivitiesImpl;
import io.handoff.messaging.MessagingActivitiesImpl;
import io.handoff.routing.RoutingActivitiesImpl;
import io.handoff.sla.SlaActivitiesImpl;
import io.handoff.support.NotificationActivitiesImpl;
import io.handoff.support.SupportActivitiesImpl;
import io.handoff.ticket.TicketActivitiesImpl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Collects every activity implementation the journey worker registers. */
@ApplicationScoped
public class WorkerActivities {
  @Inject JourneyActivitiesImpl journey;
  @Inject MessagingActivitiesImpl messaging;
  @Inject IntentActivitiesImpl intent;
  @Inject TicketActivitiesImpl tickets;
  @Inject SupportActivitiesImpl support;
  @Inject NotificationActivitiesImpl notifications;
  @Inject SlaActivitiesImpl sla;
  @Inject RoutingActivitiesImpl routing;
  @Inject AutomationActivitiesImpl automations;

  /** All activity implementations, each a CDI bean with its dependencies injected. */
  public Object[] all() {
    return new Object[] {journey, messaging, intent, tickets, support, notifications, sla, routing,
        automations};
  }
}
