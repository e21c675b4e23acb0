package io.handoff.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowServiceException;
import org.junit.jupiter.api.Test;

/**
 * Which refusals of a real Temporal server an event delivery tries again (issue 16): the messages are the
 * ones Temporal Server 1.32 (the dev server) answered on an overloaded machine, copied from Handoff's log.
 */
class TransientRejectionTest {

  private static WorkflowServiceException refused(Status status) {
    return new WorkflowServiceException(WorkflowExecution.newBuilder().setWorkflowId("journey-c-1").build(),
        "CustomerJourneyWorkflow", status.asRuntimeException());
  }

  @Test
  void passingRefusalsOfTheRealServerAreTriedAgain() {
    assertThat(JourneyService.transientRejection(refused(Status.FAILED_PRECONDITION.withDescription(
        "Unable to perform workflow execution update due to Workflow Task in failed state.")))).isTrue();
    assertThat(JourneyService.transientRejection(refused(Status.UNAVAILABLE.withDescription(
        "workflow update was aborted")))).isTrue();
    assertThat(JourneyService.transientRejection(refused(Status.RESOURCE_EXHAUSTED.withDescription(
        "Workflow is busy.")))).isTrue();
  }

  @Test
  void otherRefusalsAreNot() {
    assertThat(JourneyService.transientRejection(refused(Status.FAILED_PRECONDITION.withDescription(
        "Workflow execution is already completed")))).isFalse();
    assertThat(JourneyService.transientRejection(refused(Status.INVALID_ARGUMENT.withDescription(
        "Workflow Task in failed state")))).isFalse();
    assertThat(JourneyService.transientRejection(refused(Status.UNAVAILABLE.withDescription(
        "connection refused")))).isFalse();
    assertThat(JourneyService.transientRejection(new WorkflowServiceException(
        WorkflowExecution.getDefaultInstance(), "CustomerJourneyWorkflow", new IllegalStateException("x")))).isFalse();
  }
}
