package io.handoff.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.withSettings;

import io.handoff.temporal.SearchAttributes;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

@Timeout(60)
class CustomerJourneyWorkflowTest {
  static final JourneyActivities PROJECTION =
      mock(JourneyActivities.class, withSettings().withoutAnnotations());

  @RegisterExtension
  static final TestWorkflowExtension ENV = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(CustomerJourneyWorkflowImpl.class)
      .setActivityImplementations(PROJECTION)
      .registerSearchAttribute(SearchAttributes.STAGE.getName(), SearchAttributes.STAGE.getValueType())
      .registerSearchAttribute(SearchAttributes.CHANNEL.getName(), SearchAttributes.CHANNEL.getValueType())
      .registerSearchAttribute(SearchAttributes.LANGUAGE.getName(), SearchAttributes.LANGUAGE.getValueType())
      .build();

  static EventAck send(WorkflowClient client, Worker worker, String conversationId, EventType type, String text,
      JourneySettings settings) {
    CustomerJourneyWorkflow stub = client.newWorkflowStub(CustomerJourneyWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(JourneyIds.journeyId(conversationId))
        .setTaskQueue(worker.getTaskQueue())
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
        .build());
    JourneyEvent e = new JourneyEvent(UUID.randomUUID().toString(), conversationId, type, null, Instant.now(),
        Channel.WEB_WIDGET, text, null, null, null, null);
    return WorkflowClient.executeUpdateWithStart(stub::eventReceived, e,
        UpdateOptions.<EventAck>newBuilder().setUpdateId(e.eventId()).build(),
        new WithStartWorkflowOperation<>(stub::run, JourneyInput.start(conversationId, settings)));
  }

  @Test
  void firstCustomerMessageMovesTheJourneyToAiTriageAndIsProjected(
      TestWorkflowEnvironment env, WorkflowClient client, Worker worker) {
    send(client, worker, "wf-1", EventType.CONVERSATION_STARTED, null, JourneySettings.DEFAULTS);
    EventAck ack = send(client, worker, "wf-1", EventType.MESSAGE_RECEIVED, "my order is late",
        JourneySettings.DEFAULTS);
    assertThat(ack.journeyId()).isEqualTo("journey-wf-1");
    env.sleep(java.time.Duration.ofSeconds(1));
    JourneyView view = client.newWorkflowStub(CustomerJourneyWorkflow.class, "journey-wf-1").getView();
    assertThat(view.stage()).isEqualTo(Stage.AI_TRIAGE);
    assertThat(view.timeline()).extracting(TimelineEntry::step)
        .containsSubsequence("event.conversation.started", "event.message.received", "stage.ai_triage");
    ArgumentCaptor<JourneyProjection> captor = ArgumentCaptor.forClass(JourneyProjection.class);
    verify(PROJECTION, atLeastOnce()).project(captor.capture());
    JourneyProjection last = captor.getAllValues().get(captor.getAllValues().size() - 1);
    assertThat(last.view().journeyId()).isEqualTo("journey-wf-1");
    assertThat(last.version()).isEqualTo(view.timeline().get(view.timeline().size() - 1).seq());
  }

  @Test
  void continuesAsNewCarryingStateWhenTheHistoryGrows(
      TestWorkflowEnvironment env, WorkflowClient client, Worker worker) {
    JourneySettings small = new JourneySettings(40, 200);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      texts.add("msg " + i);
      send(client, worker, "wf-can", EventType.CUSTOMER_REPLIED, "msg " + i, small);
    }
    env.sleep(java.time.Duration.ofSeconds(1));
    JourneyView view = client.newWorkflowStub(CustomerJourneyWorkflow.class, "journey-wf-can").getView();
    assertThat(view.runs()).isGreaterThan(1);
    assertThat(view.timeline()).extracting(TimelineEntry::text).containsAll(texts);
  }

  @Test
  void theSameEventIdIsAppliedOnce(TestWorkflowEnvironment env, WorkflowClient client, Worker worker) {
    send(client, worker, "wf-dup", EventType.CONVERSATION_STARTED, null, JourneySettings.DEFAULTS);
    CustomerJourneyWorkflow stub = client.newWorkflowStub(CustomerJourneyWorkflow.class, "journey-wf-dup");
    JourneyEvent e = new JourneyEvent("fixed-id", "wf-dup", EventType.MESSAGE_RECEIVED, null, Instant.now(),
        null, "once", null, null, null, null);
    assertThat(stub.eventReceived(e).duplicate()).isFalse();
    JourneyEvent again = new JourneyEvent("fixed-id", "wf-dup", EventType.MESSAGE_RECEIVED, null, Instant.now(),
        null, "once", null, null, null, null);
    assertThat(stub.eventReceived(again).duplicate()).isTrue();
    assertThat(stub.getView().timeline()).filteredOn(t -> "once".equals(t.text())).hasSize(1);
  }
}
