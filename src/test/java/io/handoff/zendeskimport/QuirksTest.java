package io.handoff.zendeskimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.handoff.support.Actor;
import io.handoff.support.Notification;
import io.handoff.support.SupportDecision;
import io.handoff.support.SupportEngine;
import io.handoff.support.TicketUpdate;
import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketComment.AuthorRole;
import io.handoff.ticket.TicketPriority;
import io.handoff.ticket.TicketStatus;
import io.handoff.trigger.BusinessCalendar;
import io.handoff.zendeskimport.ImportReport.Item;
import io.handoff.zendeskimport.ImportReport.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The value and shape quirks of Zendesk's rule JSON (docs/zendesk-import.md, "Quirks handled"). */
class QuirksTest {

  private static final String TAG = "[{\"field\":\"current_tags\",\"value\":\"matched\"}]";

  @TempDir
  Path dir;

  private ZendeskImporter.Result run(String all, String actions) {
    return ZendeskImporter.importAll(ImportFixtures.trigger(all, actions),
        ImportFixtures.mapping(VocabularyRowsTest.MAPPING));
  }

  private static JsonNode conditions(ZendeskImporter.Result r) throws Exception {
    return new YAMLMapper().readTree(r.supportTriggersYaml()).path("triggers").path(0).path("conditions").path("all");
  }

  private static Item trigger(ZendeskImporter.Result r) {
    return r.report().items().stream().filter(i -> i.kind() == ImportReport.Kind.TRIGGER).findFirst().orElseThrow();
  }

  @Test
  void threeSpellingsOfEmptyAllMeanNoValue() throws Exception {
    ZendeskImporter.Result r = run("[{\"field\":\"group_id\",\"operator\":\"is\",\"value\":null},"
        + "{\"field\":\"assignee_id\",\"operator\":\"is\",\"value\":\"\"},"
        + "{\"field\":\"organization_id\",\"operator\":\"is\",\"value\":\"__NULL__\"}]", TAG);
    ImportFixtures.load(r, dir);
    assertEquals(List.of("", "", ""), conditions(r).findValuesAsText("value"));
  }

  @Test
  void missingOperatorMeansIsAndNonStringValuesBecomeText() throws Exception {
    ZendeskImporter.Result r = run("[{\"field\":\"update_type\",\"value\":\"Create\"},"
        + "{\"field\":\"comment_is_public\",\"value\":true},{\"field\":\"group_id\",\"value\":11},"
        + "{\"field\":\"via_id\",\"value\":4}]", TAG);
    ImportFixtures.load(r, dir);
    assertEquals(List.of("is", "is", "is", "is"), conditions(r).findValuesAsText("operator"));
    assertEquals(List.of("Create", "true", "support", "4"), conditions(r).findValuesAsText("value"));
  }

  @Test
  void triggerAndSlaSpellingsOfCustomFieldsMapToTheSameField() throws Exception {
    ZendeskImporter.Result r = run("[{\"field\":\"custom_fields_41\",\"operator\":\"includes\",\"value\":\"a\"},"
        + "{\"field\":\"ticket_fields_41\",\"operator\":\"includes\",\"value\":\"a\"}]", TAG);
    ImportFixtures.load(r, dir);
    assertEquals(List.of("custom_fields_plan", "custom_fields_plan"), conditions(r).findValuesAsText("field"));
  }

  @Test
  void liquidTagsAreKeptAndRunWithoutWarning() throws Exception {
    String body = "{% if ticket.priority == 'urgent' %}Now{% endif %} {{ticket.id | upcase}}";
    ZendeskImporter.Result r = run("[]", "[{\"field\":\"reply_public\",\"value\":\"" + body.replace("\"", "\\\"") + "\"}]");
    ImportFixtures.load(r, dir);
    assertTrue(r.supportTriggersYaml().contains("{% if ticket.priority == 'urgent' %}"), r.supportTriggersYaml());
    assertEquals(Status.IMPORTED, trigger(r).status());
    assertEquals(List.of(), trigger(r).warnings());
  }

