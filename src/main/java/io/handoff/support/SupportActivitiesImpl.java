package io.handoff.support;

import io.handoff.trigger.RuleSetHolder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Evaluates support triggers with the rules loaded at start-up. */
@ApplicationScoped
public class SupportActivitiesImpl implements SupportActivities {

  private RuleSetHolder rules;
  private DirectoryNames names;

  @Inject
  public SupportActivitiesImpl(RuleSetHolder rules, io.handoff.ticket.HelpdeskDirectory directory) {
    this(rules, DirectoryNames.of(directory));
  }

  public SupportActivitiesImpl(RuleSetHolder rules, DirectoryNames names) {
    this.rules = rules;
    this.names = names;
  }

  @Override
  public SupportDecision evaluate(TicketUpdate update) {
    return new SupportEngine(rules.ruleSet().support()).withNames(names).evaluate(update, rules.calendar());
  }
}
