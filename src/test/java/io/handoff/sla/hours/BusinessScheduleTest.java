package io.handoff.sla.hours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BusinessScheduleTest {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  /** Weekdays 09:00-17:00 with the given holidays. */
  static BusinessSchedule weekdays(String zone, int startHour, int endHour, Holiday... holidays) {
    List<WeeklyInterval> hours = new ArrayList<>();
    for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
        DayOfWeek.FRIDAY)) {
      hours.add(new WeeklyInterval(d, startHour * 60, endHour * 60));
    }
    return new BusinessSchedule("test", zone, hours, List.of(holidays));
  }

  static BusinessSchedule everyDay(String zone, int startMinute, int endMinute) {
    List<WeeklyInterval> hours = new ArrayList<>();
    for (DayOfWeek d : DayOfWeek.values()) {
      hours.add(new WeeklyInterval(d, startMinute, endMinute));
    }
    return new BusinessSchedule("test", zone, hours, List.of());
  }

  static Instant at(ZoneId zone, String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
  }

  final BusinessSchedule paris = weekdays("Europe/Paris", 9, 17,
      new Holiday("Christmas", LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 25)));

  @Test
  void addsWithinOneOpenDay() {
    assertEquals(at(PARIS, "2026-03-02T12:00"), paris.addBusinessTime(at(PARIS, "2026-03-02T10:00"), Duration.ofHours(2)));
  }

  @Test
  void targetEndingAtClosingIsDueAtClosingNotNextOpening() {
    assertEquals(at(PARIS, "2026-03-02T17:00"), paris.addBusinessTime(at(PARIS, "2026-03-02T09:00"), Duration.ofHours(8)));
  }

  @Test
  void carriesOverTheWeekend() {
    assertEquals(at(PARIS, "2026-03-09T10:00"), paris.addBusinessTime(at(PARIS, "2026-03-06T16:00"), Duration.ofHours(2)));
  }

  @Test
  void startOutsideHoursCountsFromNextOpening() {
    assertEquals(at(PARIS, "2026-03-09T10:00"), paris.addBusinessTime(at(PARIS, "2026-03-07T11:00"), Duration.ofHours(1)));
    assertEquals(at(PARIS, "2026-03-03T09:30"), paris.addBusinessTime(at(PARIS, "2026-03-02T20:00"), Duration.ofMinutes(30)));
  }

  @Test
  void skipsHolidays() {
    // Thursday 24 Dec 16:00 + 2h: 1h on Thursday, Friday 25 is a holiday, the rest on Monday 28.
    assertEquals(at(PARIS, "2026-12-28T10:00"), paris.addBusinessTime(at(PARIS, "2026-12-24T16:00"), Duration.ofHours(2)));
    assertFalse(paris.isWithin(at(PARIS, "2026-12-25T10:00")));
    assertEquals(Duration.ofHours(2), paris.businessTimeBetween(at(PARIS, "2026-12-24T16:00"), at(PARIS, "2026-12-28T10:00")));
  }

  @Test
  void isWithinHonoursBoundariesAndWeekends() {
    assertTrue(paris.isWithin(at(PARIS, "2026-03-02T09:00")));
    assertTrue(paris.isWithin(at(PARIS, "2026-03-02T16:59:59")));
    assertFalse(paris.isWithin(at(PARIS, "2026-03-02T17:00")));
    assertFalse(paris.isWithin(at(PARIS, "2026-03-02T08:59:59")));
    assertFalse(paris.isWithin(at(PARIS, "2026-03-07T10:00")));
  }

  @Test
  void businessTimeBetweenSkipsClosedTimeAndIsSignedByOrder() {
    Instant fri = at(PARIS, "2026-03-06T16:00");
    Instant mon = at(PARIS, "2026-03-09T10:00");
    assertEquals(Duration.ofHours(2), paris.businessTimeBetween(fri, mon));
    assertEquals(Duration.ofHours(-2), paris.businessTimeBetween(mon, fri));
    assertEquals(Duration.ZERO, paris.businessTimeBetween(at(PARIS, "2026-03-07T00:00"), at(PARIS, "2026-03-08T23:00")));
  }

  @Test
  void parisSpringForwardWeekendKeepsBusinessTimeAndShortensCalendarTime() {
    // Clocks go 02:00 -> 03:00 on Sunday 29 March 2026: Friday 16:00 CET + 2h = Monday 10:00 CEST.
    Instant start = at(PARIS, "2026-03-27T16:00");
    Instant due = paris.addBusinessTime(start, Duration.ofHours(2));
    assertEquals(Instant.parse("2026-03-30T08:00:00Z"), due);
    assertEquals(Duration.ofHours(65), Duration.between(start, due));
  }

  @Test
  void parisDstDaysCountTheirRealLength() {
    BusinessSchedule allDay = everyDay("Europe/Paris", 0, 1440);
    assertEquals(Duration.ofHours(23), allDay.businessTimeBetween(at(PARIS, "2026-03-29T00:00"), at(PARIS, "2026-03-30T00:00")));
    assertEquals(Duration.ofHours(25), allDay.businessTimeBetween(at(PARIS, "2026-10-25T00:00"), at(PARIS, "2026-10-26T00:00")));
    BusinessSchedule night = everyDay("Europe/Paris", 60, 240);
    assertEquals(Duration.ofHours(2), night.businessTimeBetween(at(PARIS, "2026-03-29T00:00"), at(PARIS, "2026-03-29T12:00")));
    assertEquals(Duration.ofHours(4), night.businessTimeBetween(at(PARIS, "2026-10-25T00:00"), at(PARIS, "2026-10-25T12:00")));
    // From 00:30, 3h of 01:00-04:00 on the fall-back day: opens 01:00 CEST (23:00Z), so due 02:00Z (03:00 CET).
    assertEquals(Instant.parse("2026-10-25T02:00:00Z"), night.addBusinessTime(at(PARIS, "2026-10-25T00:30"), Duration.ofHours(3)));
  }

  @Test
  void newYorkSpringForwardSundayIsOneHourShort() {
    BusinessSchedule allDay = everyDay("America/New_York", 0, 1440);
    Instant midnight = at(NEW_YORK, "2026-03-08T00:00");
    assertEquals(Instant.parse("2026-03-08T08:00:00Z"), allDay.addBusinessTime(midnight, Duration.ofHours(3)));
    assertEquals(at(NEW_YORK, "2026-03-08T04:00"), allDay.addBusinessTime(midnight, Duration.ofHours(3)));
    assertEquals(Duration.ofHours(23), allDay.businessTimeBetween(midnight, at(NEW_YORK, "2026-03-09T00:00")));
  }

  @Test
  void newYorkFallBackWeekendCarriesOverToMondayInStandardTime() {
    BusinessSchedule ny = weekdays("America/New_York", 8, 20);
    Instant start = at(NEW_YORK, "2026-10-30T19:00");
    assertEquals(Instant.parse("2026-10-30T23:00:00Z"), start);
    Instant due = ny.addBusinessTime(start, Duration.ofHours(2));
    assertEquals(Instant.parse("2026-11-02T14:00:00Z"), due);
    assertEquals(Duration.ofHours(63), Duration.between(start, due));
    assertEquals(Duration.ofHours(25),
        everyDay("America/New_York", 0, 1440).businessTimeBetween(at(NEW_YORK, "2026-11-01T00:00"), at(NEW_YORK, "2026-11-02T00:00")));
  }

  @Test
  void addAndBetweenAreInverse() {
    BusinessSchedule ny = weekdays("America/New_York", 8, 20);
    Instant start = at(NEW_YORK, "2026-02-27T13:17:05");
    for (long minutes = 1; minutes < 60 * 24 * 20; minutes += 97) {
      Instant due = ny.addBusinessTime(start, Duration.ofMinutes(minutes));
      assertEquals(Duration.ofMinutes(minutes), ny.businessTimeBetween(start, due), "after " + minutes + " min");
    }
  }
}
