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
 * them. Business-hours operators count in the default schedule of {@code business-hours.yaml}.
 */
@ApplicationScoped
@Startup
public class AutomationActivitiesImpl implements AutomationActivities {
  private static final Logger LOG = Logger.getLogger(AutomationActivitiesImpl.class);

  private final AutomationSet automations;
  private final WorkingTime business;

  @Inject
  public AutomationActivitiesImpl(HandoffConfig config, BusinessHours hours, RuleSetHolder rules) {
    this(AutomationLoader.load(Path.of(config.workflowsDir()), rules.ruleSet().support().webhooks()).orThrow(),
        hours.schedule(null));
    LOG.infof("automations %s loaded from %s: %d active", automations.version(), config.workflowsDir(),
        automations.ordered().size());
  }

  /** Outside CDI (tests, CLI). */
  public AutomationActivitiesImpl(AutomationSet automations, WorkingTime business) {
    this.automations = automations;
    this.business = business;
  }

  @Override
  public AutomationPlanner.Due plan(AutomationFacts facts) {
    return AutomationPlanner.next(automations, facts, business).orElse(new AutomationPlanner.Due(null, null));
  }

  @Override
  public AutomationEngine.Result run(AutomationFacts facts) {
    return AutomationEngine.run(automations, facts, business);
  }
}