  @Test
  void placeholdersAndLiquidHandoffCannotRenderMakeTheTriggerUnsupported() {
    ZendeskImporter.Result r = run("[]", "[{\"field\":\"reply_public\",\"value\":\"{{ticket.id | md5}}\\n{{ticket.cc_names}}\"}]");
    assertEquals(Status.UNSUPPORTED, trigger(r).status());
    List<String> reasons = trigger(r).reasons();
    assertEquals(2, reasons.size(), reasons.toString());
    assertTrue(reasons.get(0).startsWith("action reply_public \"{{ticket.id | md5}}\\n{{ticket.cc_names}}\" line 1:"
        + " Liquid filter \"md5\" is not supported (Handoff runs: append, capitalize,"), reasons.toString());
    assertEquals("action reply_public \"{{ticket.id | md5}}\\n{{ticket.cc_names}}\" line 2: placeholder"
        + " {{ticket.cc_names}} cannot be rendered by Handoff", reasons.get(1));
  }

  @Test
  void dateDisplayPlaceholdersAreReportedWithTheTimestampsHandoffRenders() {
    ZendeskImporter.Result r = run("[]", "[{\"field\":\"reply_public\",\"value\":\"Opened {{ticket.created_at}}\\n"
        + "at {{ticket.created_at_with_timestamp}} by {{ticket.requester.external_id}}\"}]");
    assertEquals(Status.UNSUPPORTED, trigger(r).status());
    List<String> reasons = trigger(r).reasons();
    assertEquals(2, reasons.size(), reasons.toString());
    assertTrue(reasons.get(0).endsWith("line 1: placeholder {{ticket.created_at}} cannot be rendered by Handoff:"
        + " Zendesk's placeholder reference shows this date's display format only by example, so Handoff does not"
        + " render it: use {{ticket.created_at_with_timestamp}} or {{ticket.updated_at_with_timestamp}} (ISO 8601),"
        + " which it renders"), reasons.toString());
    assertTrue(reasons.get(1).endsWith("line 2: placeholder {{ticket.requester.external_id}} cannot be rendered by"
        + " Handoff: Handoff keeps no external ids or signatures of people"), reasons.toString());
  }

  @Test
  void commentListsPrintedWholeAreReportedButLoopsAndFiltersImport() {
    ZendeskImporter.Result whole = run("[]", "[{\"field\":\"reply_public\",\"value\":\"All:\\n{{ticket.comments}}\"}]");
    assertEquals(Status.UNSUPPORTED, trigger(whole).status());
    assertEquals(List.of("action reply_public \"All:\\n{{ticket.comments}}\" line 2: placeholder {{ticket.comments}}"
        + " printed as a whole: Zendesk prints its internal comment objects there (undocumented), Handoff renders lists"
        + " only in {% for %} loops or with a filter such as size"), trigger(whole).reasons());
    ZendeskImporter.Result looped = run("[]", "[{\"field\":\"reply_public\",\"value\":\"{{ticket.comments | size}}:"
        + " {% for c in ticket.comments %}{{c.value}}{% endfor %}\"}]");
    assertEquals(Status.IMPORTED, trigger(looped).status(), trigger(looped).toString());
  }

  @Test
  void liquidFieldIdsAreMappedInTagsAndFilteredOutputs() throws Exception {
    String body = "{% if ticket.ticket_field_41 == 'gold' %}VIP {{ ticket.ticket_field_41 | upcase }}{% endif %}";
    ZendeskImporter.Result r = ZendeskImporter.importAll(ImportFixtures.trigger("[]",
        "[{\"field\":\"reply_public\",\"value\":\"" + body.replace("\"", "\\\"") + "\"}]"),
        ImportFixtures.mapping("custom_fields:\n  \"41\": plan\n"));
    assertEquals(Status.IMPORTED, trigger(r).status(), trigger(r).toString());
    assertEquals("{% if ticket.ticket_field_plan == 'gold' %}VIP {{ ticket.ticket_field_plan | upcase }}{% endif %}",
        new YAMLMapper().readTree(r.supportTriggersYaml()).path("triggers").path(0).path("actions").path(0)
            .path("value").asText(), r.supportTriggersYaml());
  }

