package io.handoff.journey;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.handoff.automation.AutomationActivitiesImpl;
import io.handoff.automation.AutomationLoader;
import io.handoff.intent.IntentActivitiesImpl;
import io.handoff.messaging.MessageOutboxStore;
import io.handoff.messaging.MessagingActivitiesImpl;
import io.handoff.messaging.RecordedOutbox;
import io.handoff.model.Agent;
import io.handoff.model.Channel;
import io.handoff.model.Customer;
import io.handoff.model.EventType;
import io.handoff.model.JourneyEvent;
import io.handoff.routing.RoutingActivitiesImpl;
import io.handoff.routing.RoutingStore;
import io.handoff.rules.RuleSetLoader;
import io.handoff.sla.SlaActivitiesImpl;
import io.handoff.sla.hours.BusinessHours;
import io.handoff.sla.hours.BusinessHoursLoader;
import io.handoff.support.NotificationActivitiesImpl;
import io.handoff.support.NotificationOutboxStore;
import io.handoff.support.RecordedNotificationOutbox;
import io.handoff.support.SupportActivitiesImpl;
import io.handoff.temporal.SearchAttributes;
import io.handoff.testing.TestDatabases;
import io.handoff.ticket.HelpdeskDirectoryLoader;
import io.handoff.ticket.TicketActivitiesImpl;
import io.handoff.ticket.TicketChangeValidator;
import io.handoff.ticket.builtin.BuiltInHelpdesk;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The journey workflow on Temporal's time-skipping test environment with the real activities (real
 * rule files, offline classifier, built-in helpdesk, recorded outboxes) over an in-memory H2 database.
 * Only Temporal's clock is virtual.
 */
