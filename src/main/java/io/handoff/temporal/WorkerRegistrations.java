package io.handoff.temporal;

import java.util.List;

/**
 * What the worker runs: the workflow implementations and the activity implementations it registers, and
 * the warm-up before it starts. Implemented above this package (by the journey's worker wiring) so that the
 * connection imports no workflow or activity.
 */
public interface WorkerRegistrations {

  /** Every workflow implementation type the worker registers. */
  List<Class<?>> workflowTypes();

  /** Every activity implementation the worker registers, each a CDI bean with its dependencies injected. */
  Object[] activities();

  /** Runs once before the worker starts (e.g. loading the workflow's JSON machinery). */
  void warmUp();
}
