package io.handoff.journey;

import io.handoff.model.Customer;
import io.handoff.model.EventType;
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
   * {@code env} builds its environment (the real activities, or with one that fails as in production).
   */
  record Shape(String name, JourneySettings settings, Function<JourneyTestEnv, String> run,
      Function<JourneySettings, JourneyTestEnv> env) {
    Shape(String name, JourneySettings settings, Function<JourneyTestEnv, String> run) {
      this(name, settings, run, JourneyTestEnv::new);
    }

    String fileName(String version) {
      return "journey-" + version + (name.isEmpty() ? "" : "-" + name) + ".json";
    }

    /** Runs the shape on a fresh environment and returns its history as JSON. */
    String record() {
      try (JourneyTestEnv t = env.apply(settings)) {
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
        new Shape("ai-reply", JourneySettings.DEFAULTS, JourneyScenarios::aiReply),
        new Shape("ai-fallback", JourneySettings.DEFAULTS, JourneyScenarios::aiFallback, settings -> new JourneyTestEnv(
            settings, JourneyTestEnv.WORKFLOWS, null, a -> a instanceof io.handoff.intent.IntentActivities real
                ? new AiClassifyFailureTest.FailingAi(real) : a)),
        new Shape("notification-failed", JourneySettings.DEFAULTS, JourneyScenarios::notificationFailed,
            settings -> new JourneyTestEnv(settings, JourneyTestEnv.WORKFLOWS, JourneyScenarios::unreachable)),
        new Shape("reopened", JourneySettings.DEFAULTS, JourneyScenarios::reopened),
        new Shape("ticket-schedule", JourneySettings.DEFAULTS, JourneyScenarios::ticketSchedule),
        new Shape("replayed", JourneySettings.DEFAULTS, JourneyScenarios::replayed,
            settings -> new JourneyTestEnv(settings, JourneyTestEnv.workflowsWith("sla-policies.yaml", ONE_HOUR_SLA))));
  }

  /** The history of a journey's latest run, refused unless it recorded the marker of {@code changeId}. */
  private static String history(JourneyTestEnv t, String workflowId, String changeId) {
    var history = t.client.fetchHistory(workflowId);
    boolean marked = history.getEvents().stream().filter(e -> e.hasMarkerRecordedEventAttributes())
        .map(e -> e.getMarkerRecordedEventAttributes().getDetailsMap().get("changeId"))
        .anyMatch(p -> p != null && p.getPayloadsCount() > 0
            && p.getPayloads(0).getData().toStringUtf8().contains(changeId));
    if (!marked) {
      throw new IllegalStateException("the recorded run of " + workflowId + " never reached change " + changeId);
    }
    return history.toJson(true);
  }

  /**
   * Change {@code h17b-ticket-schedule-targets}: an agent moves the ticket to another schedule (custom field
   * {@code schedule}, as Zendesk's set_schedule), and the SLA targets are resolved again in it. Recorded
   * first as {@code journey-v4-ticket-schedule.json}.
   */
  private static String ticketSchedule(JourneyTestEnv t) {
    t.send(t.event("rec-sched", EventType.CONVERSATION_STARTED, null, CustomerJourneyWorkflowTest.ENTERPRISE));
    t.send(t.event("rec-sched", EventType.MESSAGE_RECEIVED, "I want to talk to a human",
        CustomerJourneyWorkflowTest.ENTERPRISE));
    t.env.sleep(Duration.ofSeconds(5));
    String ticketId = t.view("rec-sched").ticket().id();
    t.command("rec-sched", CustomerJourneyWorkflowTest.change(ticketId,
        TicketChange.builder().customField(io.handoff.sla.hours.BusinessHours.TICKET_SCHEDULE_FIELD, "support-new-york")
            .build()));
    t.env.sleep(Duration.ofHours(2));
    return history(t, "journey-rec-sched", SlaStep.TICKET_SCHEDULE_TARGETS);
  }

  /** One SLA policy: every ticket's first reply within 1 h, calendar time (the replayed shape's clock). */
  static final String ONE_HOUR_SLA = """
      policies:
        - name: One hour
          on_breach:
            - {add_tag: sla_breached}
          targets:
            first_reply_time: {urgent: 1h, high: 1h, normal: 1h, low: 1h}
      """;

  /**
   * Change {@code h17f-started-at-first-command}: a journey started with journaled events as pending commands,
   * as {@code POST /api/conversations/{id}/replay} starts it (and a restore from the journal without a
   * snapshot): a conversation 3 h ago is handed off to a ticket one minute in, its first-reply clock (1 h) is
   * overdue and fires at its due instant, then an agent reply 2 h in; every command is processed at its own
   * past time. Recorded first as {@code journey-v5-replayed.json}.
   */
  private static String replayed(JourneyTestEnv t) {
    java.time.Instant start = t.now().minus(Duration.ofHours(3));
    t.startWith("rec-replay", List.of(
        t.journaled("rec-replay", EventType.CONVERSATION_STARTED, null, STANDARD, start),
        t.journaled("rec-replay", EventType.MESSAGE_RECEIVED, "I want to talk to a human", STANDARD,
            start.plus(Duration.ofMinutes(1))),
        t.journaled("rec-replay", EventType.AGENT_REPLIED, "Hi Luc, Ben here.", STANDARD, start.plus(Duration.ofHours(2)))));
    t.env.sleep(Duration.ofSeconds(5));
    JourneyView v = t.view("rec-replay");
    java.util.function.Function<String, java.time.Instant> at = step -> v.timeline().stream()
        .filter(e -> e.step().equals(step)).map(TimelineEntry::at).findFirst().orElse(null);
    if (!start.equals(v.startedAt()) || v.ticket() == null
        || !start.plus(Duration.ofMinutes(61)).equals(at.apply("sla.breach"))
        || !start.plus(Duration.ofHours(2)).equals(at.apply("event.agent.replied"))) {
      throw new IllegalStateException("the replayed shape needs a journey started " + start
          + " with a breach at its due instant and the agent reply at its own time: " + v.startedAt() + " "
          + v.timeline());
    }
    t.env.sleep(Duration.ofHours(1));
    return history(t, "journey-rec-replay", CustomerJourneyWorkflowImpl.STARTED_AT_FIRST_COMMAND);
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

  /**
   * Change {@code h-ai-classify-fallback}: the AI classify activity fails for good, the offline fallback
   * decides, the journey is handed off (with the handoff acknowledgement, {@code h18a-handoff-ack}) and an
   * agent replies. Recorded first as {@code journey-v4-ai-fallback.json}.
   */
  private static String aiFallback(JourneyTestEnv t) {
    t.send(t.event("rec-fb", EventType.CONVERSATION_STARTED, null, CustomerJourneyWorkflowTest.ENTERPRISE));
    t.send(t.event("rec-fb", EventType.MESSAGE_RECEIVED, "How much does the enterprise plan cost per seat?",
        CustomerJourneyWorkflowTest.ENTERPRISE));
    t.env.sleep(Duration.ofSeconds(5));
    JourneyView v = t.view("rec-fb");
    if (v.ticket() == null || v.routing().ai() == null
        || !String.valueOf(v.routing().ai().reason()).contains("classify activity failed")) {
      throw new IllegalStateException("the fallback shape needs a ticket decided by the AI fallback: " + v.stage());
    }
    t.command("rec-fb", CustomerJourneyWorkflowTest.comment(v.ticket().id(), "Our sales team will call you today."));
    t.env.sleep(Duration.ofHours(2));
    return history(t, "journey-rec-fb", TriageStep.AI_FALLBACK);
  }

  /** A webhook endpoint that cannot be reached (the notification client of {@code notification-failed}). */
  private static io.handoff.support.NotificationClient.DeliveryResult unreachable(io.handoff.support.Notification n) {
    throw new io.handoff.support.NotificationClient.DeliveryException(
        "connection refused: " + n.recipient() + " (recorded shape)", true, null);
  }

  /**
   * Change {@code h15a-robust}, item 2: the enterprise pricing trigger's webhook cannot be delivered; after
   * its bounded retries the failure is on the timeline and the journey goes on (an agent replies).
   * Recorded first as {@code journey-v4-notification-failed.json}.
   */
  private static String notificationFailed(JourneyTestEnv t) {
    t.send(t.event("rec-nf", EventType.CONVERSATION_STARTED, null, CustomerJourneyWorkflowTest.ENTERPRISE));
    t.send(t.event("rec-nf", EventType.MESSAGE_RECEIVED, "How much does the enterprise plan cost per seat?",
        CustomerJourneyWorkflowTest.ENTERPRISE));
    t.env.sleep(Duration.ofMinutes(30));
    JourneyView v = t.view("rec-nf");
    if (v.ticket() == null || v.timeline().stream().noneMatch(e -> e.step().equals("notification.failed"))) {
      throw new IllegalStateException("the notification shape needs a failed notification and a ticket: " + v.stage());
    }
    t.send(t.event("rec-nf", EventType.AGENT_REPLIED, "Our sales team will call you today",
        CustomerJourneyWorkflowTest.ENTERPRISE));
    t.env.sleep(Duration.ofHours(1));
    return history(t, "journey-rec-nf", CustomerJourneyWorkflowImpl.ROBUST);
  }

  /**
   * Change {@code h15a-robust}, items 4 and 5: a journey whose follow-up window ended goes on in a new run
   * (what {@code JourneyService} starts from the index's finished snapshot); in it an agent reply to the
   * closed ticket is only recorded, and a customer message without text (an image) starts a follow-up
   * ticket. The new run's history is recorded, first as {@code journey-v4-reopened.json}.
   */
  private static String reopened(JourneyTestEnv t) {
    t.send(t.event("rec-reo", EventType.CONVERSATION_STARTED, null, CustomerJourneyWorkflowTest.ENTERPRISE));
    t.send(t.event("rec-reo", EventType.MESSAGE_RECEIVED, "I want to talk to a human",
        CustomerJourneyWorkflowTest.ENTERPRISE));
    t.env.sleep(Duration.ofSeconds(5));
    String ticketId = t.view("rec-reo").ticket().id();
    t.command("rec-reo", CustomerJourneyWorkflowTest.change(ticketId, TicketChange.builder().status("solved").build()));
    t.env.sleep(Duration.ofDays(40));
    JourneyState carried = new ProjectionStore(t.db, JourneyTestEnv.JSON)
        .finishedSnapshot("journey-rec-reo", t.settings.timelineInState())
        .orElseThrow(() -> new IllegalStateException("the reopened shape needs a finished journey"));
    CustomerJourneyWorkflow stub = t.client.newWorkflowStub(CustomerJourneyWorkflow.class,
        io.temporal.client.WorkflowOptions.newBuilder().setWorkflowId("journey-rec-reo")
            .setTaskQueue(t.worker.getTaskQueue()).build());
    io.temporal.client.WorkflowClient.start(stub::run, JourneyInput.reopen(carried, t.settings));
    t.send(t.event("rec-reo", EventType.AGENT_REPLIED, "One more thing about your request",
        CustomerJourneyWorkflowTest.ENTERPRISE));
    t.send(t.event("rec-reo", EventType.MESSAGE_RECEIVED, null, CustomerJourneyWorkflowTest.ENTERPRISE));
    t.env.sleep(Duration.ofSeconds(5));
    JourneyView v = t.view("rec-reo");
    if (v.ticket() == null || v.ticket().id().equals(ticketId)
        || v.timeline().stream().noneMatch(e -> e.step().equals("agent.reply_after_close"))) {
      throw new IllegalStateException("the reopened shape needs a follow-up ticket and a reply after close");
    }
    t.env.sleep(Duration.ofHours(1));
    return history(t, "journey-rec-reo", CustomerJourneyWorkflowImpl.ROBUST);
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
