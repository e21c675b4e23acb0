package io.handoff.zendeskimport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.rules.RuleDirectoryLoader;
import io.handoff.sla.hours.BusinessHours;
import io.handoff.sla.hours.BusinessHoursLoader;
import io.handoff.yaml.Loaded;
import io.handoff.yaml.RuleFileError;
import io.handoff.zendeskimport.ImportReport.Item;
import io.handoff.zendeskimport.ImportReport.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Zendesk business-hours schedules into business-hours.yaml, set_schedule, and the warnings without them. */
class ScheduleImportTest {

  static final Path DIR = ImportFixtures.DIR.resolve("schedules");

  static JsonNode schedules() throws Exception {
    return ZendeskExport.parse(Files.readString(DIR.resolve("schedules.json")));
  }

  static ZendeskExport rules() throws Exception {
    JsonNode rules = ZendeskExport.parse(Files.readString(DIR.resolve("rules.json")));
    return new ZendeskExport(rules, null, rules, null, null, null);
  }

  static Item item(ZendeskImporter.Result r, ImportReport.Kind kind, String id) {
    return r.report().items().stream().filter(i -> i.kind() == kind && i.zendeskId().equals(id)).findFirst()
        .orElseThrow();
  }

  @Test
  void everyRailsTimeZoneNameMapsToAnIanaZoneJavaKnows() {
    assertThat(RailsTimeZones.MAPPING).hasSizeGreaterThanOrEqualTo(150);
    RailsTimeZones.MAPPING.values().forEach(zone -> assertThat(ZoneId.of(zone)).isNotNull());
    assertThat(RailsTimeZones.toIana("Eastern Time (US & Canada)")).isEqualTo("America/New_York");
    assertThat(RailsTimeZones.toIana("Pacific Time (US & Canada)")).isEqualTo("America/Los_Angeles");
    assertThat(RailsTimeZones.toIana("Paris")).isEqualTo("Europe/Paris");
    assertThat(RailsTimeZones.toIana("Europe/Berlin")).isEqualTo("Europe/Berlin");
    assertThat(RailsTimeZones.toIana("UTC")).isEqualTo("Etc/UTC");
    assertThat(RailsTimeZones.toIana("Mars/Olympus_Mons")).isNull();
    assertThat(RailsTimeZones.toIana("Eastern Time")).isNull();
  }

  @Test
  void schedulesBecomeALoadableBusinessHoursFileWithTheirZonesIntervalsAndHolidays() throws Exception {
    ZendeskImporter.Result r = ZendeskImporter.importAll(rules(), schedules(), IdMapping.empty());
    assertThat(r.businessHoursYaml()).contains("default: North America").contains("time_zone: America/New_York")
        .contains("friday:\n    - 22:00-24:00").contains("saturday:\n    - 00:00-02:00");
    Loaded<BusinessHours> hours = BusinessHoursLoader.parse("business-hours.yaml", r.businessHoursYaml());
    assertThat(hours.errors()).isEmpty();
    BusinessHours h = hours.value();
    assertThat(h.defaultSchedule()).isEqualTo("North America");
    // Monday 2 Nov 2026 09:30 in New York (EST, UTC-5) is open; 08:30 is not; Thanksgiving is closed.
    assertThat(h.isWithinBusinessHours("North America", Instant.parse("2026-11-02T14:30:00Z"))).isTrue();
    assertThat(h.isWithinBusinessHours("North America", Instant.parse("2026-11-02T13:30:00Z"))).isFalse();
    assertThat(h.isWithinBusinessHours("North America", Instant.parse("2026-11-26T15:00:00Z"))).isFalse();
    // Friday 22:00 to Saturday 02:00 in Paris (CET, UTC+1), across midnight.
    assertThat(h.isWithinBusinessHours("Paris nights", Instant.parse("2026-11-06T23:30:00Z"))).isTrue();
    assertThat(h.isWithinBusinessHours("Paris nights", Instant.parse("2026-11-07T00:30:00Z"))).isTrue();
    assertThat(h.isWithinBusinessHours("Paris nights", Instant.parse("2026-11-07T01:30:00Z"))).isFalse();
    assertThat(item(r, ImportReport.Kind.SCHEDULE, "360000111").warnings())
        .contains("time_zone \"Eastern Time (US & Canada)\" imported as America/New_York");
    assertThat(r.mapping().toYaml()).contains("schedules:\n  \"360000111\": \"North America\"");
  }

  @Test
  void setScheduleIsImportedWithTheScheduleNameAndBusinessHoursRulesDoNotWarnWhenSchedulesCame() throws Exception {
    ZendeskImporter.Result r = ZendeskImporter.importAll(rules(), schedules(), IdMapping.empty());
    assertThat(item(r, ImportReport.Kind.TRIGGER, "501").status()).isEqualTo(Status.IMPORTED);
    assertThat(r.supportTriggersYaml()).contains("field: set_schedule").contains("value: Paris nights");
    assertThat(item(r, ImportReport.Kind.SLA_POLICY, "601").warnings()).noneMatch(w -> w.contains("schedule"));
    assertThat(item(r, ImportReport.Kind.TRIGGER, "502").warnings()).noneMatch(w -> w.contains("schedule"));
  }

