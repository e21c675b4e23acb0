package io.handoff.journey;

import io.temporal.testing.WorkflowReplayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays recorded histories of released journey shapes against today's workflow code, so a change
 * that would break running journeys (non-determinism) fails here. Histories are recorded by
 * {@link JourneyHistoryRecorder}.
 */
class JourneyReplayTest {

  static Stream<Path> histories() throws Exception {
    return Files.list(Path.of("src/test/resources/histories")).filter(p -> p.toString().endsWith(".json")).sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("histories")
  void recordedHistoryReplaysWithoutNonDeterminism(Path history) throws Exception {
    WorkflowReplayer.replayWorkflowExecution(Files.readString(history), CustomerJourneyWorkflowImpl.class);
  }
}
