package io.handoff.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.testing.TestWorkers;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.metadata.POJOWorkflowImplMetadata;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
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
    List<Class<?>> impls = WorkflowTypes.IMPLEMENTATIONS;
    assertThat(registeredTypes()).as("workflow type of %s", history).contains(workflowType(history));
    WorkflowExecutionHistory recorded = WorkflowExecutionHistory.fromJson(Files.readString(history));
    // A replay worker of our own: the SDK's replayer keeps the 1 s deadlock detector, which the first replays
    // of a run have tripped on a loaded machine (class loading, JIT) without any fault in the code.
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker worker = env.newWorker(recorded.getEvents().get(0).getWorkflowExecutionStartedEventAttributes()
          .getTaskQueue().getName(), TestWorkers.options());
      worker.registerWorkflowImplementationTypes(impls.toArray(Class<?>[]::new));
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
