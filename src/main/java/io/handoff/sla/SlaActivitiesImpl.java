package io.handoff.sla;

import io.handoff.config.HandoffConfig;
import io.handoff.rules.RuleFileError;
import io.handoff.sla.hours.BusinessHours;
import io.handoff.sla.inactivity.InactivityPolicy;
import io.handoff.sla.inactivity.InactivityPolicyLoader;
import io.handoff.sla.policy.SlaPolicies;
import io.handoff.sla.policy.SlaPolicyLoader;
import io.handoff.sla.policy.SlaPolicyMatcher;
import io.handoff.sla.policy.SlaTargets;
import io.handoff.ticket.Ticket;
import io.handoff.yaml.Loaded;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads SLA policies and the inactivity policy at start and fails fast on errors; {@link #reload()}
 * reads them again (after an import writes {@code sla-policies.yaml}). Both are read only in
 * activities, so a reload never changes what a running journey's history replays.
 */
@ApplicationScoped
@io.quarkus.runtime.Startup
public class SlaActivitiesImpl implements SlaActivities {
  @Inject HandoffConfig config;
  /** In the service: the schedules, read again at each {@link #reload()}. */
  @Inject BusinessHoursHolder hoursHolder;
  private BusinessHours hours;
  @Inject DemoClockConfig demo;
  private TimeScale scale = TimeScale.NONE;
  private volatile SlaPolicyMatcher matcher;

  private static final Ticket SAMPLE = new Ticket("0", null, "", "", io.handoff.ticket.TicketStatus.NEW,
      io.handoff.ticket.TicketPriority.NORMAL, null, null, null, null, null, null, null, null, null, null, "api",
      null, null);

  private volatile SlaPolicies policies;
  private volatile InactivityPolicy inactivity;
  private Path workflowsDir;

  /** For CDI. */
  public SlaActivitiesImpl() {}

  /** Outside CDI (tests, CLI): loads the policies from {@code workflowsDir} with the given schedules. */
  public SlaActivitiesImpl(Path workflowsDir, BusinessHours hours) {
    this.hours = hours;
    load(workflowsDir);
  }

  @PostConstruct
  void load() {
    scale = new TimeScale(demo.timeScale());
    if (scale.scaled()) {
      org.jboss.logging.Logger.getLogger(SlaActivitiesImpl.class).infof("demo clock: SLA targets and the inactivity"
          + " ladder run %d times faster (handoff.demo.time-scale), SLA targets in calendar time", scale.factor());
    }
    load(Path.of(config.workflowsDir()));
  }

  private synchronized void load(Path dir) {
    BusinessHours hours = hoursHolder != null ? hoursHolder.current() : this.hours;
    SlaPolicies loadedPolicies = orFail(SlaPolicyLoader.load(dir.resolve("sla-policies.yaml"), hours));
    SlaPolicyMatcher loadedMatcher = new io.handoff.support.SupportFilterMatcher(hours);
    // Compile every policy filter now, so a filter the rule kernel refuses fails the start, not a journey.
    loadedPolicies.policies().forEach(p -> loadedMatcher.matches(SAMPLE, p.filter()));
    InactivityPolicy loadedInactivity = localized(orFail(InactivityPolicyLoader.load(dir.resolve("inactivity.yaml"))),
        orFail(io.handoff.rules.DynamicContentLoader.load(dir)));
    workflowsDir = dir;
    this.hours = hours;
    matcher = loadedMatcher;
    policies = loadedPolicies;
    inactivity = loadedInactivity;
  }

  /**
   * Reads the policies of the same directory again, with the schedules in use (reload
   * {@link BusinessHoursHolder} first when {@code business-hours.yaml} changed). Throws (keeping the old
   * policies) when a file is invalid; new targets apply from the next ticket create or update of each journey.
   */
  public void reload() {
    load(workflowsDir);
  }

  /** The policy with its reminders' {@code {{dc.name}}} texts resolved per language. */
  static InactivityPolicy localized(InactivityPolicy policy, io.handoff.rules.DynamicContent content) {
    return new InactivityPolicy(policy.inactiveAfter(),
        policy.reminders().stream().map(r -> r.localized(content)).toList(), policy.endSession());
  }

  private static <T> T orFail(Loaded<T> loaded) {
    List<RuleFileError> errors = loaded.errors().stream()
        .filter(e -> e.severity() == RuleFileError.Severity.ERROR).toList();
    if (!errors.isEmpty()) {
      throw new IllegalStateException("Invalid rule file:\n" + String.join("\n",
          errors.stream().map(RuleFileError::toString).toList()));
    }
    return loaded.value();
  }

  /** The policies loaded at start, in order. */
  public SlaPolicies policies() {
    return policies;
  }

  @Override
  public SlaTargets targetsFor(Ticket ticket) {
    return scale.apply(policies.targetsFor(ticket, matcher));
  }

  @Override
  public InactivityPolicy inactivityPolicy() {
    return scale.apply(inactivity);
  }
}
