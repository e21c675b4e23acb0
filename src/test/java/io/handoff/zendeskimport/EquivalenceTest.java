package io.handoff.zendeskimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.handoff.cli.HandoffCli;
import io.handoff.dryrun.DryRun;
import io.handoff.model.Channel;
import io.handoff.model.Customer;
import io.handoff.model.EventType;
import io.handoff.model.JourneyEvent;
import io.handoff.persistence.Journal;
import io.handoff.rules.RuleSet;
import io.handoff.rules.RuleSetLoader;
import io.handoff.testing.TestDatabases;
import io.handoff.ticket.HelpdeskDirectoryLoader;
import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketChangeValidator;
import io.handoff.ticket.builtin.BuiltInHelpdesk;
import io.handoff.trigger.BusinessCalendar;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The equivalence check: imported Zendesk triggers replayed over recorded ticket audits (and over
 * Handoff's recorded events), compared with what was recorded.
 */
class EquivalenceTest {

  private static final Path EQ = ImportFixtures.DIR.resolve("equivalence");

  @TempDir
  Path dir;

  /** Imports the fixture triggers into {@code dir} as import-zendesk would. */
  @BeforeEach
  void importRefundTriggers() {
    ZendeskExport in = ZendeskExport.read(EQ.resolve("triggers.json"), EQ.resolve("trigger_categories.json"), null,
        null, null, null);
    Path mapping = EQ.resolve("zendesk-mapping.yaml");
    ZendeskImporter.importAll(in, IdMapping.read(mapping)).write(dir, dir.resolve(ZendeskImporter.MAPPING_FILE));
  }

  private RuleSet rules() {
    var load = RuleSetLoader.load(dir);
    assertEquals(List.of(), load.errors());
    return load.ruleSet();
  }

  private EquivalenceReport check(Path audits) throws IOException {
    IdMapping ids = IdMapping.read(dir.resolve(ZendeskImporter.MAPPING_FILE));
    return new Equivalence(rules(), BusinessCalendar.ALWAYS_OPEN).zendesk(AuditReplay.replay(AuditFile.read(audits), ids));
  }

  @Test
  void aTicketWhoseImportedTriggerDoesWhatZendeskRecordedMatches() throws IOException {
    EquivalenceReport report = check(EQ.resolve("audits-match.json"));
    assertTrue(report.allMatch(), report.toText());
    Equivalence.TicketResult ticket = report.tickets().get(0);
    assertEquals("501", ticket.ticketId());
    assertEquals(2, ticket.updates().size());
    RuleEffects created = ticket.updates().get(0).handoff();
    assertEquals(Map.of("priority", "high"), created.fields());
    assertEquals(List.of("refund_queue"), created.tagsAdded());
    assertEquals(List.of(new RuleEffects.Sent("email", "Refunds - escalate", "group billing", "Refund request #501",
        "Rita asked for a refund.")), created.notifications());
    assertEquals(List.of("Refunds - escalate (#7001)"), ticket.updates().get(0).recorded().triggers());
    assertEquals(List.of("Refunds - escalate"), ticket.updates().get(0).handoff().triggers());
    assertEquals("900001,900002", ticket.updates().get(0).recorded().notifications().get(0).recipient());
    assertEquals(Map.of("status", "pending"), ticket.updates().get(1).handoff().fields());
    assertEquals(Map.of("status", "pending"), ticket.updates().get(1).recorded().fields());
  }

  @Test
  void aTicketWhereZendeskDidSomethingElseIsReportedAsADifference() throws IOException {
    EquivalenceReport report = check(EQ.resolve("audits-differ.json"));
    assertFalse(report.allMatch());
    List<String> differences = report.tickets().get(0).updates().get(0).differences();
    assertEquals(List.of("priority: handoff high, zendesk urgent",
        "tags added: handoff [refund_queue], zendesk []",
        "notification email by \"Refunds - escalate\": handoff 1, zendesk 0"), differences);
    assertEquals(List.of("Refunds - urgent (#7009)"), report.tickets().get(0).updates().get(0).recorded().triggers());
  }

  @Test
  void aRenderedSubjectOrBodyThatDiffersIsReportedWithBothTexts() throws IOException {
    Path audits = dir.resolve("audits-text.json");
    Files.writeString(audits, Files.readString(EQ.resolve("audits-match.json"))
        .replace("\"body\": \"Rita asked for a refund.\"", "\"body\": \"Rita asked for her money back.\"")
        .replace("\"subject\": \"Refund request #501\"", "\"subject\": \"Refund #501\""));
    EquivalenceReport report = check(audits);
    assertFalse(report.allMatch(), report.toText());
    assertEquals(List.of(
        "email by \"Refunds - escalate\" subject: handoff \"Refund request #501\", zendesk \"Refund #501\"",
        "email by \"Refunds - escalate\" body: handoff \"Rita asked for a refund.\", zendesk \"Rita asked for her"
            + " money back.\""), report.tickets().get(0).updates().get(0).differences());
    assertTrue(report.toText().contains("differs: email by \"Refunds - escalate\" body: handoff \"Rita asked for a"
        + " refund.\", zendesk \"Rita asked for her money back.\""), report.toText());
  }

  @Test
  void aRecordedTemplateIsRenderedForTheUpdateBeforeTheComparison() throws IOException {
    Path audits = dir.resolve("audits-template.json");
    Files.writeString(audits, Files.readString(EQ.resolve("audits-match.json"))
        .replace("\"body\": \"Rita asked for a refund.\"", "\"body\": \"{{ticket.requester.name}} asked for a refund.\"")
        .replace("\"subject\": \"Refund request #501\"", "\"subject\": \"Refund request #{{ticket.id}}\""));
    EquivalenceReport report = check(audits);
    assertTrue(report.allMatch(), report.toText());
    assertEquals("Rita asked for a refund.",
        report.tickets().get(0).updates().get(0).recorded().notifications().get(0).body());
    // a template the import changed in meaning would differ once rendered
    Files.writeString(audits, Files.readString(audits).replace("{{ticket.requester.name}} asked",
        "{{ticket.requester.name | upcase}} asked"));
    List<String> differences = check(audits).tickets().get(0).updates().get(0).differences();
    assertEquals(List.of("email by \"Refunds - escalate\" body: handoff \"Rita asked for a refund.\", zendesk \"RITA"
        + " asked for a refund.\""), differences);
  }

  @Test
  void theCommandReadsSeveralPagesOfAuditsAndCountsPerTicketAndOverall() throws Exception {
    Path both = dir.resolve("audits.jsonl");
    Files.writeString(both, compact(EQ.resolve("audits-match.json")) + "\n" + compact(EQ.resolve("audits-differ.json")));
    StringWriter out = new StringWriter();
    int code = run(out, "equivalence", "--audits", both.toString(), "--dir", dir.toString());
    assertEquals(2, code, out.toString());
    assertTrue(out.toString().contains("1 of 2 tickets match, 2 of 3 updates"), out.toString());
    assertTrue(out.toString().contains("ticket 502: DIFFERENT"), out.toString());
    assertTrue(out.toString().contains("differs: priority: handoff high, zendesk urgent"), out.toString());

    out = new StringWriter();
    assertEquals(0, run(out, "equivalence", "--audits", EQ.resolve("audits-match.json").toString(), "--dir",
        dir.toString(), "--json"));
    JsonNode json = ImportFixtures.json(out.toString());
    assertEquals(1, json.path("ticketsMatching").asInt());
    assertEquals(2, json.path("updatesMatching").asInt());
    assertTrue(json.path("results").path(0).path("updates").path(0).path("matches").asBoolean());
  }

  @Test
  void aMalformedAuditFileFailsWithItsPosition() throws Exception {
    IOException missing = assertThrows(IOException.class, () -> AuditFile.read(EQ.resolve("audits-malformed.json")));
    assertEquals(EQ.resolve("audits-malformed.json") + ":1:1 audits[1]: ticket_id is missing or not an id",
        missing.getMessage());
    Path truncated = dir.resolve("truncated.json");
    Files.writeString(truncated, "{\"audits\": [\n  {\"ticket_id\": 1, \"events\": [\n    {\"type\": \"Create\",,}]}]}");
    IOException syntax = assertThrows(IOException.class, () -> AuditFile.read(truncated));
    assertTrue(syntax.getMessage().startsWith(truncated + ":3:"), syntax.getMessage());
    assertTrue(syntax.getMessage().contains("not valid JSON"), syntax.getMessage());
    StringWriter out = new StringWriter();
    assertEquals(1, run(out, "equivalence", "--audits", truncated.toString(), "--dir", dir.toString()));
    assertTrue(out.toString().contains("truncated.json:3:"), out.toString());
  }

  @Test
  void overHandoffJourneysTheImportedSeedRulesMatchTheRulesInServiceAndAChangedRuleShows() throws Exception {
    Path seed = dir.resolve("seed");
    ZendeskImporter.importAll(ImportFixtures.seed(), ImportFixtures.seedMapping()).write(seed, seed.resolve("m.yaml"));
    Path events = Path.of("src/test/resources/rules/dry-run/events.jsonl");
    RuleSet imported = RuleSetLoader.load(seed).ruleSet();
    Equivalence check = new Equivalence(imported, BusinessCalendar.ALWAYS_OPEN);

    EquivalenceReport same = check.journeys(DryRun.readEvents(events), RuleSetLoader.load(Path.of("workflows")).ruleSet());
    assertTrue(same.allMatch(), same.toText());
    assertTrue(same.skippedEvents() > 0);
    assertTrue(same.tickets().stream().anyMatch(t -> t.updates().get(0).handoff().fields().containsKey("group_id")));

    Path candidate = Path.of("src/test/resources/rules/dry-run/candidate");
    EquivalenceReport changed = check.journeys(DryRun.readEvents(events), RuleSetLoader.load(candidate).ruleSet());
    assertEquals(same.tickets().size() - 1, changed.ticketsMatching(), changed.toText());
    assertTrue(changed.toText().contains("differs: group_id: handoff technical, journeys Engineering"), changed.toText());

    StringWriter out = new StringWriter();
    assertEquals(2, run(out, "equivalence", "--journeys", events.toString(), "--dir", seed.toString(),
        "--recorded-dir", candidate.toString()));
  }

  /** The rules in service copied to {@code name}, with {@code from} replaced by {@code to} in support-triggers.yaml. */
  private Path workflowsWith(String name, String from, String to) throws IOException {
    Path copy = dir.resolve(name);
    Files.createDirectories(copy);
    try (var files = Files.list(Path.of("workflows"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, copy.resolve(f.getFileName().toString()));
      }
    }
    Path triggers = copy.resolve("support-triggers.yaml");
    String text = Files.readString(triggers);
    assertTrue(text.contains(from), from);
    Files.writeString(triggers, text.replace(from, to));
    return copy;
  }

  /** The journeys' support updates through the rules in service and through {@code recorded}. */
  private static EquivalenceReport journeys(Path recorded) throws IOException {
    var events = DryRun.readEvents(Path.of("src/test/resources/rules/dry-run/events.jsonl"));
    return new Equivalence(RuleSetLoader.load(Path.of("workflows")).ruleSet(), BusinessCalendar.ALWAYS_OPEN)
        .journeys(events, RuleSetLoader.load(recorded).ruleSet());
  }

  private static final String SALES_BODY = "'{\"ticket\": \"{{ticket.id}}\", \"requester\": \"{{ticket.requester.name}}\","
      + " \"priority\": \"{{ticket.priority}}\", \"group\": \"{{ticket.group.name}}\"}'";

  @Test
  void overJourneysAWebhookBodyThatDiffersIsReportedWithBothTexts() throws Exception {
    EquivalenceReport report = journeys(workflowsWith("changed-body", SALES_BODY,
        SALES_BODY.replace("\"requester\":", "\"customer\":")));
    assertFalse(report.allMatch(), report.toText());
    List<String> differences = report.tickets().stream().flatMap(t -> t.updates().stream())
        .flatMap(u -> u.differences().stream()).toList();
    assertEquals(List.of("webhook by \"SUP - Routing - enterprise pricing high priority\" body: handoff"
        + " \"{\\\"ticket\\\": \\\"T-1\\\", \\\"requester\\\": \\\"Rita\\\", \\\"priority\\\": \\\"high\\\", \\\"group\\\": \\\"sales\\\"}\","
        + " journeys \"{\\\"ticket\\\": \\\"T-1\\\", \\\"customer\\\": \\\"Rita\\\", \\\"priority\\\": \\\"high\\\", \\\"group\\\": \\\"sales\\\"}\""),
        differences);
  }

  @Test
  void overJourneysTheSameJsonWebhookBodyWithKeysInAnotherOrderMatches() throws Exception {
    EquivalenceReport report = journeys(workflowsWith("reordered", SALES_BODY, "'{\"group\": \"{{ticket.group.name}}\","
        + " \"priority\":\"{{ticket.priority}}\",\n   \"requester\": \"{{ticket.requester.name}}\", \"ticket\": \"{{ticket.id}}\"}'"));
    assertTrue(report.allMatch(), report.toText());
    // the texts do differ: only their JSON is the same
    RuleEffects.Sent handoff = webhook(report.tickets().stream().flatMap(t -> t.updates().stream())
        .flatMap(u -> u.handoff().notifications().stream()).toList());
    RuleEffects.Sent recorded = webhook(report.tickets().stream().flatMap(t -> t.updates().stream())
        .flatMap(u -> u.recorded().notifications().stream()).toList());
    assertFalse(handoff.body().equals(recorded.body()), recorded.body());
    assertTrue(recorded.body().startsWith("{\"group\": \"sales\""), recorded.body());
    // a value that differs inside the same keys still shows
    EquivalenceReport changed = journeys(workflowsWith("reordered-changed", SALES_BODY, "'{\"group\": \"{{ticket.group.name}}\","
        + " \"priority\": \"{{ticket.priority | upcase}}\", \"requester\": \"{{ticket.requester.name}}\","
        + " \"ticket\": \"{{ticket.id}}\"}'"));
    assertFalse(changed.allMatch(), changed.toText());
    assertTrue(changed.toText().contains("\\\"priority\\\": \\\"HIGH\\\""), changed.toText());
  }

  @Test
  void overJourneysAWebhookCallToAnotherEndpointIsReported() throws Exception {
    EquivalenceReport report = journeys(workflowsWith("moved-endpoint", "endpoint: https://hooks.example.invalid/sales-alerts",
        "endpoint: https://hooks.example.invalid/sales-alerts-v2"));
    List<String> differences = report.tickets().stream().flatMap(t -> t.updates().stream())
        .flatMap(u -> u.differences().stream()).toList();
    assertEquals(List.of("webhook by \"SUP - Routing - enterprise pricing high priority\" target: handoff"
        + " \"sales-alerts https://hooks.example.invalid/sales-alerts\", journeys"
        + " \"sales-alerts https://hooks.example.invalid/sales-alerts-v2\""), differences);
  }

  @Test
  void aZendeskWebhookEventIsComparedByTriggerAndCountItsBodyIsNotRead() throws IOException {
    // Zendesk's docs do not confirm what an External event's body holds (docs/zendesk-import.md): not compared
    String audit = "{\"audits\": [{\"id\": 1, \"ticket_id\": 7, \"created_at\": \"2026-11-20T09:00:00Z\","
        + " \"author_id\": 5, \"via\": {\"channel\": \"web\"}, \"events\": ["
        + " {\"id\": 2, \"type\": \"Create\", \"field_name\": \"status\", \"value\": \"new\"},"
        + " {\"id\": 3, \"type\": \"External\", \"resource\": \"01HWEBHOOK\", \"body\": \"{\\\"x\\\": 1}\","
        + " \"success\": \"pending\", \"via\": {\"channel\": \"rule\", \"source\": {\"from\": {\"id\": 9,"
        + " \"title\": \"Tell the CRM\"}, \"rel\": \"trigger\"}}}]}]}";
    IdMapping ids = IdMapping.empty();
    ids.suggest(IdMapping.Kind.WEBHOOKS, "01HWEBHOOK", "crm");
    RuleEffects recorded = AuditReplay.replay(AuditFile.parse(audit, "audit.json"), ids).get(0).steps().get(0)
        .recorded();
    assertEquals(List.of(new RuleEffects.Sent("webhook", "Tell the CRM", "crm", null, null)), recorded.notifications());
    RuleEffects handoff = new RuleEffects(Map.of(), List.of(), List.of(), List.of(new RuleEffects.Sent("webhook",
        "Tell the CRM", "crm", null, "{\"ticket\": \"7\"}", "https://crm.example.invalid/hook")), List.of(), List.of());
    assertEquals(List.of(), handoff.differences(recorded, "zendesk"));
    RuleEffects none = new RuleEffects(Map.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    assertEquals(List.of("notification webhook by \"Tell the CRM\": handoff 1, zendesk 0"),
        handoff.differences(none, "zendesk"));
  }

  private static RuleEffects.Sent webhook(List<RuleEffects.Sent> sent) {
    return sent.stream().filter(n -> n.kind().equals("webhook")).findFirst().orElseThrow();
  }

  @Test
  void pastJourneysAreReadFromHandoffsDatabase() throws Exception {
    Path seed = dir.resolve("seed");
    ZendeskImporter.importAll(ImportFixtures.seed(), ImportFixtures.seedMapping()).write(seed, seed.resolve("m.yaml"));
    TestDatabases.Db db = TestDatabases.h2();
    Journal journal = new Journal(db.dataSource());
    ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    Instant at = Instant.parse("2026-11-20T09:00:00Z");
    Customer tom = new Customer("u9", "Tom", "tom@example.com", "en", "standard", Map.of());
    journal.append("journey-q1", "e1", "event", json.writeValueAsString(new JourneyEvent("e1", "q1",
        EventType.CONVERSATION_STARTED, at, at, Channel.EMAIL, null, null, tom, null, null)), at);
    var directory = HelpdeskDirectoryLoader.load(Path.of("workflows/helpdesk.yaml")).value();
    Ticket t = new BuiltInHelpdesk(db.dataSource(), new TicketChangeValidator(directory), Clock.systemUTC())
        .create(new io.handoff.ticket.TicketDraft("Login broken", "It fails", "u9", "Tom", "tom@example.com", "normal",
            null, Set.of("technical"), "email", Map.of(), "q1"), "q1/ticket");
    try (var c = db.dataSource().getConnection(); var ps = c.prepareStatement("INSERT INTO journeys (journey_id,"
        + " conversation_id, stage, ticket_id, view_json, version, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?)")) {
      ps.setString(1, "journey-q1");
      ps.setString(2, "q1");
      ps.setString(3, "TICKETED");
      ps.setString(4, t.id());
      ps.setString(5, "{}");
      ps.setLong(6, 1);
      ps.setObject(7, at.atOffset(ZoneOffset.UTC));
      ps.setObject(8, at.atOffset(ZoneOffset.UTC));
      ps.executeUpdate();
    }
    String url = ((JdbcDataSource) db.dataSource()).getURL();
    StringWriter out = new StringWriter();
    assertEquals(0, run(out, "equivalence", "--journeys-db", url, "--dir", seed.toString()), out.toString());
    assertTrue(out.toString().contains("1 of 1 tickets match, 1 of 1 updates (1 messaging events skipped)"),
        out.toString());
    out = new StringWriter();
    assertEquals(2, run(out, "equivalence", "--journeys-db", url, "--dir", seed.toString(), "--recorded-dir",
        "src/test/resources/rules/dry-run/candidate"), out.toString());
    assertTrue(out.toString().contains("ticket " + t.id() + ": DIFFERENT"), out.toString());
    assertTrue(out.toString().contains("differs: group_id: handoff technical, journeys Engineering"), out.toString());
  }

  private static String compact(Path json) throws IOException {
    return ImportFixtures.json(Files.readString(json)).toString();
  }

  private static int run(StringWriter out, String... args) {
    CommandLine cli = new CommandLine(new HandoffCli());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(out));
    return cli.execute(args);
  }
}
