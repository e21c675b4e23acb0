package io.handoff.journey;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The journey view of public contract v1, returned by the workflow query and by the REST API. */
public record JourneyView(
    String journeyId,
    String conversationId,
    Stage stage,
    String channel,
    String language,
    List<String> tags,
    int messagesSent,
    RoutingView routing,
    TicketView ticket,
    Map<String, io.handoff.sla.clock.SlaClockView> sla,
    String sessionState,
    Instant startedAt,
    Instant updatedAt,
    int runs,
    int restores,
    List<TimelineEntry> timeline) {

  /** True when any SLA clock of the journey is breached. */
  public boolean slaBreachedAny() {
    return sla != null && sla.values().stream().anyMatch(io.handoff.sla.clock.SlaClockView::breached);
  }}
