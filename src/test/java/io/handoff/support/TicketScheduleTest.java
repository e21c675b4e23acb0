package io.handoff.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.sla.hours.BusinessHours;
import io.handoff.sla.hours.BusinessHoursLoader;
import io.handoff.sla.policy.SlaMetric;
import io.handoff.sla.policy.SlaPolicies;
import io.handoff.sla.policy.SlaPolicyLoader;
import io.handoff.sla.policy.SlaTargets;
import io.handoff.sla.policy.SupportFilterMatcher;
import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketPriority;
import io.handoff.ticket.TicketStatus;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each ticket is measured against its own schedule, as in Zendesk: {@code set_schedule} sets it (custom
 * field {@code schedule}); {@code in_business_hours} and SLA business-hours targets read it; the default
 * schedule otherwise.
 */
class TicketScheduleTest {

  // 2026-11-24T10:00:00Z (SupportFixtures.NOW) is a Tuesday: 11:00 in Paris (open), 05:00 in New York (closed).
  static final BusinessHours HOURS = BusinessHoursLoader.parse("business-hours.yaml", """
      default: paris
      schedules:
        - name: paris
          time_zone: Europe/Paris
          hours: {weekdays: "09:00-18:00"}
        - name: new-york
          time_zone: America/New_York
          hours: {weekdays: "09:00-17:00"}
      """).orThrow();

  static Ticket ticket(Map<String, String> custom) {
    return SupportFixtures.ticket(TicketStatus.NEW, TicketPriority.NORMAL, null, Set.of(), custom);
  }

  static SupportDecision run(String yaml, Ticket after) {
    TicketUpdate u = new TicketUpdate("k", null, after, null, new Actor("r1", "Rita", io.handoff.ticket.TicketComment.AuthorRole.END_USER),
        null, null, Map.of(), Map.of(), SupportFixtures.NOW);
    return new SupportEngine(SupportFixtures.parse(yaml)).evaluate(u, HOURS);
  }

  static final String OUT_OF_HOURS = """
      triggers:
        - title: Out of hours
          conditions: {all: [{field: in_business_hours, value: false}]}
          actions: [{field: current_tags, value: after_hours}]
      """;

  @Test
  void inBusinessHoursReadsTheTicketsScheduleElseTheDefault() {
    assertThat(run(OUT_OF_HOURS, ticket(Map.of())).ticket().tags()).doesNotContain("after_hours");
    assertThat(run(OUT_OF_HOURS, ticket(Map.of("schedule", "new-york"))).ticket().tags()).contains("after_hours");
    assertThat(run(OUT_OF_HOURS, ticket(Map.of("schedule", "unknown"))).ticket().tags()).doesNotContain("after_hours");
  }

  @Test
  void setScheduleSetsTheTicketsScheduleAndLaterTriggersSeeIt() {
    SupportDecision d = run("""
        triggers:
          - title: US customers
            conditions: {all: [{field: update_type, value: Create}]}
            actions: [{field: set_schedule, value: new-york}]
          - title: Reads schedule
            conditions: {all: [{field: custom_fields_schedule, value: new-york}]}
            actions: [{field: current_tags, value: us_hours}]
        """, ticket(Map.of()));
    assertThat(d.ticket().customFields()).containsEntry("schedule", "new-york");
    assertThat(d.ticket().tags()).contains("us_hours");
  }

  @Test
  void setScheduleWithoutAValueIsAnErrorWithItsLine() {
    io.handoff.yaml.Problems problems = new io.handoff.yaml.Problems("support-triggers.yaml");
    new SupportTriggerParser(problems).parse("""
        triggers:
          - title: T
            actions:
              - {field: set_schedule, value: ""}
        """, "v");
    assertThat(problems.all()).extracting(Object::toString)
        .anyMatch(s -> s.startsWith("support-triggers.yaml:4:") && s.contains("set_schedule")
            && s.contains("a schedule name of business-hours.yaml"));
  }

  @Test
  void slaBusinessHoursTargetsUseTheTicketsScheduleUnlessThePolicyNamesOne() {
    SlaPolicies policies = SlaPolicyLoader.parse("sla-policies.yaml", """
        policies:
          - name: Pinned
            filter: {all: [{field: current_tags, operator: includes, value: pinned}]}
            business_hours: true
            schedule: paris
            targets: {first_reply_time: {normal: 2h}}
          - name: Everyone
            business_hours: true
            targets: {first_reply_time: {normal: 2h}}
        """, HOURS).orThrow();
    SupportFilterMatcher matcher = new SupportFilterMatcher(HOURS);
    SlaTargets own = policies.targetsFor(ticket(Map.of("schedule", "new-york")), matcher);
    assertThat(own.targets()).singleElement().satisfies(t -> {
      assertThat(t.metric()).isEqualTo(SlaMetric.FIRST_REPLY_TIME);
      assertThat(t.schedule().name()).isEqualTo("new-york");
    });
    assertThat(policies.targetsFor(ticket(Map.of()), matcher).targets().get(0).schedule().name()).isEqualTo("paris");
    Ticket pinned = SupportFixtures.ticket(TicketStatus.NEW, TicketPriority.NORMAL, null, Set.of("pinned"),
        Map.of("schedule", "new-york"));
    assertThat(policies.targetsFor(pinned, matcher).targets().get(0).schedule().name()).isEqualTo("paris");
  }