  @Test
  void ticketLinksWithoutAKnownAccountAreImportedWithAWarningNamingTheLine() {
    String actions = "[{\"field\":\"reply_public\",\"value\":\"Hi\\nSee {{ticket.link}}\"}]";
    ZendeskImporter.Result unknown = ZendeskImporter.importAll(ImportFixtures.trigger("[]", actions), null,
        IdMapping.empty(), ZendeskImporter.Target.NONE);
    assertEquals(Status.IMPORTED, trigger(unknown).status());
    assertEquals(List.of("action reply_public \"Hi\\nSee {{ticket.link}}\" line 2: {{ticket.link}} renders the"
        + " ticket's link from helpdesk.yaml account.ticketUrl, which this import cannot see: set it (account:"
        + " {ticketUrl: https://.../{id}}), else the link renders empty"), trigger(unknown).warnings());
    ZendeskImporter.Result none = ZendeskImporter.importAll(ImportFixtures.trigger("[]", actions), null,
        IdMapping.empty(), new ZendeskImporter.Target(null, false));
    assertTrue(trigger(none).warnings().get(0).contains("which is not set"), trigger(none).warnings().toString());
    ZendeskImporter.Result set = ZendeskImporter.importAll(ImportFixtures.trigger("[]", actions), null,
        IdMapping.empty(), new ZendeskImporter.Target(null, true));
    assertEquals(List.of(), trigger(set).warnings());
  }

  @Test
  void webhookBodyGivenAsJsonStringIsRenderedWithEscapedPlaceholders() throws Exception {
    String body = "{\\\"ticket\\\": \\\"{{ticket.id}}\\\", \\\"who\\\": \\\"{{ticket.requester.name}}\\\"}";
    ZendeskImporter.Result r = run("[{\"field\":\"update_type\",\"value\":\"Create\"}]",
        "[{\"field\":\"notification_webhook\",\"value\":[\"01HW\",\"" + body + "\"]}]");
    var set = ImportFixtures.load(r, dir).ruleSet().support();
    Ticket t = new Ticket("T-9", null, "Subject", "Desc", TicketStatus.NEW, TicketPriority.NORMAL, null, null, null,
        "r1", "Rita \"R\" Lee", "rita@example.com", null, Set.of(), Map.of(), List.of(), "web_widget",
        Instant.EPOCH, Instant.EPOCH);
    TicketUpdate u = new TicketUpdate("k1", null, t, null, new Actor("r1", "Rita", AuthorRole.END_USER), null, null,
        Map.of(), Map.of(), Instant.EPOCH);
    SupportDecision d = new SupportEngine(set).evaluate(u, BusinessCalendar.ALWAYS_OPEN);
    Notification n = d.notifications().get(0);
    assertEquals("01HW", n.recipient());
    assertEquals("https://h.example.invalid/x", n.endpoint());
    assertEquals("{\"ticket\": \"T-9\", \"who\": \"Rita \\\"R\\\" Lee\"}", n.body());
  }

