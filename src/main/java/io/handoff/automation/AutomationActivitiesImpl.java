package io.handoff.automation;

import io.handoff.config.HandoffConfig;
import io.handoff.sla.hours.BusinessHours;
import io.handoff.sla.hours.WorkingTime;
import io.handoff.trigger.RuleSetHolder;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * Loads the automations once at start (an invalid file stops the start with every error) and evaluates
 * them. Business-hours operators count in the ticket's schedule (custom field {@code schedule}, set by
 * {@code set_schedule}), else the default schedule of {@code business-hours.yaml}.
 */
@ApplicationScoped
@Startup
public class AutomationActivitiesImpl implements AutomationActivities {
  private static final Logger LOG = Logger.getLogger(AutomationActivitiesImpl.class);

  private volatile AutomationSet automations;
  /** Outside CDI: the one schedule business hours count in. */
  private final WorkingTime business;
  /**
   * In the service: each ticket's business hours are its own schedule (custom field {@code schedule}),
   * from the schedules in use (reloaded after an import).
   */
  private final io.handoff.sla.BusinessHoursHolder hours;
  private final Path workflowsDir;
  private final RuleSetHolder rules;

  private io.handoff.support.DirectoryNames names = io.handoff.support.DirectoryNames.IDS;

  @Inject
  public AutomationActivitiesImpl(HandoffConfig config, io.handoff.sla.BusinessHoursHolder hours, RuleSetHolder rules,
      io.handoff.ticket.HelpdeskDirectory directory) {
    this.names = io.handoff.support.DirectoryNames.of(directory);
    this.workflowsDir = Path.of(config.workflowsDir());
    this.rules = rules;
    this.business = null;
    this.hours = hours;
    reload();
  }

  /** Outside CDI (tests, CLI). */
  public AutomationActivitiesImpl(AutomationSet automations, WorkingTime business) {
    this.automations = automations;
    this.business = business;
    this.hours = null;
    this.workflowsDir = null;
    this.rules = null;
  }

  /** The automations in use. */
  public AutomationSet automations() {
    return automations;
  }

  /**
   * Loads {@code automations.yaml} again (after an import wrote it): later plans and runs use it; a
   * journey's planned timer is re-planned at its ticket's next change. Throws when the file is invalid.
   */
  public void reload() {
    if (workflowsDir == null) {
      return;
    }
    automations = AutomationLoader.load(workflowsDir, rules.ruleSet().support().webhooks()).orThrow();
    LOG.infof("automations %s loaded from %s: %d active", automations.version(), workflowsDir,
        automations.ordered().size());
  }

  @Override
  public AutomationPlanner.Due plan(AutomationFacts facts) {
    return AutomationPlanner.next(automations, facts, business(facts)).orElse(new AutomationPlanner.Due(null, null));
  }

  @Override
  public AutomationEngine.Result run(AutomationFacts facts) {
    return AutomationEngine.run(automations, facts, business(facts), names,
        rules == null ? io.handoff.rules.DynamicContent.NONE : rules.ruleSet().support().content());
  }

  /** The ticket's schedule (Zendesk measures each ticket against its own), else the default schedule. */
  private WorkingTime business(AutomationFacts facts) {
    if (hours == null) {
      return business;
    }
    BusinessHours current = hours.current();
    return facts.ticket() == null ? current.schedule(null) : current.forTicket(facts.ticket().customFields());
  }
}
