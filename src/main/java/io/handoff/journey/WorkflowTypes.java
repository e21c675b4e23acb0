package io.handoff.journey;

import java.util.List;

/**
 * Every workflow implementation Handoff's worker runs: the one list the worker registers and the
 * replay test replays recorded histories against, so a new workflow type cannot ship without a
 * recorded history (docs/upgrading.md).
 */
public final class WorkflowTypes {
  private WorkflowTypes() {}

  public static final List<Class<?>> IMPLEMENTATIONS = List.of(CustomerJourneyWorkflowImpl.class);
}