  static final String SCHEDULE_TRIGGERS = """
      triggers:
        - title: On the Paris schedule
          conditions: {all: [{field: schedule_id, operator: is, value: paris}]}
          actions: [{field: current_tags, value: paris_ticket}]
        - title: Not on the New York schedule
          conditions: {all: [{field: schedule_id, operator: is_not, value: new-york}]}
          actions: [{field: current_tags, value: not_new_york}]
        - title: New York open
          conditions: {all: [{field: within_schedule, operator: is, value: new-york}]}
          actions: [{field: current_tags, value: new_york_open}]
        - title: New York closed
          conditions: {all: [{field: within_schedule, operator: is_not, value: new-york}]}
          actions: [{field: current_tags, value: new_york_closed}]
      """;

  @Test
  void scheduleIdIsTheTicketsScheduleAndTheDefaultWhenItHasNoneOrAnUnknownOne() {
    assertThat(run(SCHEDULE_TRIGGERS, ticket(Map.of())).ticket().tags()).contains("paris_ticket", "not_new_york");
    assertThat(run(SCHEDULE_TRIGGERS, ticket(Map.of("schedule", "gone"))).ticket().tags()).contains("paris_ticket");
    assertThat(run(SCHEDULE_TRIGGERS, ticket(Map.of("schedule", "new-york"))).ticket().tags())
        .doesNotContain("paris_ticket", "not_new_york");
  }

  @Test
  void withinScheduleReadsTheNamedSchedulesHoursAtTheUpdatesInstant() {
    // NOW is 05:00 in New York: closed there, whatever the ticket's own schedule.
    assertThat(run(SCHEDULE_TRIGGERS, ticket(Map.of())).ticket().tags()).contains("new_york_closed")
        .doesNotContain("new_york_open");
    Ticket t = ticket(Map.of());
    java.time.Instant nineThirtyInNewYork = java.time.Instant.parse("2026-11-24T14:30:00Z");
    TicketUpdate u = new TicketUpdate("k", null, t, null, null, null, null, Map.of(), Map.of(), nineThirtyInNewYork);
    assertThat(new SupportEngine(SupportFixtures.parse(SCHEDULE_TRIGGERS)).evaluate(u, HOURS).ticket().tags())
        .contains("new_york_open").doesNotContain("new_york_closed");
  }

  @Test
  void withinOneScheduleAndOutsideAnotherIsNoContradiction() {
    io.handoff.yaml.Problems problems = new io.handoff.yaml.Problems("support-triggers.yaml");
    SupportTriggerSet set = new SupportTriggerParser(problems).parse("""
        triggers:
          - title: Paris open, New York closed
            conditions:
              all:
                - {field: within_schedule, operator: is, value: paris}
                - {field: within_schedule, operator: is_not, value: new-york}
            actions: [{field: current_tags, value: europe_only}]
        """, "v");
    assertThat(problems.all()).isEmpty();
    Ticket t = ticket(Map.of());
    TicketUpdate u = new TicketUpdate("k", null, t, null, null, null, null, Map.of(), Map.of(), SupportFixtures.NOW);
    assertThat(new SupportEngine(set).evaluate(u, HOURS).ticket().tags()).contains("europe_only");
  }

  @Test
  void slaFiltersReadTheTicketsSchedule() {
    SlaPolicies policies = SlaPolicyLoader.parse("sla-policies.yaml", """
        policies:
          - name: New York desk
            filter: {all: [{field: schedule_id, operator: is, value: new-york}]}
            targets: {first_reply_time: {normal: 1h}}
        """, HOURS).orThrow();
    SupportFilterMatcher matcher = new SupportFilterMatcher(HOURS);
    assertThat(policies.targetsFor(ticket(Map.of("schedule", "new-york")), matcher).policy()).isEqualTo("New York desk");
    assertThat(policies.targetsFor(ticket(Map.of()), matcher).targets()).isEmpty();
  }

  @Test
  void automationsCountBusinessHoursInTheTicketsSchedule() {
    assertThat(HOURS.forTicket(Map.of("schedule", "new-york")).name()).isEqualTo("new-york");
    assertThat(HOURS.forTicket(Map.of()).name()).isEqualTo("paris");
    assertThat(HOURS.forTicket(Map.of("schedule", "gone")).name()).isEqualTo("paris");
  }
}
