package io.handoff.zendeskimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.automation.AutomationLoader;
import io.handoff.automation.AutomationSet;
import io.handoff.automation.TimeCondition;
import io.handoff.automation.TimeField;
import io.handoff.yaml.Loaded;
import io.handoff.zendeskimport.ImportReport.Item;
import io.handoff.zendeskimport.ImportReport.Status;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Zendesk automations become automations.yaml, and export back to the same JSON. */
class AutomationImportTest {
  static final String NULLIFY = "{\"field\": \"current_tags\", \"operator\": \"not_includes\", \"value\": \"x\"}";
  static final String ADD_X = "[{\"field\": \"current_tags\", \"value\": \"x\"}]";

  static ZendeskImporter.Result importOne(String all, String any, String actions) {
    JsonNode autos = ImportFixtures.json("{\"automations\": [{\"id\": 9, \"title\": \"A\", \"active\": true,"
        + " \"position\": 1, \"conditions\": {\"all\": " + all + ", \"any\": " + any + "}, \"actions\": " + actions
        + "}]}");
    return ZendeskImporter.importAll(new ZendeskExport(null, null, null, ImportFixtures.seed().webhooks(), null,
        autos), ImportFixtures.seedMapping());
  }

  static Item item(ZendeskImporter.Result r) {
    return r.report().items().stream().filter(i -> i.kind() == ImportReport.Kind.AUTOMATION).findFirst().orElseThrow();
  }

  static Loaded<AutomationSet> load(ZendeskImporter.Result r) {
    return AutomationLoader.parse(r.automationsYaml(), "automations.yaml",
        Map.of("sales-alerts", new io.handoff.support.Webhook("sales-alerts", "Sales", "https://h.example.invalid/s")));
  }

