package io.handoff.zendeskimport;

import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.dryrun.DryRun;
import io.handoff.rules.RuleDirectoryLoader;
import io.handoff.rules.RuleSet;
import io.handoff.rules.RuleSetLoad;
import io.handoff.rules.RuleSetLoader;
import io.handoff.sla.hours.BusinessHours;
import io.handoff.sla.hours.BusinessHoursLoader;
import io.handoff.support.Actor;
import io.handoff.support.SupportDecision;
import io.handoff.support.TicketUpdate;
import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketComment.AuthorRole;
import io.handoff.ticket.TicketPriority;
import io.handoff.ticket.TicketStatus;
import io.handoff.yaml.RuleFileError;
import io.handoff.zendeskimport.ImportReport.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zendesk's {@code schedule_id} and {@code within_schedule} trigger conditions, imported from the API's
 * JSON with the account's schedules, then evaluated by the trigger kernel (through the dry run) against
 * each ticket's own schedule at instants inside and outside business hours and on a holiday.
 */
class ScheduleConditionsTest {

  /** Monday 2 November 2026, 09:30 in New York (EST): open on the North America schedule. */
  static final Instant MONDAY_OPEN = Instant.parse("2026-11-02T14:30:00Z");
  /** The same Monday, 08:30 in New York: before opening. */
  static final Instant MONDAY_EARLY = Instant.parse("2026-11-02T13:30:00Z");
  /** Thursday 26 November 2026, 10:00 in New York: a weekday inside the hours, but Thanksgiving. */
  static final Instant THANKSGIVING = Instant.parse("2026-11-26T15:00:00Z");

  @TempDir
  Path dir;

  ZendeskImporter.Result result;
  RuleSet rules;
  BusinessHours hours;

  @BeforeEach
  void importTheRulesWithTheSchedules() throws Exception {
    var triggers = ZendeskExport.parse(Files.readString(ScheduleImportTest.DIR.resolve("conditions.json")));
    result = ZendeskImporter.importAll(new ZendeskExport(triggers, null, null, null, null, null),
        ScheduleImportTest.schedules(), IdMapping.empty());
    try (var files = Files.list(Path.of("workflows"))) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    Files.writeString(dir.resolve(ZendeskImporter.TRIGGERS_FILE), result.supportTriggersYaml());
    Files.writeString(dir.resolve(ZendeskImporter.BUSINESS_HOURS_FILE), result.businessHoursYaml());
    RuleSetLoad load = RuleSetLoader.load(dir);
    assertThat(load.errors()).isEmpty();
    rules = load.ruleSet();
    hours = BusinessHoursLoader.load(dir.resolve(ZendeskImporter.BUSINESS_HOURS_FILE)).orThrow();
  }

  private SupportDecision create(Instant at, Set<String> tags, Map<String, String> custom) {
    Ticket t = new Ticket("T-1", null, "Help", "Help", TicketStatus.NEW, TicketPriority.NORMAL, null, null, null,
        "r1", "Rita", "rita@example.com", null, tags, custom, List.of(), "email", at, at);
    TicketUpdate u = new TicketUpdate("k", null, t, null, new Actor("r1", "Rita", AuthorRole.END_USER), null, null,
        Map.of(), Map.of(), at);
    return new DryRun(hours).support(rules, u);
  }

  @Test
  void scheduleConditionsImportWithTheScheduleNamesOfTheMapping() throws Exception {
    for (String id : List.of("701", "702", "703", "704")) {
      assertThat(ScheduleImportTest.item(result, ImportReport.Kind.TRIGGER, id).status()).as(id)
          .isEqualTo(Status.IMPORTED);
    }
    var written = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(result.supportTriggersYaml())
        .path("triggers");
    assertThat(written.path(0).path("conditions").path("all").path(1))
        .isEqualTo(ImportFixtures.json("{\"field\":\"schedule_id\",\"operator\":\"is\",\"value\":\"North America\"}"));
    assertThat(written.path(1).path("conditions").path("all").path(1))
        .isEqualTo(ImportFixtures.json("{\"field\":\"within_schedule\",\"operator\":\"is\",\"value\":\"North America\"}"));
    assertThat(written.path(3).path("conditions").path("all").path(2))
        .isEqualTo(ImportFixtures.json("{\"field\":\"schedule_id\",\"operator\":\"is_not\",\"value\":\"Paris nights\"}"));
  }

  @Test
  void scheduleIdIsTheTicketsOwnScheduleTheDefaultUntilSetScheduleChangesIt() {
    SupportDecision plain = create(MONDAY_OPEN, Set.of(), Map.of());
    assertThat(plain.ticket().tags()).contains("na_schedule").doesNotContain("paris_schedule");

    // "EMEA tickets use the Paris schedule" fires last; "Paris schedule tickets" (earlier in order) then
    // sees the ticket's new schedule on the next pass.
    SupportDecision emea = create(MONDAY_OPEN, Set.of("emea"), Map.of());
    assertThat(emea.ticket().customFields()).containsEntry("schedule", "Paris nights");
    assertThat(emea.ticket().tags()).contains("paris_schedule");

    SupportDecision alreadyParis = create(MONDAY_OPEN, Set.of(), Map.of("schedule", "Paris nights"));
    assertThat(alreadyParis.ticket().tags()).contains("paris_schedule").doesNotContain("na_schedule");
  }

  @Test
  void withinScheduleHoldsInsideTheSchedulesHoursOnlyAndNotOnAHoliday() {
    assertThat(create(MONDAY_OPEN, Set.of(), Map.of()).ticket().tags()).contains("na_open");
    assertThat(create(MONDAY_EARLY, Set.of(), Map.of()).ticket().tags()).doesNotContain("na_open");
    assertThat(create(THANKSGIVING, Set.of(), Map.of()).ticket().tags()).doesNotContain("na_open");
    // The named schedule counts, whatever the ticket's own schedule is.
    assertThat(create(MONDAY_OPEN, Set.of(), Map.of("schedule", "Paris nights")).ticket().tags()).contains("na_open");
  }

  @Test
  void theTraceNamesTheFailingScheduleCondition() {
    SupportDecision d = create(THANKSGIVING, Set.of(), Map.of());
    var trace = d.trace().triggers().stream().filter(t -> t.trigger().equals("Created within North America hours"))
        .findFirst().orElseThrow();
    assertThat(trace.failure().condition()).isEqualTo("within_schedule is North America");
  }

  @Test
  void aScheduleConditionNamingNoScheduleIsAValidationErrorWithItsLine() throws Exception {
    Path triggers = dir.resolve(ZendeskImporter.TRIGGERS_FILE);
    Files.writeString(triggers, Files.readString(triggers).replace("value: North America", "value: Atlantis"));
    // The shipped SLA policies name support-paris, which the imported hours replaced: import them too.
    Files.writeString(dir.resolve("sla-policies.yaml"), "policies: []\n");
    List<String> errors = RuleDirectoryLoader.load(dir, Path.of("prompts")).problems().stream()
        .filter(p -> p.severity() == RuleFileError.Severity.ERROR).map(RuleFileError::toString).toList();
    assertThat(errors).anyMatch(e -> e.matches(".*support-triggers.yaml:\\d+: rule \"Tag tickets on the North America"
        + " schedule\": schedule_id 'Atlantis' is not a schedule of business-hours.yaml \\(known: North America,"
        + " Paris nights\\)"));
    assertThat(errors).anyMatch(e -> e.contains("within_schedule 'Atlantis' is not a schedule"));
  }
}