  @Test
  void emailTargetsBecomeEmailsToTheirAddressAndRetiredTargetsAreReported() throws Exception {
    String actions = "[{\"field\":\"notification_target\",\"value\":[\"7\",\"Ticket {{ticket.id}} is new\"]}]";
    String targets = "{\"targets\": [{\"id\": 7, \"type\": \"email_target\", \"title\": \"Ops\", \"active\": true,"
        + " \"email\": \"ops@example.com\", \"subject\": \"[Ops] {{ticket.title}}\"},"
        + " {\"id\": 8, \"type\": \"url_target\", \"title\": \"Old\", \"active\": true}]}";
    ZendeskImporter.Result r = ZendeskImporter.importAll(ImportFixtures.trigger(
        "[{\"field\":\"update_type\",\"value\":\"Create\"}]", actions).withTargets(ZendeskExport.parse(targets)),
        IdMapping.empty());
    assertEquals(Status.IMPORTED, trigger(r).status(), trigger(r).toString());
    var set = ImportFixtures.load(r, dir).ruleSet().support();
    Ticket t = new Ticket("T-9", null, "Router down", "Desc", TicketStatus.NEW, TicketPriority.NORMAL, null, null,
        null, "r1", "Rita Lee", "rita@example.com", null, Set.of(), Map.of(), List.of(), "email", Instant.EPOCH,
        Instant.EPOCH);
    SupportDecision d = new SupportEngine(set).evaluate(new TicketUpdate("k1", null, t, null,
        new Actor("r1", "Rita", AuthorRole.END_USER), null, null, Map.of(), Map.of(), Instant.EPOCH),
        BusinessCalendar.ALWAYS_OPEN);
    Notification n = d.notifications().get(0);
    assertEquals(Notification.Kind.EMAIL, n.kind());
    assertEquals("ops@example.com", n.recipient());
    assertEquals("[Ops] Router down", n.subject());
    assertEquals("Ticket T-9 is new", n.body());

    ZendeskImporter.Result url = ZendeskImporter.importAll(ImportFixtures.trigger("[]",
        actions.replace("\"7\"", "\"8\"")).withTargets(ZendeskExport.parse(targets)), IdMapping.empty());
    assertEquals(Status.UNSUPPORTED, trigger(url).status());
    assertTrue(trigger(url).reasons().get(0).endsWith("a url_target: URL, branded and HTTP targets no longer work in"
        + " Zendesk (URL and branded targets since 28 Oct 2024): the action sends nothing there; rebuild it as a webhook"
        + " (notification_webhook), as Zendesk advises, then import again"), trigger(url).reasons().toString());
    ZendeskImporter.Result unknown = run("[]", actions);
    assertTrue(trigger(unknown).reasons().get(0).contains("(GET /api/v2/targets, --targets)"),
        trigger(unknown).reasons().toString());
  }

  @Test
  void existingMappingIsRespectedAndUnmappedIdsAreListed() throws Exception {
    Path file = dir.resolve("zendesk-mapping.yaml");
    Files.writeString(file, "groups:\n  \"11\": tier-two\n");
    IdMapping mapping = IdMapping.read(file);
    ZendeskImporter.Result r = ZendeskImporter.importAll(ImportFixtures.trigger(
        "[{\"field\":\"group_id\",\"value\":11}]", "[{\"field\":\"assignee_id\",\"value\":\"77\"}]"), mapping);
    assertEquals(Status.NEEDS_MAPPING, trigger(r).status());
    assertTrue(r.report().unmappedIds().contains("users 77"), r.report().unmappedIds().toString());
    r.write(dir, file);
    IdMapping reread = IdMapping.read(file);
    assertEquals("tier-two", reread.lookup(IdMapping.Kind.GROUPS, "11"));
    assertEquals(List.of("77"), reread.unmapped(IdMapping.Kind.USERS));
    Files.writeString(file, Files.readString(file).replace("\"77\": \"\"", "\"77\": \"bob\""));
    ZendeskImporter.Result again = ZendeskImporter.importAll(ImportFixtures.trigger(
        "[{\"field\":\"group_id\",\"value\":11}]", "[{\"field\":\"assignee_id\",\"value\":\"77\"}]"), IdMapping.read(file));
    assertEquals(Status.IMPORTED, trigger(again).status());
    assertTrue(again.supportTriggersYaml().contains("tier-two") && again.supportTriggersYaml().contains("bob"));
  }

  @Test
  void duplicateTitlesAreRenamedNotDropped() {
    String t = "{\"id\": %d, \"title\": \"Same\", \"conditions\": {\"all\": []}, \"actions\": " + TAG + "}";
    ZendeskExport in = new ZendeskExport(ImportFixtures.json("{\"triggers\": [" + String.format(t, 1) + ","
        + String.format(t, 2) + "]}"), null, null, null, null, null);
    ZendeskImporter.Result r = ZendeskImporter.importAll(in, IdMapping.empty());
    ImportFixtures.load(r, dir);
    assertTrue(r.supportTriggersYaml().contains("Same [zendesk 2]"), r.supportTriggersYaml());
  }

