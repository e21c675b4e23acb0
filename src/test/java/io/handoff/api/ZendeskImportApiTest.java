package io.handoff.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.handoff.problem.Problem;
import io.handoff.zendeskimport.RuleFilesWriter;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code POST /api/admin/zendesk/import} against a service whose workflows directory is a temporary copy. */
@QuarkusTest
@TestProfile(ZendeskImportApiTest.TempWorkflows.class)
@Timeout(120)
// The automation imports replace the trigger rules in use: they run after the tests that expect the shipped ones.
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ZendeskImportApiTest {
  @jakarta.inject.Inject io.handoff.automation.AutomationActivitiesImpl automations;

  private static final Path FIXTURES = Path.of("src/test/resources/zendesk-import");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REFUND_EVENT = "{\"id\": \"refund\", \"kind\": \"support\", \"update\": {\"idempotencyKey\":"
      + " \"r1\", \"before\": null, \"after\": {\"id\": \"T-9\", \"status\": \"new\", \"priority\": \"normal\","
      + " \"tags\": [\"refund\"], \"requesterName\": \"Rita\"}}}";

  /** Points handoff.workflows-dir at a fresh copy of the shipped workflows/ directory. */
  public static class TempWorkflows implements QuarkusTestProfile {
    static final Path DIR = io.handoff.testing.WorkflowsCopy.of("zendesk-import-api", Map.of());

    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("handoff.workflows-dir", DIR.toString());
    }
  }

  private static Path dir() {
    return TempWorkflows.DIR;
  }

  private static ObjectNode refundPayloads(String mappingYaml) throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.set("triggers", JSON.readTree(FIXTURES.resolve("equivalence/triggers.json").toFile()));
    body.set("trigger_categories", JSON.readTree(FIXTURES.resolve("equivalence/trigger_categories.json").toFile()));
    body.put("mapping", mappingYaml);
    return body;
  }

  private static Response post(String apply, Object body) {
    var req = given().contentType("application/json").body(body);
    if (apply != null) {
      req = req.queryParam("apply", apply);
    }
    return req.when().post("/api/admin/zendesk/import");
  }

  private static Response dryRunRefund() {
    return given().body(REFUND_EVENT).when().post("/api/rules/dry-run");
  }

  private static ObjectNode seedPayloads() throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.set("triggers", JSON.readTree(FIXTURES.resolve("seed/triggers.json").toFile()));
    body.set("trigger_categories", JSON.readTree(FIXTURES.resolve("seed/trigger_categories.json").toFile()));
    body.set("sla_policies", JSON.readTree(FIXTURES.resolve("seed/sla_policies.json").toFile()));
    body.set("webhooks", JSON.readTree(FIXTURES.resolve("seed/webhooks.json").toFile()).path("webhooks"));
    body.put("mapping", Files.readString(FIXTURES.resolve("seed/zendesk-mapping.yaml")));
    return body;
  }

  @Test
  void previewReturnsTheReportAndTheFilesAndWritesNothing() throws Exception {
    Map<String, String> before = snapshot();
    ObjectNode body = seedPayloads();
    // Keep the VIP policy's filter to what the rule kernel accepts (see the next test for the rest).
    ((ObjectNode) body.path("sla_policies").path("sla_policies").path(1).path("filter")).putArray("any");
    post(null, body.toString()).then().statusCode(200)
        .body("applied", equalTo(false))
        .body("summary.imported", equalTo(7))
        .body("summary.unsupported", equalTo(0))
        .body("report.items.title", hasItem("SUP - Routing - pricing to Sales"))
        .body("files.'support-triggers.yaml'", containsString("SUP - Routing - pricing to Sales"))
        .body("files.'sla-policies.yaml'", containsString("VIP customers"))
        .body("files.'zendesk-mapping.yaml'", containsString("\"360001\": \"sales\""))
        .body("errors", equalTo(List.of()))
        .body("written", nullValue());
    assertEquals(before, snapshot());
  }

  @Test
  void previewWithDynamicContentMergesTheItemsIntoTheDirectorysOwn() throws Exception {
    Map<String, String> before = snapshot();
    ObjectNode body = refundPayloads("groups:\n  \"360001\": billing\n");
    body.set("dynamic_content", JSON.readTree(FIXTURES.resolve("corpus/dynamic_content.json").toFile()));
    post(null, body.toString()).then().statusCode(200)
        .body("report.items.find { it.zendeskId == '96001' }.status", equalTo("IMPORTED"))
        .body("report.items.find { it.zendeskId == '96002' }.status", equalTo("NEEDS_MAPPING"))
        .body("report.unmappedIds", hasItem("locales 1194"))
        .body("files.'dynamic-content.yaml'", containsString("order_status_intro:"))
        .body("files.'dynamic-content.yaml'", containsString("welcome_business_hours:"))
        .body("errors", not(hasItem(containsString("dynamic"))));
    assertEquals(before, snapshot());
  }

  @Test
  void previewListsTheValidationErrorsThatApplyWouldRefuse() throws Exception {
    // Zendesk's SLA filter "ticket_fields_4400 includes null" is imported as includes "", which the
    // kernel refuses: the preview says so before anything is written.
    post("false", seedPayloads().toString()).then().statusCode(200)
        .body("errors", hasItem(containsString("sla-policies.yaml:")))
        .body("errors", hasItem(containsString("operator \"includes\" needs a value")));
  }

  @Test
  void zendesksStandardTriggersPreviewWithoutAnErrorThatApplyWouldRefuse() throws Exception {
    // notification_user all_agents and requester_and_ccs are written as recipient roles the service knows.
    ObjectNode body = JSON.createObjectNode();
    body.set("triggers", JSON.readTree(FIXTURES.resolve("corpus/standard-triggers.json").toFile()));
    post("false", body.toString()).then().statusCode(200)
        .body("summary.unsupported", equalTo(0))
        .body("files.'support-triggers.yaml'", containsString("all_agents"))
        .body("errors", org.hamcrest.Matchers.empty());
  }

  @Test
  void applyWritesTheValidatedFilesKeepsBackupsAndReloadsTheRunningRules() throws Exception {
    dryRunRefund().then().statusCode(200).body("base.results[0].outcome", not(hasItem("fired: Refunds - escalate")));
    String old = Files.readString(dir().resolve("support-triggers.yaml"));
    String slasBefore = Files.readString(dir().resolve("sla-policies.yaml"));

    Response r = post("true", refundPayloads("groups:\n  \"360001\": billing\n").toString());
    r.then().statusCode(200).body("applied", equalTo(true)).body("reloaded", equalTo(true))
        .body("written.file", equalTo(List.of("support-triggers.yaml", "zendesk-mapping.yaml")));

    String written = Files.readString(dir().resolve("support-triggers.yaml"));
    assertEquals(r.path("files.'support-triggers.yaml'"), written);
    assertTrue(written.contains("Refunds - escalate"));
    assertEquals(slasBefore, Files.readString(dir().resolve("sla-policies.yaml")), "SLA policies were not part of it");
    String backup = r.path("written[0].backup");
    assertTrue(backup.contains(RuleFilesWriter.BACKUP_DIR), backup);
    assertEquals(old, Files.readString(Path.of(backup)));
    try (var leftovers = Files.list(dir())) {
      assertEquals(List.of(), leftovers.filter(p -> p.toString().endsWith(".tmp")).toList());
    }
    dryRunRefund().then().statusCode(200)
        .body("base.ruleSetVersion", equalTo(r.path("ruleSetVersion")))
        .body("base.results[0].outcome", hasItem("fired: Refunds - escalate"))
        .body("base.results[0].outcome", hasItem("priority: normal -> high"));
  }

  private static final String AUTOMATION = """
      {"automations": [{"id": 9001, "title": "Solve pending tickets after 48 hours", "active": true, "position": 1,
        "conditions": {"all": [{"field": "status", "operator": "is", "value": "pending"},
                               {"field": "PENDING", "operator": "greater_than", "value": "48"}], "any": []},
        "actions": [{"field": "status", "value": "solved"}]}]}""";

  @Test
  @org.junit.jupiter.api.Order(Integer.MAX_VALUE - 1)
  void applyWithAutomationsWritesAutomationsYamlAndTheServiceReloadsIt() throws Exception {
    ObjectNode body = refundPayloads("groups:\n  \"360001\": billing\n");
    body.set("automations", JSON.readTree(AUTOMATION));
    Response r = post("true", body.toString());
    r.then().statusCode(200).body("applied", equalTo(true)).body("reloaded", equalTo(true))
        .body("written.file", hasItem("automations.yaml"));
    String written = Files.readString(dir().resolve("automations.yaml"));
    assertTrue(written.contains("Solve pending tickets after 48 hours"), written);
    assertTrue(automations.automations().declared().stream()
        .anyMatch(a -> a.title().equals("Solve pending tickets after 48 hours")), "the running service reloaded it");
  }

  @Test
  @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
  void anImportedAutomationWithoutNullifyingConditionIsReportedNotWritten() throws Exception {
    ObjectNode body = refundPayloads("groups:\n  \"360001\": billing\n");
    // Its action keeps the ticket pending: nothing makes its conditions false, so Zendesk refuses it too.
    body.set("automations", JSON.readTree(AUTOMATION.replace("Solve pending", "Loop on pending")
        .replace("\"value\": \"solved\"", "\"value\": \"pending\"")));
    post("true", body.toString()).then().statusCode(200)
        .body("report.items.find { it.title == 'Loop on pending tickets after 48 hours' }.status",
            equalTo("UNSUPPORTED"));
    assertTrue(!Files.readString(dir().resolve("automations.yaml")).contains("Loop on pending"));
  }

  @Test
  void applyOfRulesThatFailValidationIs422WithEveryErrorAndWritesNothing() throws Exception {
    Map<String, String> before = snapshot();
    post("true", refundPayloads("groups:\n  \"360001\": nosuchgroup\n").toString()).then().statusCode(422)
        .contentType(Problem.MEDIA_TYPE)
        .body("title", equalTo("Imported rules are invalid"))
        .body("errors.message", hasItem(containsString("group 'nosuchgroup' is not defined in helpdesk.yaml")))
        .body("errors.field", hasItem(containsString("support-triggers.yaml:")));
    assertEquals(before, snapshot());
  }

  @Test
  void badRequestsAre400NamingTheField() {
    post(null, "{\"triggers\": [").then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("field", equalTo("body"));
    post(null, "{\"triggers\": \"all of them\"}").then().statusCode(400).body("field", equalTo("triggers"));
    post(null, "{\"triggers\": [], \"brands\": []}").then().statusCode(400).body("field", equalTo("brands"));
    post(null, "{\"subdomain\": \"acme\"}").then().statusCode(400)
        .body("errors.field", equalTo(List.of("email", "apiToken")));
    post(null, "{\"triggers\": [], \"mapping\": {\"brands\": {}}}").then().statusCode(400)
        .body("field", equalTo("mapping")).body("detail", containsString("brands"));
    post("yes", "{\"triggers\": []}").then().statusCode(400).body("field", equalTo("apply"));
  }

  @Test
  void fetchModeReadsTheAccountWithTokenAuthAndReportsZendeskErrors() throws Exception {
    WireMockServer wm = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    wm.start();
    try {
      stub(wm, "/api/v2/triggers", FIXTURES.resolve("equivalence/triggers.json"));
      stub(wm, "/api/v2/trigger_categories", FIXTURES.resolve("equivalence/trigger_categories.json"));
      stub(wm, "/api/v2/slas/policies", FIXTURES.resolve("seed/sla_policies.json"));
      stub(wm, "/api/v2/webhooks", FIXTURES.resolve("seed/webhooks.json"));
      wm.stubFor(get(urlEqualTo("/api/v2/automations")).willReturn(aResponse().withBody("{\"automations\": []}")));
      wm.stubFor(get(urlEqualTo("/api/v2/triggers/definitions")).willReturn(aResponse().withStatus(403)));
      String body = "{\"baseUrl\": \"" + wm.baseUrl() + "\", \"email\": \"admin@example.com\", \"apiToken\": \"t0k\","
          + " \"mapping\": {\"groups\": {\"360001\": \"billing\"}}}";
      post("false", body).then().statusCode(200).body("applied", equalTo(false))
          .body("files.'support-triggers.yaml'", containsString("Refunds - escalate"))
          .body("files.'sla-policies.yaml'", containsString("Standard"))
          .body("report.items.find { it.title == 'VIP customers' }.status", equalTo("NEEDS_MAPPING"));
      String auth = "Basic " + Base64.getEncoder().encodeToString("admin@example.com/token:t0k".getBytes());
      wm.verify(getRequestedFor(urlEqualTo("/api/v2/triggers")).withHeader("Authorization",
          com.github.tomakehurst.wiremock.client.WireMock.equalTo(auth)));

      wm.stubFor(get(urlEqualTo("/api/v2/triggers")).willReturn(aResponse().withStatus(401)
          .withBody("{\"error\": \"Couldn't authenticate you\"}")));
      post("false", body).then().statusCode(502).contentType(Problem.MEDIA_TYPE)
          .body("detail", containsString("HTTP 401"));
    } finally {
      wm.stop();
    }
  }

  private static final Path SCHEDULES = FIXTURES.resolve("schedules/api");

  /** An account with the schedule triggers, no SLA policy or automation, and two schedules with holidays. */
  private static void stubScheduleAccount(WireMockServer wm) throws IOException {
    stub(wm, "/api/v2/triggers", FIXTURES.resolve("schedules/conditions.json"));
    wm.stubFor(get(urlEqualTo("/api/v2/trigger_categories")).willReturn(aResponse().withBody("{\"trigger_categories\": []}")));
    wm.stubFor(get(urlEqualTo("/api/v2/slas/policies")).willReturn(aResponse().withBody("{\"sla_policies\": []}")));
    wm.stubFor(get(urlEqualTo("/api/v2/webhooks")).willReturn(aResponse().withBody("{\"webhooks\": []}")));
    wm.stubFor(get(urlEqualTo("/api/v2/automations")).willReturn(aResponse().withBody("{\"automations\": []}")));
    wm.stubFor(get(urlEqualTo("/api/v2/triggers/definitions")).willReturn(aResponse().withStatus(403)));
    stub(wm, "/api/v2/business_hours/schedules", SCHEDULES.resolve("schedules.json"));
    stub(wm, "/api/v2/business_hours/schedules/360000111/holidays", SCHEDULES.resolve("holidays-360000111.json"));
    stub(wm, "/api/v2/business_hours/schedules/360000222/holidays", SCHEDULES.resolve("holidays-360000222.json"));
  }

  private static String fetchBody(WireMockServer wm) {
    return "{\"baseUrl\": \"" + wm.baseUrl() + "\", \"email\": \"admin@example.com\", \"apiToken\": \"t0k\"}";
  }

  @Test
  void fetchModeImportsTheSchedulesWithEachOnesHolidays() throws Exception {
    WireMockServer wm = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    wm.start();
    try {
      stubScheduleAccount(wm);
      Response r = post("false", fetchBody(wm));
      r.then().statusCode(200).body("errors", equalTo(List.of()))
          .body("report.items.findAll { it.kind == 'SCHEDULE' }.status", equalTo(List.of("IMPORTED", "IMPORTED")))
          .body("report.items.find { it.title == 'Created within North America hours' }.status", equalTo("IMPORTED"));
      String hours = r.path("files.'business-hours.yaml'");
      var doc = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(hours);
      assertEquals("North America", doc.path("default").asText());
      var na = doc.path("schedules").path(0);
      assertEquals("America/New_York", na.path("time_zone").asText());
      assertEquals("09:00-17:00", na.path("hours").path("monday").path(0).asText());
      assertEquals(List.of("Thanksgiving 2026-11-26 2026-11-27", "Christmas Day 2026-12-25 2026-12-25"),
          List.of(na.path("holidays").path(0), na.path("holidays").path(1)).stream()
              .map(h -> h.path("name").asText() + " " + h.path("from").asText() + " " + h.path("to").asText()).toList());
      var paris = doc.path("schedules").path(1);
      assertEquals("Europe/Paris", paris.path("time_zone").asText());
      assertEquals("22:00-24:00", paris.path("hours").path("friday").path(0).asText());
      assertEquals("00:00-02:00", paris.path("hours").path("saturday").path(0).asText());
      assertTrue(paris.path("holidays").isMissingNode(), hours);
      String auth = "Basic " + Base64.getEncoder().encodeToString("admin@example.com/token:t0k".getBytes());
      for (String path : List.of("/api/v2/business_hours/schedules", "/api/v2/business_hours/schedules/360000111/holidays",
          "/api/v2/business_hours/schedules/360000222/holidays")) {
        wm.verify(getRequestedFor(urlEqualTo(path)).withHeader("Authorization",
            com.github.tomakehurst.wiremock.client.WireMock.equalTo(auth)));
      }

      // A plan without business hours refuses the schedules: the rules import without them, with warnings.
      wm.stubFor(get(urlEqualTo("/api/v2/business_hours/schedules")).willReturn(aResponse().withStatus(403)
          .withBody("{\"error\": \"Forbidden\"}")));
      post("false", fetchBody(wm)).then().statusCode(200)
          .body("files", not(org.hamcrest.Matchers.hasKey("business-hours.yaml")))
          .body("report.items.find { it.title == 'Created within North America hours' }.status", equalTo("NEEDS_MAPPING"));
      // Holidays that cannot be read stop the import: the hours would be imported without them.
      stub(wm, "/api/v2/business_hours/schedules", SCHEDULES.resolve("schedules.json"));
      wm.stubFor(get(urlEqualTo("/api/v2/business_hours/schedules/360000222/holidays"))
          .willReturn(aResponse().withStatus(500).withBody("{\"error\": \"boom\"}")));
      post("false", fetchBody(wm)).then().statusCode(502).contentType(Problem.MEDIA_TYPE)
          .body("detail", containsString("/api/v2/business_hours/schedules/360000222/holidays -> HTTP 500"));
    } finally {
      wm.stop();
    }
  }

  @Test
  void fetchModeFollowsTheNextPageOfTheSchedules() throws Exception {
    WireMockServer wm = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    wm.start();
    try {
      stubScheduleAccount(wm);
      var all = (com.fasterxml.jackson.databind.node.ArrayNode) JSON.readTree(SCHEDULES.resolve("schedules.json").toFile())
          .path("schedules");
      ObjectNode page1 = JSON.createObjectNode();
      page1.putArray("schedules").add(all.get(0));
      page1.put("next_page", wm.baseUrl() + "/api/v2/business_hours/schedules?page=2");
      ObjectNode page2 = JSON.createObjectNode();
      page2.putArray("schedules").add(all.get(1));
      page2.putNull("next_page");
      wm.stubFor(get(urlEqualTo("/api/v2/business_hours/schedules")).willReturn(aResponse().withBody(page1.toString())));
      wm.stubFor(get(urlEqualTo("/api/v2/business_hours/schedules?page=2")).willReturn(aResponse().withBody(page2.toString())));
      String hours = post("false", fetchBody(wm)).then().statusCode(200).extract().path("files.'business-hours.yaml'");
      assertTrue(hours.contains("name: North America") && hours.contains("name: Paris nights"), hours);
    } finally {
      wm.stop();
    }
  }

  /** The schedule bundle: the triggers, the schedules endpoint's body and the holidays by schedule id. */
  private static ObjectNode scheduleBundle() throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.set("triggers", JSON.readTree(FIXTURES.resolve("schedules/conditions.json").toFile()));
    body.set("schedules", JSON.readTree(SCHEDULES.resolve("schedules.json").toFile()));
    ObjectNode holidays = body.putObject("holidays");
    holidays.set("360000111", JSON.readTree(SCHEDULES.resolve("holidays-360000111.json").toFile()));
    holidays.set("360000222", JSON.readTree(SCHEDULES.resolve("holidays-360000222.json").toFile()));
    return body;
  }

  @Test
  void schedulesThatWouldLeaveARuleFileDanglingAreRefusedAndNothingIsWritten() throws Exception {
    Map<String, String> before = snapshot();
    // The shipped sla-policies.yaml measures in support-paris, which the imported schedules do not have.
    post("true", scheduleBundle().toString()).then().statusCode(422).contentType(Problem.MEDIA_TYPE)
        .body("errors.field", hasItem(containsString("sla-policies.yaml:")))
        .body("errors.message", hasItem(containsString("support-paris")));
    assertEquals(before, snapshot());
  }

  @Test
  void badScheduleBundlesAre400NamingTheField() throws Exception {
    ObjectNode noId = scheduleBundle();
    ((ObjectNode) noId.path("schedules").path("schedules").path(0)).remove("id");
    post(null, noId.toString()).then().statusCode(400).body("errors.field", hasItem("schedules[0].id"));
    ObjectNode stray = scheduleBundle();
    ((ObjectNode) stray.path("holidays")).putArray("42");
    post(null, stray.toString()).then().statusCode(400).body("field", equalTo("holidays.42"))
        .body("detail", containsString("names no schedule"));
    ObjectNode twice = scheduleBundle();
    ((ObjectNode) twice.path("schedules").path("schedules").path(0)).putArray("holidays");
    post(null, twice.toString()).then().statusCode(400).body("field", equalTo("holidays.360000111"))
        .body("detail", containsString("give them once"));
    ObjectNode badHoliday = scheduleBundle();
    ((ObjectNode) badHoliday.path("holidays")).set("360000111", JSON.readTree("[{\"name\": \"No date\"}]"));
    post(null, badHoliday.toString()).then().statusCode(400).body("field", equalTo("holidays.360000111[0]"));
    post(null, "{\"schedules\": \"all\"}").then().statusCode(400).body("field", equalTo("schedules"));
  }

  @Test
  @org.junit.jupiter.api.Order(Integer.MAX_VALUE - 2)
  void applyWritesTheSchedulesWithTheRulesAndTheRunningServiceEvaluatesAgainstThem() throws Exception {
    ObjectNode body = scheduleBundle();
    body.putArray("sla_policies");
    Response r = post("true", body.toString());
    r.then().statusCode(200).body("applied", equalTo(true)).body("reloaded", equalTo(true))
        .body("written.file", hasItem("business-hours.yaml"));
    assertEquals(r.path("files.'business-hours.yaml'"), Files.readString(dir().resolve("business-hours.yaml")));
    String written = r.path("written.find { it.file == 'business-hours.yaml' }.backup");
    assertTrue(Files.readString(Path.of(written)).contains("support-paris"), "the old hours were backed up");
    // The running service's calendar now has the imported schedules: Monday 09:30 in New York is open,
    // 08:30 is not, and Thanksgiving is a holiday.
    for (var c : Map.of("2026-11-02T14:30:00Z", true, "2026-11-02T13:30:00Z", false, "2026-11-26T15:00:00Z", false)
        .entrySet()) {
      String event = "{\"id\": \"s\", \"kind\": \"support\", \"update\": {\"idempotencyKey\": \"s\", \"before\": null,"
          + " \"after\": {\"id\": \"T-s\", \"status\": \"new\", \"priority\": \"normal\", \"tags\": []},"
          + " \"at\": \"" + c.getKey() + "\"}}";
      var outcome = given().body(event).when().post("/api/rules/dry-run").then().statusCode(200)
          .body("base.results[0].outcome", hasItem("fired: Tag tickets on the North America schedule"));
      outcome.body("base.results[0].outcome", c.getValue() ? hasItem("fired: Created within North America hours")
          : not(hasItem("fired: Created within North America hours")));
    }
  }

  private static void stub(WireMockServer wm, String path, Path file) throws IOException {
    wm.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withBody(Files.readString(file))));
  }

  /** Every file of the workflows directory (backups included) with its content. */
  private static Map<String, String> snapshot() throws IOException {
    Map<String, String> out = new java.util.TreeMap<>();
    try (var walk = Files.walk(dir())) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(dir().relativize(p).toString(), Files.readString(p));
      }
    }
    return out;
  }
}
