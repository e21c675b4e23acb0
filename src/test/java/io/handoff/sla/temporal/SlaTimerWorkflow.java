package io.handoff.sla.temporal;

import io.handoff.sla.inactivity.InactivityPolicy;
import io.handoff.sla.policy.SlaTargets;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/** Test-only workflow showing how a journey workflow drives {@code SlaClocks} with durable timers. */
@WorkflowInterface
public interface SlaTimerWorkflow {

  /**
   * Runs the SLA clocks of a ticket created at start and, when {@code inactivity} is not null, the
   * inactivity ladder of its messaging session; returns "summary +offset" for each firing.
   */
  @WorkflowMethod
  List<String> run(SlaTargets targets, InactivityPolicy inactivity);

  @SignalMethod
  void customerMessage();

  @SignalMethod
  void publicAgentComment();

  @SignalMethod
  void priorityChanged(SlaTargets targets);

  @SignalMethod
  void close();

  @QueryMethod
  List<String> getFirings();

  /** How long after each deadline the workflow observed it (virtual time). */
  @QueryMethod
  List<Long> getWakeLagsMillis();
}