final class JourneyTestEnv implements AutoCloseable {
  static final Path WORKFLOWS = Path.of("workflows");
  static final Path PROMPTS = Path.of("prompts");
  static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  final TestWorkflowEnvironment env;
  final WorkflowClient client;
  final DataSource db;
  final BuiltInHelpdesk helpdesk;
  final Worker worker;
  final JourneySettings settings;
  /** What the activities count, in a registry of this environment's own. */
  final io.handoff.metrics.HandoffMetrics metrics =
      new io.handoff.metrics.HandoffMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());

  JourneyTestEnv(JourneySettings settings) {
    this(settings, WORKFLOWS);
  }

  JourneyTestEnv(JourneySettings settings, Path workflows) {
    this(settings, workflows, null);
  }

  /** With {@code notifications} delivering webhooks and e-mails (null: the recorded outbox). */
  JourneyTestEnv(JourneySettings settings, Path workflows, io.handoff.support.NotificationClient notifications) {
    this(settings, workflows, notifications, java.util.function.UnaryOperator.identity());
  }

  /** With {@code replace} given each real activity implementation and registering what it returns. */
  JourneyTestEnv(JourneySettings settings, Path workflows, io.handoff.support.NotificationClient notifications,
      java.util.function.UnaryOperator<Object> replace) {
    this(settings, workflows, notifications, replace, true);
  }

  /**
   * With {@code timeSkipping} false, the test server's clock is the wall clock: for tests that call the server
   * through a client of their own (which does not hold time still while it waits), so that the journey's
   * timers cannot race ahead between two calls.
   */
  JourneyTestEnv(JourneySettings settings, Path workflows, io.handoff.support.NotificationClient notifications,
      java.util.function.UnaryOperator<Object> replace, boolean timeSkipping) {
    this.settings = settings;
    env = timeSkipping ? TestWorkflowEnvironment.newInstance() : TestWorkflowEnvironment.newInstance(
        io.temporal.testing.TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    SearchAttributes.all().forEach(env::registerSearchAttribute);
    db = TestDatabases.h2().dataSource();
    helpdesk = helpdesk(db, workflows);
    worker = env.newWorker("journeys-test", io.handoff.testing.TestWorkers.options());
    worker.registerWorkflowImplementationTypes(CustomerJourneyWorkflowImpl.class);
    Object[] activities = activities(db, workflows, helpdesk, metrics);
    if (notifications != null) {
      for (int i = 0; i < activities.length; i++) {
        if (activities[i] instanceof NotificationActivitiesImpl) {
          activities[i] = new NotificationActivitiesImpl(notifications);
        }
      }
    }
    for (int i = 0; i < activities.length; i++) {
      activities[i] = replace.apply(activities[i]);
    }
    worker.registerActivitiesImplementations(activities);
    env.start();
    client = env.getWorkflowClient();
  }

  /**
   * A temporary copy of the shipped rule directory ({@link #WORKFLOWS}) with {@code fileName} replaced by
   * {@code content}: for a journey that needs one rule file of its own (deleted when the JVM exits).
   */
  static Path workflowsWith(String fileName, String content) {
    return workflowsWith(java.util.Map.of(fileName, content));
  }

  /** The same with several files replaced (file name to content). */
  static Path workflowsWith(java.util.Map<String, String> replaced) {
    try {
      Path dir = java.nio.file.Files.createTempDirectory("handoff-journey-workflows-");
      dir.toFile().deleteOnExit(); // after its files: deleteOnExit runs in reverse order
      try (var files = java.nio.file.Files.newDirectoryStream(WORKFLOWS)) {
        for (Path f : files) {
          java.nio.file.Files.copy(f, dir.resolve(f.getFileName().toString()));
        }
      }
      for (var e : replaced.entrySet()) {
        java.nio.file.Files.writeString(dir.resolve(e.getKey()), e.getValue());
      }
      try (var files = java.nio.file.Files.newDirectoryStream(dir)) {
        files.forEach(f -> f.toFile().deleteOnExit());
      }
      return dir;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static BuiltInHelpdesk helpdesk(DataSource db, Path workflows) {
    return new BuiltInHelpdesk(db, new TicketChangeValidator(
        HelpdeskDirectoryLoader.load(workflows.resolve("helpdesk.yaml")).value()), Clock.systemUTC());
  }

  /** Every activity of the journey, real, over the given database and rule directory. */
  static Object[] activities(DataSource db, Path workflows, BuiltInHelpdesk helpdesk) {
    return activities(db, workflows, helpdesk, io.handoff.metrics.HandoffMetrics.unexported());
  }

  /** The same, counting into {@code metrics}. */
  static Object[] activities(DataSource db, Path workflows, BuiltInHelpdesk helpdesk,
      io.handoff.metrics.HandoffMetrics metrics) {
    BusinessHours hours = BusinessHoursLoader.load(workflows.resolve("business-hours.yaml")).orThrow();
    io.handoff.rules.RuleSet rules = RuleSetLoader.load(workflows).ruleSet();
    return new Object[] {
        new JourneyActivitiesImpl(new ProjectionStore(db, JSON), metrics),
        new MessagingActivitiesImpl(rules.messaging(), hours, new RecordedOutbox(new MessageOutboxStore(db)),
            io.handoff.intent.replies.AiRepliesLoader.forPrompts(java.nio.file.Path.of("prompts"))),
        new IntentActivitiesImpl(IntentActivitiesImpl.create("offline", null, PROMPTS, workflows), metrics),
        new TicketActivitiesImpl(helpdesk),
        new SupportActivitiesImpl(rules.support(), hours, io.handoff.support.DirectoryNames.of(
            io.handoff.ticket.HelpdeskDirectoryLoader.load(workflows.resolve("helpdesk.yaml")).value())),
        new NotificationActivitiesImpl(new RecordedNotificationOutbox(new NotificationOutboxStore(db))),
        new SlaActivitiesImpl(workflows, hours),
        new RoutingActivitiesImpl(new RoutingStore(db)),
        new AutomationActivitiesImpl(AutomationLoader.load(workflows, rules.support().webhooks()).orThrow(),
            hours.schedule(null))};
  }

  static JourneyTestEnv withDefaults() {
    return new JourneyTestEnv(JourneySettings.DEFAULTS);
  }

  /** Delivers an event the way the REST layer does (update-with-start, USE_EXISTING). */
  EventAck send(JourneyEvent e) {
    CustomerJourneyWorkflow stub = client.newWorkflowStub(CustomerJourneyWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(JourneyIds.journeyId(e.conversationId()))
        .setTaskQueue(worker.getTaskQueue())
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
        .build());
    return WorkflowClient.executeUpdateWithStart(stub::eventReceived, e,
        UpdateOptions.<EventAck>newBuilder().setUpdateId(e.eventId()).build(),
        new WithStartWorkflowOperation<>(stub::run, JourneyInput.start(e.conversationId(), settings)));
  }

  EventAck send(String conversationId, io.handoff.model.EventType type, String text) {
    return send(event(conversationId, type, text, null));
  }

  JourneyEvent event(String conversationId, io.handoff.model.EventType type, String text, Customer customer) {
    return new JourneyEvent(UUID.randomUUID().toString(), conversationId, type, null, now(), Channel.WEB_WIDGET,
        text, null, customer, type == io.handoff.model.EventType.AGENT_REPLIED
            ? new Agent("ben.keller", "Ben Keller") : null, null);
  }

  /** An event as a replay journals it: it arrived when it happened ({@code occurredAt} = {@code receivedAt} = {@code at}). */
  JourneyCommand journaled(String conversationId, EventType type, String text, Customer customer, Instant at) {
    JourneyEvent e = event(conversationId, type, text, customer);
    return new JourneyCommand(new JourneyEvent(e.eventId(), e.conversationId(), e.type(), at, at, e.channel(),
        e.text(), e.pageUrl(), e.customer(), e.agent(), e.group()), null, true);
  }

  /**
   * Starts a journey with journaled commands, as {@code JourneyService.replay} (a replay of a past conversation)
   * and {@code JourneyRestorer} (a restore without a snapshot) start one: each processed at its own time.
   */
  void startWith(String conversationId, java.util.List<JourneyCommand> journaled) {
    CustomerJourneyWorkflow stub = client.newWorkflowStub(CustomerJourneyWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(JourneyIds.journeyId(conversationId)).setTaskQueue(worker.getTaskQueue()).build());
    WorkflowClient.start(stub::run, new JourneyInput(conversationId, settings, null, journaled, 0));
  }

  TicketCommandResult command(String conversationId, TicketCommand command) {
    WorkflowStub stub = client.newUntypedWorkflowStub(JourneyIds.journeyId(conversationId));
    return stub.startUpdate(UpdateOptions.<TicketCommandResult>newBuilder().setUpdateName("ticketCommand")
        .setUpdateId(command.commandId()).setWaitForStage(WorkflowUpdateStage.COMPLETED)
        .setResultClass(TicketCommandResult.class).build(), command).getResult();
  }

  JourneyView view(String conversationId) {
    return client.newWorkflowStub(CustomerJourneyWorkflow.class, JourneyIds.journeyId(conversationId)).getView();
  }

  Instant now() {
    return Instant.ofEpochMilli(env.currentTimeMillis());
  }

  @Override
  public void close() {
    env.close();
  }
}
