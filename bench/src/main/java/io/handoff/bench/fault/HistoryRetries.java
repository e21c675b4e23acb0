package io.handoff.bench.fault;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Activity attempts beyond the first, by activity type, read from the journeys' Temporal histories. */
final class HistoryRetries {
  private final String target;

  HistoryRetries(String target) {
    this.target = target;
  }

  /** The last events of a workflow's history, one per line, for diagnosing a stuck journey. */
  static String tail(String target, String workflowId, int n) {
    WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    try {
      java.util.List<HistoryEvent> events = WorkflowClient.newInstance(stubs).fetchHistory(workflowId).getEvents();
      StringBuilder b = new StringBuilder();
      events.subList(Math.max(0, events.size() - n), events.size()).forEach(e -> b.append("  ")
          .append(e.getEventId()).append(' ').append(e.getEventType()).append(' ')
          .append(e.getEventTime().getSeconds()).append(e.hasWorkflowTaskScheduledEventAttributes()
              ? " queue=" + e.getWorkflowTaskScheduledEventAttributes().getTaskQueue().getName() : "")
          .append('\n'));
      return b.toString();
    } catch (RuntimeException e) {
      return "  (history unavailable: " + e + ")";
    } finally {
      stubs.shutdown();
    }
  }

  /** Retries by activity type; the key "activities" holds the number of activities run. */
  Map<String, Integer> count(int journeys, String run) {
    WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    Map<String, Integer> retries = new TreeMap<>();
    try {
      WorkflowClient client = WorkflowClient.newInstance(stubs);
      for (int i = 0; i < journeys; i++) {
        Map<Long, String> types = new HashMap<>();
        for (HistoryEvent e : client.fetchHistory("journey-" + FaultHarness.conversationId(run, i)).getEvents()) {
          if (e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) {
            types.put(e.getEventId(), e.getActivityTaskScheduledEventAttributes().getActivityType().getName());
            retries.merge("activities", 1, Integer::sum);
          } else if (e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED) {
            int extra = e.getActivityTaskStartedEventAttributes().getAttempt() - 1;
            if (extra > 0) {
              retries.merge(types.get(e.getActivityTaskStartedEventAttributes().getScheduledEventId()), extra,
                  Integer::sum);
            }
          }
        }
      }
    } finally {
      stubs.shutdown();
    }
    return retries;
  }
}
