package io.handoff.trigger;

import java.util.List;

/**
 * The decision trace of one evaluation, returned by the trigger activities so it shows in Temporal's
 * history. Plain data: serialisable with Jackson.
 *
 * @param engine "messaging" or "support"
 * @param ruleSetVersion the hash of the rule files evaluated
 * @param passes support: number of passes of the loop; messaging: 1
 * @param triggers every trigger considered, in evaluation order
 * @param error null, or why the evaluation stopped early (loop cap)
 */
public record EvaluationTrace(
    String engine, String ruleSetVersion, int passes, List<TriggerTrace> triggers, String error) {

  public EvaluationTrace {
    triggers = triggers == null ? List.of() : List.copyOf(triggers);
  }

  /** Names of the triggers that fired, in firing order. */
  public List<String> fired() {
    return triggers.stream().filter(t -> t.outcome() == TriggerTrace.Outcome.FIRED)
        .map(TriggerTrace::trigger).toList();
  }
}
