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
 * Loads the trigger rules at start-up from {@code handoff.workflows-dir} and refuses to start when
 * they have errors (all of them are listed). Activities read the rules from here; workflows never read
 * files. {@link #reload()} swaps in the directory's current rules when they are valid: safe for running
 * journeys because rules are only evaluated inside activities, whose results Temporal records.
 */
@ApplicationScoped
@Startup
public class RuleSetHolder {

  private static final Logger LOG = Logger.getLogger(RuleSetHolder.class);

  private volatile RuleSet ruleSet;
  private BusinessCalendar calendar;
  private Path workflowsDir;

  @Inject
  public RuleSetHolder(
      @ConfigProperty(name = "handoff.workflows-dir", defaultValue = "workflows") String workflowsDir,
      Instance<BusinessCalendar> calendars) {
    this.workflowsDir = Path.of(workflowsDir);
    RuleSetLoad load = RuleSetLoader.load(this.workflowsDir);
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

  /**
   * Loads the rule directory again; when it is valid the new rules replace the old ones for every
   * evaluation that starts afterwards, else the old rules stay and the load's errors are returned.
   */
  public synchronized RuleSetLoad reload() {
    if (workflowsDir == null) {
      throw new IllegalStateException("this rule set was not loaded from a directory");
    }
    RuleSetLoad load = RuleSetLoader.load(workflowsDir);
    if (load.isValid()) {
      String previous = ruleSet.version();
      ruleSet = load.ruleSet();
      LOG.infof("trigger rules reloaded from %s: %s -> %s", workflowsDir, previous, ruleSet.version());
    }
    return load;
  }

  public RuleSet ruleSet() {
    return ruleSet;
  }

  public BusinessCalendar calendar() {
    return calendar;
  }
}
