package io.handoff.temporal;

/** Task queue names used by Handoff's workers. */
public final class TaskQueues {
  /** Default task queue for journeys (overridable with {@code handoff.temporal.task-queue}). */
  public static final String JOURNEYS = "handoff-journeys";

  private TaskQueues() {}
}