  @Test
  void withoutSchedulesBusinessHoursPoliciesConditionsAndSetScheduleAreReported() throws Exception {
    ZendeskImporter.Result r = ZendeskImporter.importAll(rules(), null, IdMapping.empty());
    assertThat(r.businessHoursYaml()).isNull();
    assertThat(item(r, ImportReport.Kind.SLA_POLICY, "601").warnings())
        .anyMatch(w -> w.startsWith("targets in business hours, but no Zendesk schedule was imported"));
    assertThat(item(r, ImportReport.Kind.TRIGGER, "502").warnings())
        .anyMatch(w -> w.startsWith("condition in_business_hours is uses business hours, but no Zendesk schedule"));
    Item setSchedule = item(r, ImportReport.Kind.TRIGGER, "501");
    assertThat(setSchedule.status()).isEqualTo(Status.NEEDS_MAPPING);
    assertThat(setSchedule.reasons()).anyMatch(x -> x.contains("schedules id 360000222 has no mapping"));
    assertThat(setSchedule.warnings()).anyMatch(w -> w.startsWith("action set_schedule names schedule 360000222, which was not imported"));
    assertThat(r.report().unmappedIds()).contains("schedules 360000222");
    assertThat(r.report().toText()).contains("! targets in business hours, but no Zendesk schedule was imported");
  }

  @Test
  void anUnknownTimeZoneIsUnsupportedAndNamed() throws Exception {
    JsonNode bad = ZendeskExport.parse("{\"schedules\": [{\"id\": 9, \"name\": \"Moon\", \"time_zone\": \"Moon Time\","
        + " \"intervals\": [{\"start_time\": 1980, \"end_time\": 2460}]}]}");
    ZendeskImporter.Result r = ZendeskImporter.importAll(rules(), bad, IdMapping.empty());
    Item moon = item(r, ImportReport.Kind.SCHEDULE, "9");
    assertThat(moon.status()).isEqualTo(Status.UNSUPPORTED);
    assertThat(moon.reasons()).containsExactly(
        "time_zone \"Moon Time\" is neither a Zendesk (Rails) time-zone name nor an IANA zone");
    assertThat(r.businessHoursYaml()).isNull();
  }

  @Test
  void badIntervalsAndHolidaysAreUnsupportedAndNamed() throws Exception {
    JsonNode bad = ZendeskExport.parse("{\"schedules\": [{\"id\": 7, \"name\": \"Broken\", \"time_zone\": \"UTC\","
        + " \"intervals\": [{\"start_time\": 2460, \"end_time\": 1980}],"
        + " \"holidays\": [{\"name\": \"X\", \"start_date\": \"2026-13-01\", \"end_date\": \"2026-13-02\"},"
        + " {\"name\": \"Y\", \"start_date\": \"2026-05-02\", \"end_date\": \"2026-05-01\"}]},"
        + " {\"id\": 8, \"name\": \"Empty\", \"time_zone\": \"UTC\", \"intervals\": []},"
        + " {\"id\": 10, \"name\": \"Overlap\", \"time_zone\": \"UTC\", \"intervals\": [{\"start_time\": 1980,"
        + " \"end_time\": 2460}, {\"start_time\": 2000, \"end_time\": 2100}]}]}");
    ZendeskImporter.Result r = ZendeskImporter.importAll(rules(), bad, IdMapping.empty());
    List<String> broken = item(r, ImportReport.Kind.SCHEDULE, "7").reasons();
    assertThat(broken).anyMatch(x -> x.startsWith("interval {\"start_time\":2460,\"end_time\":1980}: start_time and"
        + " end_time must be minutes from Sunday 00:00"));
    assertThat(broken).anyMatch(x -> x.endsWith("start_date and end_date must be YYYY-MM-DD"));
    assertThat(broken).anyMatch(x -> x.endsWith("end_date before start_date"));
    assertThat(item(r, ImportReport.Kind.SCHEDULE, "8").reasons())
        .containsExactly("intervals: a schedule needs at least one open interval");
    assertThat(item(r, ImportReport.Kind.SCHEDULE, "10").reasons()).containsExactly("intervals overlap on monday");
  }

  @Test
  void theCommandWritesBusinessHoursAndTheOutputValidatesOverTheServiceRules(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    Path triggers = dir.resolve("triggers.json");
    Files.writeString(triggers, Files.readString(DIR.resolve("rules.json")));
    int code = io.handoff.cli.HandoffCli.run("import-zendesk", "--triggers", triggers.toString(),
        "--slas", triggers.toString(), "--schedules", DIR.resolve("schedules.json").toString(), "--out", out.toString());
    assertThat(code).isZero();
    assertThat(Files.readString(out.resolve("business-hours.yaml"))).contains("name: Paris nights");
    assertThat(io.handoff.cli.HandoffCli.run("validate", "--dir", out.toString(), "--base", "workflows")).isZero();
  }

  @Test
  void setScheduleNamingNoScheduleIsAValidationErrorWithItsLine(@TempDir Path dir) throws Exception {
    try (var files = Files.list(Path.of("workflows"))) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    Path triggers = dir.resolve("support-triggers.yaml");
    Files.writeString(triggers, Files.readString(triggers).replace("      - { field: group_id, value: sales }",
        "      - { field: group_id, value: sales }\n      - { field: set_schedule, value: Nowhere }"));
    List<String> errors = RuleDirectoryLoader.load(dir, Path.of("prompts")).problems().stream()
        .filter(p -> p.severity() == RuleFileError.Severity.ERROR).map(RuleFileError::toString).toList();
    assertThat(errors).anyMatch(s -> s.matches(".*support-triggers.yaml:\\d+: set_schedule 'Nowhere' is not a schedule"
        + " of business-hours.yaml \\(known: .*\\)"));
  }
}
