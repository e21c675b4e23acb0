package io.handoff.support;

import io.handoff.trigger.RuleSetHolder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Evaluates support triggers with the rules loaded at start-up. */
@ApplicationScoped
public class SupportActivitiesImpl implements SupportActivities {

  private RuleSetHolder rules;

  @Inject
  public SupportActivitiesImpl(RuleSetHolder rules) {
    this.rules = rules;
  }

  @Override
  public SupportDecision evaluate(TicketUpdate update) {
    return new SupportEngine(rules.ruleSet().support()).evaluate(update, rules.calendar());
  }
}
