package io.handoff.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.testing.TestWorkers;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.metadata.POJOWorkflowImplMetadata;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptorBase;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every recorded history in {@code src/test/resources/histories} (any workflow type) against
 * today's workflow code, with every implementation the worker registers, so a change that would break
 * running workflows (non-determinism) fails here. Adding a history file is all it takes to replay it.
 * Histories are recorded by {@link JourneyHistoryRecorder}; the procedure is in docs/upgrading.md.
 */
class JourneyReplayTest {
  static final Path DIR = Path.of("src/test/resources/histories");
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> histories() throws Exception {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("histories")
  void recordedHistoryReplaysWithoutNonDeterminism(Path history) throws Exception {
    assertThat(registeredTypes()).as("workflow type of %s", history).contains(workflowType(history));
    replay(history, new ArrayList<>());
  }

  /**
   * What the commands do not show: a change that only sets state (such as {@code h17f-started-at-first-command},
   * a journey's {@code startedAt}) replays without non-determinism even when its {@code getVersion} call is
   * removed, since the SDK skips a version marker no call asks for. The journey's projections carry its view,
   * so each projection the replay computes must have the {@code startedAt} of the one recorded at that place.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("histories")
  void recordedHistoryReplaysToTheStartItRecorded(Path history) throws Exception {
    List<String> replayed = new ArrayList<>();
    replay(history, replayed);
    List<String> recorded = new ArrayList<>();
    JsonNode events = JSON.readTree(history.toFile()).path("events");
    for (JsonNode e : events) {
      JsonNode a = e.path("activityTaskScheduledEventAttributes");
      if (PROJECT.equals(a.at("/activityType/name").asText())) {
        String data = a.at("/input/payloads/0/data").asText();
        recorded.add(JSON.readTree(java.util.Base64.getDecoder().decode(data)).at("/view/startedAt").asText());
      }
    }
    // The replay may stop short of the last projection scheduled (or go one beyond the last completed task).
    int n = Math.min(recorded.size(), replayed.size());
    assertThat(n).as("projections replayed of %s's %d", history, recorded.size())
        .isGreaterThanOrEqualTo(Math.min(recorded.size(), 1));
    assertThat(replayed.subList(0, n)).as("view.startedAt of each %s the replay of %s computes", PROJECT, history)
        .isEqualTo(recorded.subList(0, n));
  }

  /** The activity type of {@link JourneyActivities#project}. */
  private static final String PROJECT = "JourneyProject";

  /**
   * Replays {@code history} on a worker of its own (the SDK's replayer keeps the 1 s deadlock detector, which
   * the first replays of a run have tripped on a loaded machine: class loading, JIT, without any fault in the
   * code), adding the {@code view.startedAt} of every projection the workflow code schedules to {@code starts}.
   */
  private static void replay(Path history, List<String> starts) throws Exception {
    WorkflowExecutionHistory recorded = WorkflowExecutionHistory.fromJson(Files.readString(history));
    io.temporal.common.converter.DataConverter converter =
        io.temporal.common.converter.DefaultDataConverter.newDefaultInstance();
    WorkerInterceptorBase capture = new WorkerInterceptorBase() {
      @Override
      public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
        return new WorkflowInboundCallsInterceptorBase(next) {
          @Override
          public void init(WorkflowOutboundCallsInterceptor outbound) {
            super.init(new WorkflowOutboundCallsInterceptorBase(outbound) {
              @Override
              public <R> ActivityOutput<R> executeActivity(ActivityInput<R> input) {
                if (PROJECT.equals(input.getActivityName())) {
                  String json = converter.toPayload(input.getArgs()[0]).orElseThrow().getData().toStringUtf8();
                  try {
                    starts.add(JSON.readTree(json).at("/view/startedAt").asText());
                  } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                }
                return super.executeActivity(input);
              }
            });
          }
        };
      }
    };
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
        .setWorkerFactoryOptions(WorkerFactoryOptions.newBuilder().setWorkerInterceptors(capture).build()).build())) {
      Worker worker = env.newWorker(recorded.getEvents().get(0).getWorkflowExecutionStartedEventAttributes()
          .getTaskQueue().getName(), TestWorkers.options());
      worker.registerWorkflowImplementationTypes(WorkflowTypes.IMPLEMENTATIONS.toArray(Class<?>[]::new));
      WorkflowReplayer.replayWorkflowExecution(recorded, worker);
    }
  }

  @Test
  void everyWorkflowTypeTheWorkerRunsHasARecordedHistory() throws Exception {
    Set<String> recorded = new TreeSet<>();
    for (Path p : histories().toList()) {
      recorded.add(workflowType(p));
    }
    assertThat(recorded).containsAll(registeredTypes());
  }

  @Test
  void everyJourneyShapeIsRecordedInSomeRelease() {
    for (JourneyScenarios.Shape shape : JourneyScenarios.shapes()) {
      boolean recorded = false;
      for (int v = 1; v <= 20 && !recorded; v++) {
        recorded = Files.exists(DIR.resolve(shape.fileName("v" + v)));
      }
      assertThat(recorded).as("a recorded history of shape '%s'", shape.name()).isTrue();
    }
  }

  static String workflowType(Path history) throws Exception {
    JsonNode first = JSON.readTree(history.toFile()).path("events").path(0);
    return first.at("/workflowExecutionStartedEventAttributes/workflowType/name").asText();
  }

  static Set<String> registeredTypes() {
    Set<String> types = new TreeSet<>();
    for (Class<?> impl : WorkflowTypes.IMPLEMENTATIONS) {
      POJOWorkflowImplMetadata.newInstance(impl).getWorkflowMethods().forEach(m -> types.add(m.getName()));
    }
    return types;
  }
}
