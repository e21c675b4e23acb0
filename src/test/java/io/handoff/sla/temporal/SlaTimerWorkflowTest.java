package io.handoff.sla.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handoff.sla.inactivity.InactivityPolicy;
import io.handoff.sla.inactivity.InactivityPolicyLoader;
import io.handoff.sla.policy.SlaMetric;
import io.handoff.sla.policy.SlaTarget;
import io.handoff.sla.policy.SlaTargets;
import io.handoff.ticket.TicketPriority;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.testing.TestWorkflowExtension;
import java.time.Duration;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(60)
class SlaTimerWorkflowTest {

  @RegisterExtension
  static final TestWorkflowExtension TEMPORAL = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(SlaTimerWorkflowImpl.class)
      .registerSearchAttribute("SlaNextDueAt", IndexedValueType.INDEXED_VALUE_TYPE_DATETIME)
      .registerSearchAttribute("SlaBreached", IndexedValueType.INDEXED_VALUE_TYPE_BOOL)
      .setInitialTime(Instant.parse("2026-03-02T09:00:00Z"))
      .build();

  static SlaTargets firstReply(Duration target, Integer... warnings) {
    return new SlaTargets("Test", TicketPriority.URGENT,
        List.of(new SlaTarget(SlaMetric.FIRST_REPLY_TIME, target, null, List.of(warnings), List.of(), List.of())));
  }

  static String toWholeSeconds(String firing) {
    int plus = firing.lastIndexOf(" +");
    Duration offset = Duration.parse(firing.substring(plus + 2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    return firing.substring(0, plus) + " +" + offset;
  }

  @SuppressWarnings("unchecked")
  static List<String> closeAndGet(SlaTimerWorkflow wf) {
    wf.close();
    return WorkflowStub.fromTyped(wf).getResult(List.class);
  }

  @Test
  void breachFiresExactlyOnceAtTheVirtualSecond(TestWorkflowEnvironment env, WorkflowClient client, WorkflowOptions options)
      throws Exception {
    SlaTimerWorkflow wf = client.newWorkflowStub(SlaTimerWorkflow.class, options);
    String workflowId = WorkflowClient.start(wf::run, firstReply(Duration.ofHours(1), 75), null).getWorkflowId();
    env.sleep(Duration.ofHours(5));
    var attributes = WorkflowStub.fromTyped(wf).describe().getTypedSearchAttributes();
    assertEquals(Boolean.TRUE, attributes.get(SlaTimerWorkflowImpl.BREACHED));
    assertTrue(!attributes.containsKey(SlaTimerWorkflowImpl.NEXT_DUE), attributes::toString);
    assertTrue(wf.getWakeLagsMillis().stream().allMatch(lag -> lag >= 0 && lag < 1000), wf.getWakeLagsMillis()::toString);
    assertEquals(List.of("SLA first_reply_time warning 75% +PT45M", "SLA first_reply_time breach +PT1H"), closeAndGet(wf));

    WorkflowExecutionHistory history = client.fetchHistory(workflowId);
    // Replaying the recorded history proves the clocks are deterministic workflow code.
    WorkflowReplayer.replayWorkflowExecution(history, SlaTimerWorkflowImpl.class);
    List<String> summaries = history.getEvents().stream()
        .filter(HistoryEvent::hasTimerStartedEventAttributes)
        .map(e -> DefaultDataConverter.STANDARD_INSTANCE.fromPayload(e.getUserMetadata().getSummary(), String.class, String.class))
        .toList();
    assertEquals(List.of("SLA first_reply_time warning 75%", "SLA first_reply_time breach"), summaries);
  }

  @Test
  void agentReplyBeforeTheTargetCancelsTheTimer(TestWorkflowEnvironment env, WorkflowClient client, WorkflowOptions options) {
    SlaTimerWorkflow wf = client.newWorkflowStub(SlaTimerWorkflow.class, options);
    WorkflowClient.start(wf::run, firstReply(Duration.ofHours(1), 75), null);
    env.sleep(Duration.ofMinutes(30));
    wf.publicAgentComment();
    env.sleep(Duration.ofHours(5));
    assertEquals(List.of(), closeAndGet(wf));
  }

  @Test
  void inactivityLadderAndSlaShareOneTimerLoop(TestWorkflowEnvironment env, WorkflowClient client, WorkflowOptions options) {
    SlaTimerWorkflow wf = client.newWorkflowStub(SlaTimerWorkflow.class, options);
    InactivityPolicy policy = InactivityPolicyLoader.load(Path.of("workflows/inactivity.yaml")).orThrow();
    WorkflowClient.start(wf::run, firstReply(Duration.ofMinutes(30)), policy);
    env.sleep(Duration.ofMinutes(3));
    wf.customerMessage();
    env.sleep(Duration.ofHours(1));
    assertEquals(List.of("Inactivity session inactive +PT13M", "Inactivity reminder 1 +PT18M", "Inactivity reminder 2 +PT23M",
        "Inactivity reminder 3 +PT24M", "Inactivity session end +PT24M", "SLA first_reply_time breach +PT30M"),
        // The signal lands a few real milliseconds after +3m, so the ladder's offsets carry them.
        closeAndGet(wf).stream().map(SlaTimerWorkflowTest::toWholeSeconds).toList());
  }

  @Test
  void priorityRaiseMovesTheBreachEarlier(TestWorkflowEnvironment env, WorkflowClient client, WorkflowOptions options) {
    SlaTimerWorkflow wf = client.newWorkflowStub(SlaTimerWorkflow.class, options);
    WorkflowClient.start(wf::run, firstReply(Duration.ofHours(4)), null);
    env.sleep(Duration.ofMinutes(20));
    wf.priorityChanged(firstReply(Duration.ofMinutes(30)));
    env.sleep(Duration.ofHours(6));
    List<String> firings = closeAndGet(wf);
    assertEquals(List.of("SLA first_reply_time breach +PT30M"), firings);
  }
}
