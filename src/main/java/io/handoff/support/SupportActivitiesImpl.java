package io.handoff.support;

import io.handoff.trigger.BusinessCalendar;
import java.util.function.Supplier;

/**
 * Evaluates support triggers. The rules come from a supplier read once per call: in the service, the rule
 * directory in use (so a reload applies from the next call).
 */
public class SupportActivitiesImpl implements SupportActivities {

  /** What one evaluation reads, all from one rule directory. */
  public record Rules(SupportTriggerSet triggers, BusinessCalendar calendar) {}

  private final Supplier<Rules> rules;
  private final DirectoryNames names;

  public SupportActivitiesImpl(Supplier<Rules> rules, DirectoryNames names) {
    this.rules = rules;
    this.names = names;
  }

  /** Fixed rules (tests, CLI). */
  public SupportActivitiesImpl(SupportTriggerSet triggers, BusinessCalendar calendar, DirectoryNames names) {
    this(() -> new Rules(triggers, calendar), names);
  }

  @Override
  public SupportDecision evaluate(TicketUpdate update) {
    Rules r = rules.get();
    return new SupportEngine(r.triggers()).withNames(names).evaluate(update, r.calendar());
  }
}
