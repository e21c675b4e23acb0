package io.handoff.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowUpdateTimeoutOrCancelledException;
import org.junit.jupiter.api.Test;

/**
 * Which failures of a call to a journey's workflow are "out of time", answered 503 Journey busy with
 * Retry-After rather than 500 (issue 15 item 10). The nested shape is how the dev server's update-with-start
 * reported a deadline in `bench/dev-server-timers.sh` (2026-12-04), which Handoff answered 500 before.
 */
class OutOfTimeTest {

  private static final WorkflowExecution EXECUTION = WorkflowExecution.newBuilder().setWorkflowId("journey-c-1").build();

  @Test
  void anUpdateWithStartThatRanOutOfItsDeadlineIsOutOfTime() {
    var deadline = Status.DEADLINE_EXCEEDED.withDescription("Context deadline exceeded after 8.18s").asRuntimeException();
    var update = new WorkflowUpdateTimeoutOrCancelledException(EXECUTION, "e-1", "event", deadline);
    assertThat(JourneyService.outOfTime(new WorkflowServiceException(EXECUTION, "CustomerJourneyWorkflow", update)))
        .isTrue();
  }

  @Test
  void aDeadlineOrCancellationDirectlyUnderTheServiceExceptionIsOutOfTime() {
    assertThat(JourneyService.outOfTime(new WorkflowServiceException(EXECUTION, "CustomerJourneyWorkflow",
        Status.DEADLINE_EXCEEDED.asRuntimeException()))).isTrue();
    assertThat(JourneyService.outOfTime(new WorkflowServiceException(EXECUTION, "CustomerJourneyWorkflow",
        Status.CANCELLED.asRuntimeException()))).isTrue();
  }

  @Test
  void otherFailuresAreNot() {
    assertThat(JourneyService.outOfTime(new WorkflowServiceException(EXECUTION, "CustomerJourneyWorkflow",
        Status.NOT_FOUND.asRuntimeException()))).isFalse();
    assertThat(JourneyService.outOfTime(new WorkflowServiceException(EXECUTION, "CustomerJourneyWorkflow",
        new IllegalStateException("x")))).isFalse();
  }
}