  static Stream<Arguments> everyTimeConditionAndOperator() {
    List<Arguments> out = new ArrayList<>();
    for (TimeField f : TimeField.values()) {
      for (String op : List.of("is", "less_than", "greater_than", "is_business_hours", "less_than_business_hours",
          "greater_than_business_hours")) {
        out.add(Arguments.of(f.wireName(), op));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyTimeConditionAndOperator")
  void everyTimeConditionAndOperatorImportsLoadsAndExportsBack(String field, String op) throws Exception {
    String condition = "{\"field\": \"" + field + "\", \"operator\": \"" + op + "\", \"value\": \"12\"}";
    ZendeskImporter.Result r = importOne("[" + condition + ", " + NULLIFY + "]", "[]", ADD_X);
    assertEquals(Status.IMPORTED, item(r).status(), item(r).reasons().toString());
    TimeCondition t = load(r).orThrow().ordered().get(0).timeConditions().get(0);
    assertEquals(field, t.field().wireName());
    assertEquals(op, t.operatorWireName());
    assertEquals(12, t.hours());
    JsonNode exported = ZendeskExporter.export(null, null, r.automationsYaml(), ImportFixtures.seedMapping())
        .json().path("automations").get(0).path("conditions").path("all").get(0);
    assertEquals(ImportFixtures.json(condition), exported);
  }

  @Test
  void automationsSurviveImportThenExport() throws Exception {
    ZendeskExport in = new ZendeskExport(null, null, null, ImportFixtures.seed().webhooks(), null,
        ZendeskExport.parse(Files.readString(ImportFixtures.DIR.resolve("automations.json"))));
    ZendeskImporter.Result r = ZendeskImporter.importAll(in, ImportFixtures.seedMapping());
    assertTrue(r.report().items().stream().filter(i -> i.kind() == ImportReport.Kind.AUTOMATION)
        .allMatch(i -> i.status() == Status.IMPORTED), r.report().toText());
    assertTrue(load(r).ok(), load(r).errors().toString());
    ZendeskExporter.Result out = ZendeskExporter.export(null, null, r.automationsYaml(), ImportFixtures.seedMapping());
    assertEquals(List.of(), out.notExported());
    assertEquals(RoundTripTest.byTitle(in.automations().path("automations")),
        RoundTripTest.byTitle(out.json().path("automations")));
    assertEquals(List.of("Pending notification 24 hours", "Escalate sales tickets before the SLA breach",
        "Close ticket 4 days after status is set to solved", "Follow up on stale assigned tickets"),
        out.json().path("automations").findValuesAsText("title"));
  }

  @Test
  void closingAutomationsAreImportedWithAWarningAboutTheJourneyCloseTimer() {
    ZendeskImporter.Result r = importOne("[{\"field\": \"status\", \"operator\": \"is\", \"value\": \"solved\"},"
        + " {\"field\": \"SOLVED\", \"operator\": \"greater_than\", \"value\": \"96\"}]", "[]",
        "[{\"field\": \"status\", \"value\": \"closed\"}]");
    assertEquals(Status.IMPORTED, item(r).status());
    assertTrue(item(r).warnings().get(0).startsWith("closes tickets: the journey also closes solved tickets"),
        item(r).warnings().toString());
  }

  @Test
  void anAutomationWithoutANullifyingConditionIsNotImported() {
    ZendeskImporter.Result r = importOne("[{\"field\": \"status\", \"operator\": \"is\", \"value\": \"open\"},"
        + " {\"field\": \"OPEN\", \"operator\": \"greater_than\", \"value\": \"4\"}]", "[]",
        "[{\"field\": \"priority\", \"value\": \"high\"}]");
    assertEquals(Status.UNSUPPORTED, item(r).status());
    assertTrue(item(r).reasons().get(0).startsWith("has no nullifying condition"), item(r).reasons().toString());
    assertTrue(load(r).orThrow().declared().isEmpty());
  }

  @Test
  void unsupportedTimeConditionsAreReportedByName() {
    List<String> reasons = item(importOne("[{\"field\": \"PENDING\", \"operator\": \"within\", \"value\": \"4\"},"
        + " {\"field\": \"HOLD\", \"operator\": \"is\", \"value\": \"1.5\"},"
        + " {\"field\": \"custom_fields_77\", \"operator\": \"greater_than_business_hours\", \"value\": \"4\"}]",
        "[{\"field\": \"CLOSED\", \"operator\": \"is\", \"value\": \"4\"},"
        + " {\"field\": \"OPEN\", \"operator\": \"is\", \"value\": \"2\"}]", ADD_X)).reasons();
    assertEquals(List.of(
        "time-based condition PENDING within \"4\": operator within is not a time-based operator",
        "time-based condition HOLD is \"1.5\": the value is not a whole number of hours",
        "time-based condition custom_fields_77 greater_than_business_hours \"4\": hours on a custom date field are not"
            + " supported",
        "time-based condition CLOSED is \"4\": automations do not run on closed tickets",
        "time-based condition OPEN is \"2\": time-based conditions are allowed under all only"), reasons);
  }

  @Test
  void anAutomationOnClosedTicketsNeverFiresInZendeskSoNothingIsLostAndNothingWritten() {
    ZendeskImporter.Result r = importOne("[{\"field\": \"status\", \"operator\": \"is\", \"value\": \"closed\"},"
        + " {\"field\": \"CLOSED\", \"operator\": \"greater_than\", \"value\": \"24\"}]", "[]", ADD_X);
    Item a = item(r);
    assertEquals(Status.IMPORTED, a.status(), a.toString());
    assertTrue(a.warnings().get(0).contains("never true in Zendesk"), a.warnings().toString());
    assertTrue(load(r).orThrow().declared().isEmpty(), r.automationsYaml());
  }

  @Test
  void unmappedIdsAndTriggerOnlyConditionsKeepAnAutomationOut() {
    Item unmapped = item(importOne("[{\"field\": \"group_id\", \"operator\": \"is\", \"value\": 777},"
        + " {\"field\": \"PENDING\", \"operator\": \"is\", \"value\": \"4\"}]", "[]", ADD_X));
    assertEquals(Status.NEEDS_MAPPING, unmapped.status(), unmapped.toString());
    Item triggerOnly = item(importOne("[{\"field\": \"update_type\", \"value\": \"Change\"},"
        + " {\"field\": \"PENDING\", \"operator\": \"is\", \"value\": \"4\"}]", "[]", ADD_X));
    assertEquals(List.of("condition field \"update_type\" is for triggers only: automations run on a ticket's"
        + " state, not on an update"), triggerOnly.reasons());
  }

  @Test
  void noAutomationsGiveAnEmptyFile() {
    ZendeskImporter.Result r = ZendeskImporter.importAll(ImportFixtures.seed(), ImportFixtures.seedMapping());
    assertTrue(load(r).orThrow().declared().isEmpty());
    assertTrue(r.automationsYaml().contains("automations: []"), r.automationsYaml());
  }
}