  @Test
  void definitionsCatalogueFlagsWhatTheAccountDoesNotOffer() {
    ZendeskExport base = ImportFixtures.trigger("[{\"field\":\"status\",\"operator\":\"is\",\"value\":\"open\"}]", TAG);
    JsonNode defs = ImportFixtures.json("{\"definitions\": {\"conditions_all\": [{\"subject\": \"status\","
        + " \"operators\": [{\"value\": \"is_not\"}]}], \"conditions_any\": [], \"actions\": []}}");
    ZendeskImporter.Result r = ZendeskImporter.importAll(new ZendeskExport(base.triggers(), null, null,
        base.webhooks(), defs, null), IdMapping.empty());
    assertTrue(trigger(r).warnings().contains("operator is is not offered for status in the account's catalogue"),
        trigger(r).warnings().toString());
    assertTrue(trigger(r).warnings().contains("action current_tags is not in the account's catalogue"));
  }

  @Test
  void automationsAreImportedWithTheirTimeBasedConditions() {
    JsonNode autos = ImportFixtures.json("{\"automations\": [{\"id\": 9, \"title\": \"Close solved\", \"position\": 1,"
        + " \"conditions\": {\"all\": [{\"field\": \"status\", \"operator\": \"is\", \"value\": \"solved\"},"
        + " {\"field\": \"SOLVED\", \"operator\": \"greater_than\", \"value\": \"96\"}]},"
        + " \"actions\": [{\"field\": \"status\", \"value\": \"closed\"}]}]}");
    ZendeskImporter.Result r = ZendeskImporter.importAll(new ZendeskExport(null, null, null, null, null, autos),
        IdMapping.empty());
    Item a = r.report().items().get(0);
    assertEquals(ImportReport.Kind.AUTOMATION, a.kind());
    assertEquals(Status.IMPORTED, a.status(), a.reasons().toString());
    assertTrue(r.automationsYaml().contains("field: SOLVED"), r.automationsYaml());
    assertTrue(r.automationsYaml().contains("operator: greater_than"), r.automationsYaml());
  }

  @Test
  void reportPrintsIdsTitlesAndReasonsAsTextAndJson() throws Exception {
    ZendeskImporter.Result r = run("[{\"field\":\"brand_id\",\"operator\":\"is\",\"value\":\"5\"}]", TAG);
    String text = r.report().toText();
    assertTrue(text.contains("4 imported, 0 need a mapping, 1 unsupported"), text); // the fixture's 4 webhooks
    assertTrue(text.contains("trigger 1 \"T\"") && text.contains("brand_id"), text);
    JsonNode json = ImportFixtures.json(r.report().toJson());
    assertEquals("UNSUPPORTED", json.path("items").path(4).path("status").asText(), json.toString());
    assertEquals("1", json.path("items").path(4).path("zendeskId").asText());
  }

  @Test
  void singleTriggerWrapperAndUnwrappedConditionsAreAccepted() throws Exception {
    ZendeskExport in = new ZendeskExport(ImportFixtures.json("{\"trigger\": {\"id\": 4, \"title\": \"W\","
        + " \"all\": [{\"field\": \"status\", \"operator\": \"is\", \"value\": \"open\"}],"
        + " \"actions\": " + TAG + "}}"), null, null, null, null, null);
    ZendeskImporter.Result r = ZendeskImporter.importAll(in, IdMapping.empty());
    ImportFixtures.load(r, dir);
    assertEquals(List.of("status"), conditions(r).findValuesAsText("field"));
  }

  @Test
  void viaCodesHandoffReadsDifferentlyAreImportedWithAWarning() {
    ZendeskImporter.Result r = run("[{\"field\":\"via_id\",\"operator\":\"is\",\"value\":41}]", TAG);
    assertEquals(Status.IMPORTED, trigger(r).status());
    assertTrue(trigger(r).warnings().get(0).contains("also matches 78"), trigger(r).warnings().toString());
  }
}
