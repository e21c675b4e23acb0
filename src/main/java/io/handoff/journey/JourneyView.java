package io.handoff.journey;

import io.handoff.model.RoutingView;
import io.handoff.model.Stage;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The journey view of public contract v1, returned by the workflow query and by the REST API.
 *
 * @param customer who the conversation is with (no e-mail address), null before the first event names one
 * @param subject the ticket's subject, or the customer's first message (cut to 120 characters) before a ticket
 * @param nextClocks the next due instant of each clock that is running (SLA, inactivity, automation,
 *     close, follow-up window), earliest first; the journey's one timer waits for the first of them
 */
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
    List<TimelineEntry> timeline,
    CustomerSummary customer,
    String subject,
    List<NextClock> nextClocks) {

  /** The customer as the journey list and view show them. */
  public record CustomerSummary(String id, String name, String locale, String tier) {}

  /**
   * One clock's next due instant.
   *
   * @param clock {@code sla}, {@code inactivity}, {@code automation}, {@code close} or {@code follow_up}
   * @param summary what fires then, as the timer's summary names it (e.g. "Inactivity reminder 2")
   */
  public record NextClock(String clock, Instant dueAt, String summary) {}

  /** The same view with another timeline (the index keeps the timeline apart from the view). */
  public JourneyView withTimeline(List<TimelineEntry> entries) {
    return new JourneyView(journeyId, conversationId, stage, channel, language, tags, messagesSent, routing, ticket,
        sla, sessionState, startedAt, updatedAt, runs, restores, entries, customer, subject, nextClocks);
  }

  /** True when any SLA clock of the journey is breached. */
  public boolean slaBreachedAny() {
    return sla != null && sla.values().stream().anyMatch(io.handoff.sla.clock.SlaClockView::breached);
  }}
