package io.handoff.trigger;

import io.handoff.rules.BusinessCalendar;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads the trigger rules once at start-up from {@code handoff.workflows-dir} and refuses to start
 * when they have errors (all of them are listed). Activities read the rules from here; workflows
 * never read files.
 */
@ApplicationScoped
@Startup
public class RuleSetHolder {

  private static final Logger LOG = Logger.getLogger(RuleSetHolder.class);

  private RuleSet ruleSet;
  private BusinessCalendar calendar;

  @Inject
  public RuleSetHolder(
      @ConfigProperty(name = "handoff.workflows-dir", defaultValue = "workflows") String workflowsDir,
      Instance<BusinessCalendar> calendars) {
    RuleSetLoad load = RuleSetLoader.load(Path.of(workflowsDir));
    if (!load.isValid()) {
      throw new IllegalStateException("invalid trigger rules:\n" + load.errors().stream()
          .map(Object::toString).collect(Collectors.joining("\n")));
    }
    load.warnings().forEach(w -> LOG.warn(w.toString()));
    this.ruleSet = load.ruleSet();
    this.calendar = calendars.isResolvable() ? calendars.get() : BusinessCalendar.ALWAYS_OPEN;
    if (!calendars.isResolvable()) {
      LOG.info("no business-hours calendar bean: in_business_hours is always true");
    }
    LOG.infof("trigger rules %s loaded from %s: %d messaging, %d active support triggers", ruleSet.version(),
        workflowsDir, ruleSet.messaging().triggers().size(), ruleSet.support().ordered().size());
  }

  /** For plain-Java callers and tests. */
  public RuleSetHolder(RuleSet ruleSet, BusinessCalendar calendar) {
    this.ruleSet = ruleSet;
    this.calendar = calendar;
  }

  public RuleSet ruleSet() {
    return ruleSet;
  }

  public BusinessCalendar calendar() {
    return calendar;
  }
}
