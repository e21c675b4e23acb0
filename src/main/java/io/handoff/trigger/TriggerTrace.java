package io.handoff.trigger;

import java.util.List;

/**
 * One trigger considered in one pass: matched or not, the first failing condition when not, the
 * actions applied when it fired.
 *
 * @param pass the 1-based pass of the support-trigger loop (always 1 for messaging triggers)
 * @param outcome what happened to the trigger in this pass
 * @param failure why it did not match (outcome NOT_MATCHED), else null
 */
public record TriggerTrace(
    String trigger, int pass, Outcome outcome, ConditionFailure failure, List<ActionTrace> actions) {

  public TriggerTrace {
    actions = actions == null ? List.of() : List.copyOf(actions);
  }

  /** What a trigger did in a pass. */
  public enum Outcome {
    FIRED,
    NOT_MATCHED,
    /** Messaging: "run once per conversation" and it already ran. */
    SKIPPED_ALREADY_RAN
  }
}
