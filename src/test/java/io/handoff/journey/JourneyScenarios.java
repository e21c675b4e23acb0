package io.handoff.journey;

import io.handoff.ticket.TicketChange;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Representative journeys run on the in-memory test environment, used to record replayable histories.
 * Each shape drives a different part of the workflow's command sequence, so together they cover every
 * path a released workflow takes: triage and ticket, the inactivity ladder and the close timer to the
 * end of the workflow, SLA escalations, continue-as-new, and a journey that never leaves messaging.
 */
final class JourneyScenarios {
  private JourneyScenarios() {}

  static final Customer STANDARD = new Customer("u-2", "Luc Martin", "luc@example.com", "fr", "standard", Map.of());

  /**
   * One recorded shape: {@code name} "" is the representative journey (file
   * {@code journey-<version>.json}); the others are recorded as {@code journey-<version>-<name>.json}.
   */
  record Shape(String name, JourneySettings settings, Function<JourneyTestEnv, String> run) {
    String fileName(String version) {
      return "journey-" + version + (name.isEmpty() ? "" : "-" + name) + ".json";
    }

    /** Runs the shape on a fresh environment and returns its history as JSON. */
    String record() {
      try (JourneyTestEnv t = new JourneyTestEnv(settings)) {
        return run.apply(t);
      }
    }
  }

  static List<Shape> shapes() {
    JourneySettings small = new JourneySettings(60, 200, Duration.ofDays(4),
        io.handoff.routing.RoutingAssignment.AI_ACTS, Duration.ofDays(30));
    return List.of(
        new Shape("", JourneySettings.DEFAULTS, JourneyScenarios::representative),
        new Shape("lifecycle", JourneySettings.DEFAULTS, JourneyScenarios::lifecycle),
        new Shape("sla-escalation", JourneySettings.DEFAULTS, JourneyScenarios::slaEscalation),
        new Shape("messaging-only", JourneySettings.DEFAULTS, JourneyScenarios::messagingOnly),
        new Shape("continued", small, JourneyScenarios::continued),
        new Shape("automation", JourneySettings.DEFAULTS, JourneyScenarios::automation),
        new Shape("ai-reply", JourneySettings.DEFAULTS, JourneyScenarios::aiReply));
  }

  /** Runs a journey from the first message to a solved ticket and returns its history as JSON. */
  static String runRepresentativeJourney() {
    return shapes().get(0).record();
  }

  private static String representative(JourneyTestEnv t) {
    t.send(t.event("rec-1", EventType.CONVERSATION_STARTED, null, CustomerJourneyWorkflowTest.ENTERPRISE));
    t.send(t.event("rec-1", EventType.MESSAGE_RECEIVED, "I need a refund for my last order",
        CustomerJourneyWorkflowTest.ENTERPRISE));
    t.env.sleep(Duration.ofSeconds(5));
    String ticketId = t.view("rec-1").ticket().id();
    t.command("rec-1", CustomerJourneyWorkflowTest.comment(ticketId, "We are on it."));
    t.env.sleep(Duration.ofHours(2));
    return t.client.fetchHistory("journey-rec-1").toJson(true);
  }

  /**
   * Ticket, agent reply, the whole inactivity ladder (reminders, pending, solved), the close timer
   * and the follow-up window: the workflow completes.
   */
  private static String lifecycle(JourneyTestEnv t) {
    t.send(t.event("rec-life", EventType.CONVERSATION_STARTED, null, CustomerJourneyWorkflowTest.ENTERPRISE));
    t.send(t.event("rec-life", EventType.MESSAGE_RECEIVED, "My app crashes with an error when I log in",
        CustomerJourneyWorkflowTest.ENTERPRISE));
    t.env.sleep(Duration.ofSeconds(5));
    String ticketId = t.view("rec-life").ticket().id();
    t.command("rec-life", CustomerJourneyWorkflowTest.comment(ticketId, "Which version do you use?"));
    t.env.sleep(Duration.ofDays(40));
    return t.client.fetchHistory("journey-rec-life").toJson(true);
  }

