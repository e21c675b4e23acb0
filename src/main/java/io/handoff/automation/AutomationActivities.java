package io.handoff.automation;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * The automations of {@code workflows/automations.yaml} for the journey workflow, which must not read
 * files. Both methods are pure evaluations (no side effects), so retries are safe.
 */
@ActivityInterface(namePrefix = "Automation")
public interface AutomationActivities {

  /**
   * The next automation due for the ticket at or after {@code facts.at()}: its instant and title, or
   * a {@link AutomationPlanner.Due} with a null instant when none is due.
   */
  @ActivityMethod
  AutomationPlanner.Due plan(AutomationFacts facts);

  /**
   * Runs the automations due at {@code facts.at()} (Zendesk's run, in position order). The workflow
   * saves the resulting ticket (which runs the support triggers), adds the comments and sends the
   * notifications, each keyed from {@code facts.idempotencyKey()}.
   */
  @ActivityMethod
  AutomationEngine.Result run(AutomationFacts facts);
}
