package io.handoff.sla.hours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handoff.trigger.BusinessCalendar;
import io.handoff.yaml.Loaded;
import io.handoff.yaml.RuleFileError;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BusinessHoursLoaderTest {

  @Test
  void loadsTheRepositoryFile() {
    Loaded<BusinessHours> loaded = BusinessHoursLoader.load(Path.of("workflows/business-hours.yaml"));
    assertEquals(List.of(), loaded.errors());
    BusinessCalendar calendar = loaded.value();
    // Tuesday 3 March 2026, 10:00 Paris = 09:00Z; the lunch break 12:30-13:30 is closed.
    assertTrue(calendar.isWithinBusinessHours(null, Instant.parse("2026-03-03T09:00:00Z")));
    assertFalse(calendar.isWithinBusinessHours("support-paris", Instant.parse("2026-03-03T12:00:00Z")));
    assertFalse(calendar.isWithinBusinessHours("support-paris", Instant.parse("2026-07-14T09:00:00Z")));
    assertTrue(calendar.isWithinBusinessHours("support-new-york", Instant.parse("2026-03-07T16:00:00Z")));
    assertTrue(calendar.isWithinBusinessHours("always-open", Instant.parse("2026-12-25T03:00:00Z")));
  }

  @Test
  void reportsEveryErrorWithItsLine() {
    String yaml = """
        default: nowhere
        schedules:
          - name: a
            time_zone: Mars/Olympus
            hours:
              monday: ["09:00-17:00", "16:00-18:00"]
              tuesday: "9h to 5h"
              funday: "10:00-11:00"
          - name: b
            hours:
              friday: "18:00-09:00"
            holidays:
              - {name: Odd, from: 2026-05-02, to: 2026-05-01}
              - 2026-13-01
        """;
    Loaded<BusinessHours> loaded = BusinessHoursLoader.parse("business-hours.yaml", yaml);
    assertNull(loaded.value());
    assertEquals(List.of(
        "business-hours.yaml:4: rule \"a\": unknown time zone \"Mars/Olympus\"",
        "business-hours.yaml:8: rule \"a\": unknown key \"funday\" in hours (allowed: every_day, friday, monday,"
            + " saturday, sunday, thursday, tuesday, wednesday, weekdays, weekends)",
        "business-hours.yaml:6: rule \"a\": opening hours overlap on monday",
        "business-hours.yaml:7: rule \"a\": opening hours \"9h to 5h\" must look like 09:00-17:30",
        "business-hours.yaml:9: rule \"b\": missing required key \"time_zone\"",
        "business-hours.yaml:11: rule \"b\": opening hours \"18:00-09:00\" must run forward within one day (00:00 to 24:00)",
        "business-hours.yaml:13: rule \"b\": holiday ends (2026-05-01) before it starts (2026-05-02)",
        "business-hours.yaml:14: rule \"b\": date \"2026-13-01\" must be YYYY-MM-DD"),
        loaded.errors().stream().map(RuleFileError::toString).toList());
  }

  @Test
  void reportsUnknownDefaultSchedule() {
    Loaded<BusinessHours> loaded = BusinessHoursLoader.parse("bh.yaml", """
        default: nowhere
        schedules:
          - {name: a, time_zone: UTC, hours: {every_day: "00:00-24:00"}}
        """);
    assertEquals(List.of("bh.yaml:1: default schedule \"nowhere\" is not defined"),
        loaded.errors().stream().map(RuleFileError::toString).toList());
  }

  @Test
  void reportsMalformedYamlWithLine() {
    Loaded<BusinessHours> loaded = BusinessHoursLoader.parse("bh.yaml", "schedules:\n  - name: [a\n");
    assertNull(loaded.value());
    assertEquals(1, loaded.errors().size());
    assertTrue(loaded.errors().get(0).toString().startsWith("bh.yaml:3: YAML syntax error"), loaded.errors().toString());
  }
}
