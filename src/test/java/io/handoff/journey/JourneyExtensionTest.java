package io.handoff.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.model.Channel;
import io.handoff.model.Customer;
import io.handoff.model.EventType;
import io.handoff.model.JourneyEvent;
import io.handoff.model.Stage;
import io.handoff.temporal.SearchAttributes;
import io.handoff.testing.TestDatabases;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The journey on {@link TestWorkflowExtension} with time skipping: an unanswered ticket breaches its SLA. */
@Timeout(60)
class JourneyExtensionTest {
  static final DataSource DB = TestDatabases.h2().dataSource();

  @RegisterExtension
  static final TestWorkflowExtension ENV = register(TestWorkflowExtension.newBuilder())
      .registerWorkflowImplementationTypes(CustomerJourneyWorkflowImpl.class)
      .setActivityImplementations(JourneyTestEnv.activities(DB, JourneyTestEnv.WORKFLOWS,
          JourneyTestEnv.helpdesk(DB, JourneyTestEnv.WORKFLOWS)))
      .build();

  static TestWorkflowExtension.Builder register(TestWorkflowExtension.Builder b) {
    SearchAttributes.all().forEach(b::registerSearchAttribute);
    return b;
  }

  @Test
  void anUnansweredTicketBreachesItsFirstReplyTargetInVirtualTime(
      TestWorkflowEnvironment env, WorkflowClient client, Worker worker) {
    Customer customer = new Customer("u-x", "Lea", "lea@example.com", "fr", "standard", Map.of());
    send(client, worker, env, "ext-1", EventType.CONVERSATION_STARTED, null, customer);
    send(client, worker, env, "ext-1", EventType.MESSAGE_RECEIVED, "Je veux parler à un humain, s'il vous plaît",
        customer);
    env.sleep(Duration.ofSeconds(5));
    CustomerJourneyWorkflow journey = client.newWorkflowStub(CustomerJourneyWorkflow.class, "journey-ext-1");
    JourneyView ticketed = journey.getView();
    assertThat(ticketed.stage()).isEqualTo(Stage.TICKETED);
    assertThat(ticketed.language()).isEqualTo("fr");
    assertThat(ticketed.slaBreachedAny()).isFalse();
    env.sleep(Duration.ofDays(3));
    assertThat(journey.getView().slaBreachedAny()).isTrue();
  }

  static void send(WorkflowClient client, Worker worker, TestWorkflowEnvironment env, String conversation,
      EventType type, String text, Customer customer) {
    CustomerJourneyWorkflow stub = client.newWorkflowStub(CustomerJourneyWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(JourneyIds.journeyId(conversation)).setTaskQueue(worker.getTaskQueue())
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING).build());
    JourneyEvent e = new JourneyEvent(UUID.randomUUID().toString(), conversation, type, null,
        Instant.ofEpochMilli(env.currentTimeMillis()), Channel.WEB_WIDGET, text, null, customer, null, null);
    WorkflowClient.executeUpdateWithStart(stub::eventReceived, e, UpdateOptions.<EventAck>newBuilder().build(),
        new WithStartWorkflowOperation<>(stub::run, JourneyInput.start(conversation, JourneySettings.DEFAULTS)));
  }
}
