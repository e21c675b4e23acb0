package io.handoff.sla.clock;

import static io.handoff.sla.clock.SlaFixtures.businessTarget;
import static io.handoff.sla.clock.SlaFixtures.targets;
import static io.handoff.sla.policy.SlaMetric.AGENT_WORK_TIME;
import static io.handoff.sla.policy.SlaMetric.FIRST_REPLY_TIME;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.handoff.sla.clock.SlaDeadline.Kind;
import io.handoff.sla.hours.BusinessHours;
import io.handoff.sla.hours.BusinessHoursLoader;
import io.handoff.sla.hours.BusinessSchedule;
import io.handoff.ticket.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlaClocksBusinessHoursTest {

  static final BusinessHours HOURS = BusinessHoursLoader.parse("bh.yaml", """
      schedules:
        - name: paris
          time_zone: Europe/Paris
          hours: {weekdays: "09:00-17:00"}
          holidays: [2026-12-25]
        - name: new-york
          time_zone: America/New_York
          hours: {weekdays: "08:00-20:00"}
      """).orThrow();
  static final BusinessSchedule PARIS = HOURS.schedule("paris");
  static final BusinessSchedule NEW_YORK = HOURS.schedule("new-york");

  static Instant paris(String local) {
    return LocalDateTime.parse(local).atZone(ZoneId.of("Europe/Paris")).toInstant();
  }

  static Instant newYork(String local) {
    return LocalDateTime.parse(local).atZone(ZoneId.of("America/New_York")).toInstant();
  }

  @Test
  void targetInBusinessHoursSkipsTheWeekend() {
    SlaClocks c = SlaClocks.ticketCreated(paris("2026-03-06T16:00"), TicketStatus.OPEN,
        targets(businessTarget(FIRST_REPLY_TIME, Duration.ofHours(2), PARIS, 75)));
    assertEquals(List.of(new SlaDeadline(FIRST_REPLY_TIME, Kind.WARNING, 75, paris("2026-03-09T09:30"), 1),
        new SlaDeadline(FIRST_REPLY_TIME, Kind.BREACH, 100, paris("2026-03-09T10:00"), 1)), c.pendingDeadlines());
    assertEquals(List.of(), c.fire(paris("2026-03-09T09:29:59")));
    assertEquals(1, c.fire(paris("2026-03-09T09:30")).size());
  }

  @Test
  void targetInBusinessHoursSkipsHolidays() {
    SlaClocks c = SlaClocks.ticketCreated(paris("2026-12-24T16:00"), TicketStatus.OPEN,
        targets(businessTarget(FIRST_REPLY_TIME, Duration.ofHours(2), PARIS)));
    assertEquals(paris("2026-12-28T10:00"), c.nextDeadline().orElseThrow().at());
  }

  @Test
  void businessHoursAcrossParisSpringForward() {
    SlaClocks c = SlaClocks.ticketCreated(paris("2026-03-27T16:30"), TicketStatus.OPEN,
        targets(businessTarget(FIRST_REPLY_TIME, Duration.ofHours(1), PARIS)));
    assertEquals(Instant.parse("2026-03-30T07:30:00Z"), c.nextDeadline().orElseThrow().at());
  }

  @Test
  void pausedBusinessTimeAcrossNewYorkFallBack() {
    // Agent work 4h in business hours: 1h Friday before pending; resumes Monday 08:00 EST, so 3h remain.
    SlaClocks c = SlaClocks.ticketCreated(newYork("2026-10-30T18:00"), TicketStatus.OPEN,
        targets(businessTarget(AGENT_WORK_TIME, Duration.ofHours(4), NEW_YORK)));
    c.statusChanged(newYork("2026-10-30T19:00"), TicketStatus.PENDING);
    c.statusChanged(newYork("2026-10-31T12:00"), TicketStatus.OPEN);
    assertEquals(newYork("2026-11-02T11:00"), c.nextDeadline().orElseThrow().at());
    assertEquals(Instant.parse("2026-11-02T16:00:00Z"), c.nextDeadline().orElseThrow().at());
    assertEquals(Duration.ofHours(3), c.view(newYork("2026-11-02T08:00")).get(0).timeLeft());
  }
}
