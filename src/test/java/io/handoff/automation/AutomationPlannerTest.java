package io.handoff.automation;

import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.sla.hours.BusinessSchedule;
import io.handoff.sla.hours.Holiday;
import io.handoff.sla.hours.WeeklyInterval;
import io.handoff.support.Webhook;
import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketPriority;
import io.handoff.ticket.TicketStatus;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The exact instant each kind of time condition makes an automation due. */
class AutomationPlannerTest {
  /** Monday to Friday 09:00-17:00 UTC; Christmas 2026 (a Friday) is a holiday. */
  static final BusinessSchedule NINE_TO_FIVE = new BusinessSchedule("office", "UTC", weekdays(),
      List.of(new Holiday("Christmas", LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-25"))));
  static final Instant T0 = Instant.parse("2026-11-25T10:15:00Z");

  static List<WeeklyInterval> weekdays() {
    List<WeeklyInterval> out = new ArrayList<>();
    for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
        DayOfWeek.FRIDAY)) {
      out.add(new WeeklyInterval(d, 9 * 60, 17 * 60));
    }
    return out;
  }

  static AutomationSet automations(String yaml) {
    return AutomationLoader.parse(yaml, "automations.yaml",
        Map.of("ops", new Webhook("ops", "Ops", "https://hooks.example.invalid/ops"))).orThrow();
  }

  /** One automation with the given time condition and a nullifying tag. */
  static AutomationSet one(String field, String operator, int hours) {
    return automations("""
        automations:
          - title: A
            conditions:
              all:
                - { field: %s, operator: %s, value: %d }
                - { field: current_tags, operator: not_includes, value: done }
            actions:
              - { field: current_tags, value: done }
        """.formatted(field, operator, hours));
  }

  static Ticket ticket(TicketStatus status, Map<String, String> fields, String... tags) {
    return new Ticket("7", null, "Printer on fire", "", status, TicketPriority.NORMAL, null, "technical", null, "u-1",
        "Ana", "ana@example.com", null, Set.of(tags), fields, List.of(), "web_widget", T0, T0);
  }

  static AutomationFacts pendingSince(Instant since, Instant at) {
    return facts(ticket(TicketStatus.PENDING, Map.of()), Map.of("pending", since), null, at);
  }

  static AutomationFacts facts(Ticket t, Map<String, Instant> statuses, Instant nextBreach, Instant at) {
    return new AutomationFacts("k", t, statuses, null, statuses.values().stream().max(Instant::compareTo).orElse(T0),
        null, null, nextBreach, "active", Map.of(), Set.of(), at);
  }

  static Optional<Instant> due(AutomationSet set, AutomationFacts facts) {
    return AutomationPlanner.next(set, facts, NINE_TO_FIVE).map(AutomationPlanner.Due::at);
  }

  @Test
  void greaterThanIsDueOnceTheHoursHaveElapsedInCalendarTime() {
    assertThat(due(one("PENDING", "greater_than", 48), pendingSince(T0, T0)))
        .contains(Instant.parse("2026-11-27T10:15:00Z"));
    assertThat(due(one("PENDING", "greater_than", 48), pendingSince(T0, T0.plusSeconds(50 * 3600))))
        .contains(T0.plusSeconds(50 * 3600));
  }

  @Test
  void isGivesAOneHourWindowStartingAtTheHour() {
    AutomationSet set = one("PENDING", "is", 48);
    assertThat(due(set, pendingSince(T0, T0))).contains(T0.plusSeconds(48 * 3600));
    assertThat(due(set, pendingSince(T0, T0.plusSeconds(48 * 3600 + 1800)))).contains(T0.plusSeconds(48 * 3600 + 1800));
    assertThat(due(set, pendingSince(T0, T0.plusSeconds(49 * 3600)))).isEmpty();
  }

  @Test
  void anIsAutomationFiresOnceInItsWindowEvenAfterTheTicketChanges() {
    AutomationSet set = one("PENDING", "is", 48);
    Instant inWindow = T0.plusSeconds(48 * 3600 + 1800);
    AutomationFacts changedSinceFiring = new AutomationFacts("k", ticket(TicketStatus.PENDING, Map.of()),
        Map.of("pending", T0), null, T0, null, null, null, "active", Map.of(), Set.of(), inWindow,
        Map.of("A", T0.plusSeconds(48 * 3600)));
    assertThat(due(set, changedSinceFiring)).isEmpty();
    AutomationFacts pendingAgain = new AutomationFacts("k", ticket(TicketStatus.PENDING, Map.of()),
        Map.of("pending", T0.plusSeconds(100 * 3600)), null, T0, null, null, null, "active", Map.of(), Set.of(),
        inWindow, Map.of("A", T0.plusSeconds(48 * 3600)));
    assertThat(due(set, pendingAgain)).contains(T0.plusSeconds(148 * 3600));
  }

  @Test
  void lessThanHoldsFromTheStartUntilTheHours() {
    AutomationSet set = one("PENDING", "less_than", 4);
    assertThat(due(set, pendingSince(T0, T0.plusSeconds(3600)))).contains(T0.plusSeconds(3600));
    assertThat(due(set, pendingSince(T0, T0.plusSeconds(4 * 3600)))).isEmpty();
  }

  @Test
  void businessHoursSkipTheWeekend() {
    Instant friday = Instant.parse("2026-11-27T15:00:00Z");
    assertThat(due(one("PENDING", "greater_than_business_hours", 8), pendingSince(friday, friday)))
        .contains(Instant.parse("2026-11-30T15:00:00Z"));
  }

  @Test
  void businessHoursSkipHolidaysAndTheWeekend() {
    Instant thursday = Instant.parse("2026-12-24T13:00:00Z");
    assertThat(due(one("PENDING", "greater_than_business_hours", 8), pendingSince(thursday, thursday)))
        .contains(Instant.parse("2026-12-28T13:00:00Z"));
    assertThat(due(one("PENDING", "is_business_hours", 5), pendingSince(thursday, thursday)))
        .contains(Instant.parse("2026-12-28T10:00:00Z"));
  }

  @Test
  void aFieldWithoutAnInstantNeverHolds() {
    assertThat(due(one("SOLVED", "greater_than", 1), pendingSince(T0, T0))).isEmpty();
    assertThat(due(one("until_due_date", "less_than", 24), pendingSince(T0, T0))).isEmpty();
  }

  @Test
  void untilDueDateCountsDownToTheDueDateField() {
    Ticket t = ticket(TicketStatus.OPEN, Map.of("due_at", "2026-11-28T12:00:00Z"));
    AutomationFacts now = facts(t, Map.of("open", T0), null, T0);
    assertThat(due(one("until_due_date", "less_than", 24), now)).contains(Instant.parse("2026-11-27T12:00:00Z"));
    assertThat(due(one("until_due_date", "is", 2), now)).contains(Instant.parse("2026-11-28T10:00:00Z"));
    assertThat(due(one("until_due_date", "greater_than", 24), now)).contains(T0);
    assertThat(due(one("due_date", "greater_than", 1), now)).contains(Instant.parse("2026-11-28T13:00:00Z"));
  }

  @Test
  void untilDueDateInBusinessHoursCountsBackAcrossTheWeekend() {
    Ticket t = ticket(TicketStatus.OPEN, Map.of("due_at", "2026-11-30T10:00:00Z"));
    AutomationFacts now = facts(t, Map.of("open", T0), null, T0);
    // One business hour before Monday 10:00 is reached when Friday closes: Monday 09:00-10:00 is all that is left.
    assertThat(due(one("until_due_date", "less_than_business_hours", 1), now))
        .contains(Instant.parse("2026-11-27T17:00:00Z"));
    assertThat(due(one("until_due_date", "less_than_business_hours", 2), now))
        .contains(Instant.parse("2026-11-27T16:00:00Z"));
  }

  @Test
  void hoursUntilTheNextSlaBreachAreInclusive() {
    Instant breach = Instant.parse("2026-11-25T18:00:00Z");
    AutomationFacts now = facts(ticket(TicketStatus.OPEN, Map.of()), Map.of("open", T0), breach, T0);
    assertThat(due(one("sla_next_breach_at", "less_than", 2), now)).contains(Instant.parse("2026-11-25T16:00:00Z"));
    assertThat(due(one("until_sla_next_breach_at", "is", 1), now)).contains(Instant.parse("2026-11-25T17:00:00Z"));
  }

  @Test
  void allTimeConditionsMustHoldTogether() {
    AutomationSet set = automations("""
        automations:
          - title: A
            conditions:
              all:
                - { field: PENDING, operator: greater_than, value: 2 }
                - { field: updated_at, operator: greater_than, value: 5 }
            actions:
              - { field: status, value: solved }
        """);
    AutomationFacts f = new AutomationFacts("k", ticket(TicketStatus.PENDING, Map.of()), Map.of("pending", T0), null,
        T0.plusSeconds(3600), null, null, null, "active", Map.of(), Set.of(), T0);
    assertThat(due(set, f)).contains(T0.plusSeconds(6 * 3600));
  }

  @Test
  void otherConditionsFiredAutomationsAndClosedTicketsAreNotPlanned() {
    AutomationSet set = automations("""
        automations:
          - title: Pending only
            conditions:
              all:
                - { field: status, operator: is, value: pending }
                - { field: OPEN, operator: greater_than, value: 1 }
            actions:
              - { field: status, value: open }
        """);
    Ticket open = ticket(TicketStatus.OPEN, Map.of());
    assertThat(due(set, facts(open, Map.of("open", T0), null, T0))).isEmpty();
    Ticket pending = ticket(TicketStatus.PENDING, Map.of());
    AutomationFacts fired = new AutomationFacts("k", pending, Map.of("open", T0), null, T0, null, null, null,
        "active", Map.of(), Set.of("Pending only"), T0);
    assertThat(due(set, fired)).isEmpty();
    assertThat(due(one("OPEN", "greater_than", 1), facts(ticket(TicketStatus.CLOSED, Map.of()), Map.of("open", T0),
        null, T0))).isEmpty();
  }

  @Test
  void theEarliestAutomationIsPlannedAndNamed() {
    AutomationSet set = automations("""
        automations:
          - title: Late
            position: 1
            conditions:
              all: [{ field: PENDING, operator: is, value: 10 }]
            actions: [{ field: current_tags, value: late }]
          - title: Early
            position: 2
            conditions:
              all: [{ field: PENDING, operator: is, value: 3 }]
            actions: [{ field: current_tags, value: early }]
        """);
    assertThat(AutomationPlanner.next(set, pendingSince(T0, T0), NINE_TO_FIVE))
        .contains(new AutomationPlanner.Due(T0.plusSeconds(3 * 3600), "Early"));
  }
}
