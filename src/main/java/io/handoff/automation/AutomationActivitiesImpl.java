package io.handoff.automation;

import io.handoff.sla.hours.BusinessHours;
import io.handoff.sla.hours.WorkingTime;
import io.handoff.support.DirectoryNames;
import io.handoff.trigger.DynamicContent;
import java.util.function.Supplier;

/**
 * Plans and runs the automations. Business-hours operators count in the ticket's schedule (custom field
 * {@code schedule}, set by {@code set_schedule}), else the default schedule of {@code business-hours.yaml}.
 * The automations come from a supplier read once per call: in the service, the rule directory in use, so
 * later plans and runs use a reloaded file; a journey's planned timer is re-planned at its ticket's next change.
 */
public class AutomationActivitiesImpl implements AutomationActivities {

  /**
   * What one call reads, all from one rule directory.
   *
   * @param hours each ticket's business hours are its own schedule; null: {@code business} for every ticket
   * @param business the one schedule business hours count in when {@code hours} is null
   */
  public record Rules(AutomationSet automations, BusinessHours hours, WorkingTime business, DynamicContent content) {}

  private final Supplier<Rules> rules;
  private final DirectoryNames names;

  public AutomationActivitiesImpl(Supplier<Rules> rules, DirectoryNames names) {
    this.rules = rules;
    this.names = names;
  }

  /** Outside CDI (tests, CLI): fixed automations, one schedule, no dynamic content, ids as names. */
  public AutomationActivitiesImpl(AutomationSet automations, WorkingTime business) {
    this(() -> new Rules(automations, null, business, DynamicContent.NONE), DirectoryNames.IDS);
  }

  /** The automations in use. */
  public AutomationSet automations() {
    return rules.get().automations();
  }

  @Override
  public AutomationPlanner.Due plan(AutomationFacts facts) {
    Rules r = rules.get();
    return AutomationPlanner.next(r.automations(), facts, business(r, facts))
        .orElse(new AutomationPlanner.Due(null, null));
  }

  @Override
  public AutomationEngine.Result run(AutomationFacts facts) {
    Rules r = rules.get();
    return AutomationEngine.run(r.automations(), facts, business(r, facts), names, r.content());
  }

  /** The ticket's schedule (Zendesk measures each ticket against its own), else the default schedule. */
  private static WorkingTime business(Rules r, AutomationFacts facts) {
    if (r.hours() == null) {
      return r.business();
    }
    return facts.ticket() == null ? r.hours().schedule(null) : r.hours().forTicket(facts.ticket().customFields());
  }
}