  /** A ticket nobody answers: SLA warnings and breaches run their escalations; then solved and closed. */
  private static String slaEscalation(JourneyTestEnv t) {
    t.send(t.event("rec-sla", EventType.CONVERSATION_STARTED, null, STANDARD));
    t.send(t.event("rec-sla", EventType.MESSAGE_RECEIVED, "I want to speak to a human agent right now, please", STANDARD));
    t.env.sleep(Duration.ofDays(6));
    JourneyView v = t.view("rec-sla");
    if (v.ticket() == null || !v.slaBreachedAny()) {
      throw new IllegalStateException("the SLA shape needs a ticket with a breached clock: " + v.stage());
    }
    String ticketId = v.ticket().id();
    t.command("rec-sla", CustomerJourneyWorkflowTest.change(ticketId, TicketChange.builder().status("solved").build()));
    t.env.sleep(Duration.ofDays(5));
    return t.client.fetchHistory("journey-rec-sla").toJson(true);
  }

  /** Messaging events only: queued, assigned, ended, with no customer message to triage. */
  private static String messagingOnly(JourneyTestEnv t) {
    t.send(t.event("rec-msg", EventType.CONVERSATION_STARTED, null, STANDARD));
    t.send(t.event("rec-msg", EventType.CONVERSATION_QUEUED, null, STANDARD));
    t.send(t.event("rec-msg", EventType.CONVERSATION_ASSIGNED, null, STANDARD));
    t.send(t.event("rec-msg", EventType.CONVERSATION_ENDED, null, STANDARD));
    t.env.sleep(Duration.ofMinutes(30));
    return t.client.fetchHistory("journey-rec-msg").toJson(true);
  }

  /** The AI keeps a conversation twice: it answers a delivery question, then asks a vague follow-up to clarify. */
  private static String aiReply(JourneyTestEnv t) {
    t.send(t.event("rec-ai", EventType.CONVERSATION_STARTED, null, STANDARD));
    t.send(t.event("rec-ai", EventType.MESSAGE_RECEIVED, "Where is my order? The tracking shows no update.", STANDARD));
    t.env.sleep(Duration.ofSeconds(5));
    t.send(t.event("rec-ai", EventType.MESSAGE_RECEIVED, "Ik heb een vraag over de levering", STANDARD));
    t.env.sleep(Duration.ofMinutes(30));
    return t.client.fetchHistory("journey-rec-ai").toJson(true);
  }

  /** The last run of a journey that continued as new: it starts from carried state and pending events. */
  private static String continued(JourneyTestEnv t) {
    t.send(t.event("rec-can", EventType.CONVERSATION_STARTED, null, CustomerJourneyWorkflowTest.ENTERPRISE));
    t.send(t.event("rec-can", EventType.MESSAGE_RECEIVED, "I was charged twice on my invoice",
        CustomerJourneyWorkflowTest.ENTERPRISE));
    for (int i = 0; i < 12; i++) {
      t.send(t.event("rec-can", EventType.CUSTOMER_REPLIED, "follow-up " + i, CustomerJourneyWorkflowTest.ENTERPRISE));
    }
    t.env.sleep(Duration.ofSeconds(10));
    JourneyView v = t.view("rec-can");
    if (v.runs() < 2 || v.ticket() == null) {
      throw new IllegalStateException("the journey did not continue as new with its ticket");
    }
    // The new run takes events and agent actions too.
    t.send(t.event("rec-can", EventType.CUSTOMER_REPLIED, "Any news?", CustomerJourneyWorkflowTest.ENTERPRISE));
    t.command("rec-can", CustomerJourneyWorkflowTest.comment(v.ticket().id(), "Refund issued."));
    t.env.sleep(Duration.ofHours(1));
    return t.client.fetchHistory("journey-rec-can").toJson(true);
  }

  /**
   * A journey whose unassigned ticket waits two days, so the shipped automation "Escalate unassigned
   * tickets after 8 business hours" fires (its timer, run, update and support triggers), then an agent
   * replies. Recorded first as {@code journey-v2-automation.json}.
   */
  private static String automation(JourneyTestEnv t) {
    t.send(t.event("rec-2", EventType.CONVERSATION_STARTED, null, CustomerJourneyWorkflowTest.ENTERPRISE));
    t.send(t.event("rec-2", EventType.MESSAGE_RECEIVED, "I need a refund for my last order",
        CustomerJourneyWorkflowTest.ENTERPRISE));
    t.env.sleep(Duration.ofDays(2));
    String ticketId = t.view("rec-2").ticket().id();
    t.command("rec-2", CustomerJourneyWorkflowTest.comment(ticketId, "We are on it."));
    t.env.sleep(Duration.ofHours(2));
    if (t.view("rec-2").timeline().stream().noneMatch(e -> e.step().equals("automations"))) {
      throw new IllegalStateException("the recorded journey ran no automation");
    }
    return t.client.fetchHistory("journey-rec-2").toJson(true);
  }
}
