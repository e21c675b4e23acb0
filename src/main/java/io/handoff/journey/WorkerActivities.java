package io.handoff.journey;

import io.handoff.automation.AutomationActivitiesImpl;
import io.handoff.intent.IntentActivitiesImpl;
import io.handoff.messaging.MessagingActivitiesImpl;
import io.handoff.routing.RoutingActivitiesImpl;
import io.handoff.sla.SlaActivitiesImpl;
import io.handoff.support.NotificationActivitiesImpl;
import io.handoff.support.SupportActivitiesImpl;
import io.handoff.temporal.WorkerRegistrations;
import io.handoff.ticket.TicketActivitiesImpl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * What the journey worker registers: every activity implementation, the workflow types of
 * {@link WorkflowTypes}, and the warm-up of {@link JourneyWarmUp}; {@code temporal.TemporalRuntime} reads it
 * through {@link WorkerRegistrations}.
 */
@ApplicationScoped
public class WorkerActivities implements WorkerRegistrations {
  private final JourneyActivitiesImpl journey;
  private final MessagingActivitiesImpl messaging;
  private final IntentActivitiesImpl intent;
  private final TicketActivitiesImpl tickets;
  private final SupportActivitiesImpl support;
  private final NotificationActivitiesImpl notifications;
  private final SlaActivitiesImpl sla;
  private final RoutingActivitiesImpl routing;
  private final AutomationActivitiesImpl automations;

  @Inject
  public WorkerActivities(JourneyActivitiesImpl journey, MessagingActivitiesImpl messaging,
      IntentActivitiesImpl intent, TicketActivitiesImpl tickets, SupportActivitiesImpl support,
      NotificationActivitiesImpl notifications, SlaActivitiesImpl sla, RoutingActivitiesImpl routing,
      AutomationActivitiesImpl automations) {
    this.journey = journey;
    this.messaging = messaging;
    this.intent = intent;
    this.tickets = tickets;
    this.support = support;
    this.notifications = notifications;
    this.sla = sla;
    this.routing = routing;
    this.automations = automations;
  }

  @Override
  public List<Class<?>> workflowTypes() {
    return WorkflowTypes.IMPLEMENTATIONS;
  }

  @Override
  public void warmUp() {
    JourneyWarmUp.run();
  }

  /** All activity implementations, each a CDI bean with its dependencies injected. */
  @Override
  public Object[] activities() {
    return new Object[] {journey, messaging, intent, tickets, support, notifications, sla, routing,
        automations};
  }
}
