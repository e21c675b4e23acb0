package io.handoff.sla;

import io.handoff.sla.hours.BusinessHours;
import io.handoff.sla.inactivity.InactivityPolicy;
import io.handoff.sla.inactivity.InactivityPolicyLoader;
import io.handoff.sla.policy.SlaPolicies;
import io.handoff.sla.policy.SlaPolicyLoader;
import io.handoff.sla.policy.SlaPolicyMatcher;
import io.handoff.sla.policy.SlaTargets;
import io.handoff.ticket.Ticket;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Serves the SLA targets and the inactivity policy. The policies come from a supplier read once per call:
 * in the service, the rule directory in use, so a reload applies from the next ticket create or update of
 * each journey. They are read only in activities, so a reload never changes what a running journey's
 * history replays.
 */
public class SlaActivitiesImpl implements SlaActivities {

  private static final Ticket SAMPLE = new Ticket("0", null, "", "", io.handoff.ticket.TicketStatus.NEW,
      io.handoff.ticket.TicketPriority.NORMAL, null, null, null, null, null, null, null, null, null, null, "api",
      null, null);

  /**
   * What the activities read, all from one rule directory: the policies with their filters compiled
   * against the policies' schedules, and the inactivity policy with its dynamic content resolved.
   */
  public record Rules(SlaPolicies policies, SlaPolicyMatcher matcher, InactivityPolicy inactivity) {

    /**
     * Compiles every policy filter now, so a filter the rule kernel refuses fails the load, not a journey.
     *
     * @param inactivity with its {@code {{dc.name}}} texts resolved ({@link InactivityPolicy#localized})
     */
    public static Rules of(SlaPolicies policies, InactivityPolicy inactivity) {
      SlaPolicyMatcher matcher = new io.handoff.sla.policy.SupportFilterMatcher(policies.businessHours());
      policies.policies().forEach(p -> matcher.matches(SAMPLE, p.filter()));
      return new Rules(policies, matcher, inactivity);
    }
  }

  private final Supplier<Rules> rules;
  private final TimeScale scale;

  /** @param rules read at each call; build each value once ({@link Rules#of}), not per call */
  public SlaActivitiesImpl(Supplier<Rules> rules, TimeScale scale) {
    this.rules = rules;
    this.scale = scale;
  }

  /** Outside CDI (tests, CLI): loads the policies from {@code workflowsDir} once, with the given schedules. */
  public SlaActivitiesImpl(Path workflowsDir, BusinessHours hours) {
    Rules fixed = Rules.of(SlaPolicyLoader.load(workflowsDir.resolve("sla-policies.yaml"), hours).orThrow(),
        InactivityPolicyLoader.load(workflowsDir.resolve("inactivity.yaml")).orThrow()
            .localized(io.handoff.trigger.DynamicContentLoader.load(workflowsDir).orThrow()));
    this.rules = () -> fixed;
    this.scale = TimeScale.NONE;
  }

  /** The policies in use, in order. */
  public SlaPolicies policies() {
    return rules.get().policies();
  }

  @Override
  public SlaTargets targetsFor(Ticket ticket) {
    Rules r = rules.get();
    return scale.apply(r.policies().targetsFor(ticket, r.matcher()));
  }

  @Override
  public InactivityPolicy inactivityPolicy() {
    return scale.apply(rules.get().inactivity());
  }
}
