package io.handoff.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.handoff.problem.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code POST /api/sla/dry-run}: the SLA dry run's kernel over REST, on REST events and Zendesk audits. */
@QuarkusTest
@Timeout(120)
class SlaDryRunApiTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Path FIXTURE = Path.of("src/test/resources/sla/dry-run");
  static final Path EQUIVALENCE = Path.of("src/test/resources/zendesk-import/equivalence");
  /** {@code handoff.candidates-dir} in the test profile. */
  static final Path CANDIDATES = Path.of("target/test-candidates");
  static String candidate;

  @BeforeAll
  static void candidateDirectory() throws IOException {
    candidate = "sla-dry-run-" + java.util.UUID.randomUUID();
    Path dir = Files.createDirectories(CANDIDATES.resolve(candidate));
    for (String f : List.of("business-hours.yaml", "sla-policies.yaml")) {
      Files.copy(FIXTURE.resolve(f), dir.resolve(f));
    }
  }

  /** The events of the CLI's fixture, each with its time as {@code occurredAt} instead of {@code update.at}. */
  static ArrayNode events(boolean occurredAt) throws IOException {
    ArrayNode out = JSON.createArrayNode();
    for (String line : Files.readAllLines(FIXTURE.resolve("events.jsonl"))) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      ObjectNode e = (ObjectNode) JSON.readTree(line);
      if (occurredAt) {
        e.set("occurredAt", ((ObjectNode) e.path("update")).remove("at"));
      }
      out.add(e);
    }
    return out;
  }

  static Response post(Object body) {
    return given().contentType("application/json").body(body.toString()).when().post("/api/sla/dry-run");
  }

  static ObjectNode body(ArrayNode events) {
    ObjectNode b = JSON.createObjectNode();
    b.put("candidate", candidate);
    b.set("events", events);
    return b;
  }

  static List<String> entries(JsonNode ticket) {
    List<String> out = new ArrayList<>();
    ticket.path("entries").forEach(e -> out.add(e.path("metric").asText() + " " + e.path("kind").asText() + " "
        + e.path("at").asText() + (e.path("dueAt").isNull() ? "" : " due " + e.path("dueAt").asText())));
    return out;
  }

  @Test
  void eventsWithOccurredAtGiveEveryClocksInstantsAsTheCommandDoes() throws Exception {
    Response r = post(body(events(true)));
    r.then().statusCode(200).contentType("application/json");
    JsonNode report = JSON.readTree(r.asString());
    JsonNode t1 = report.path("tickets").path(0);
    assertThat(t1.path("ticketId").asText()).isEqualTo("T-1");
    assertThat(t1.path("policy").asText()).isEqualTo("Urgent");
    assertThat(entries(t1)).containsExactly(
        "first_reply_time running 2026-11-24T10:00:00Z due 2026-11-24T10:30:00Z",
        "requester_wait_time running 2026-11-24T10:00:00Z due 2026-11-24T12:00:00Z",
        "first_reply_time warning 2026-11-24T10:15:00Z",
        "first_reply_time breach 2026-11-24T10:30:00Z",
        "first_reply_time fulfilled 2026-11-24T10:40:00Z",
        "requester_wait_time paused 2026-11-24T10:40:00Z",
        "requester_wait_time running 2026-11-24T11:40:00Z due 2026-11-24T13:00:00Z",
        "requester_wait_time warning 2026-11-24T12:00:00Z",
        "requester_wait_time fulfilled 2026-11-24T12:00:00Z");
    assertThat(t1.path("entries").path(3).path("actions").path(0).asText()).isEqualTo("add_tag sla_breached");
    assertThat(t1.path("entries").path(0).path("event").asText()).isEqualTo("t1-create");
    // Friday 18:30 in Paris: the 2 business hours run Monday 09:00-11:00 Paris time, then breach.
    JsonNode t2 = report.path("tickets").path(1);
    assertThat(entries(t2)).containsExactly("first_reply_time running 2026-11-27T17:30:00Z due 2026-11-30T10:00:00Z",
        "first_reply_time breach 2026-11-30T10:00:00Z");
    assertThat(t2.path("end").path(0).path("schedule").asText()).isEqualTo("paris");
    // The same updates with their time in update.at give the same report.
    assertThat(JSON.readTree(post(body(events(false))).asString())).isEqualTo(report);
  }

  @Test
  void untilStopsTheProjectionAndPolicyMeasuresEveryTicketAgainstThatPolicy() throws Exception {
    ObjectNode b = body(events(true));
    b.put("until", "2026-11-28T00:00:00Z");
    b.put("policy", "Business hours");
    JsonNode report = JSON.readTree(post(b).then().statusCode(200).extract().asString());
    JsonNode t1 = report.path("tickets").path(0);
    assertThat(t1.path("policy").asText()).isEqualTo("Business hours");
    // The policy has a target for normal tickets only: the urgent ticket T-1 gets no clock.
    assertThat(t1.path("entries")).isEmpty();
    JsonNode t2 = report.path("tickets").path(1);
    assertThat(entries(t2)).containsExactly("first_reply_time running 2026-11-27T17:30:00Z due 2026-11-30T10:00:00Z");
    assertThat(t2.path("end").path(0).path("breached").asBoolean()).isFalse();
  }

  @Test
  void zendeskAuditsRunThroughThePoliciesInServiceWithTheMappingGiven() throws Exception {
    ObjectNode b = JSON.createObjectNode();
    b.set("audits", JSON.readTree(EQUIVALENCE.resolve("audits-match.json").toFile()));
    b.put("mapping", Files.readString(EQUIVALENCE.resolve("zendesk-mapping.yaml")));
    JsonNode report = JSON.readTree(post(b).then().statusCode(200).extract().asString());
    JsonNode t = report.path("tickets").path(0);
    assertThat(t.path("ticketId").asText()).isEqualTo("501");
    assertThat(t.path("policy").asText()).isEqualTo("Standard");
    assertThat(t.path("priority").asText()).isEqualTo("high");
    assertThat(entries(t)).contains("first_reply_time running 2026-11-20T09:00:00Z due 2026-11-20T11:00:00Z");
  }

  @Test
  void eventsOutOfTimeOrderAreRefusedNamingTheIndex() throws Exception {
    ArrayNode events = events(true);
    // t1-customer (11:40) before t1-reply (10:40): the reply now comes after a later event of T-1.
    JsonNode reply = events.remove(1);
    events.insert(2, reply);
    post(body(events)).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
        .body("field", equalTo("events[2].occurredAt"))
        .body("detail", containsString("event 2 (\"t1-reply\") of ticket T-1 happens at 2026-11-24T10:40:00Z, before"
            + " the ticket's previous event (\"t1-customer\") at 2026-11-24T11:40:00Z"));
  }

  @Test
  void auditsOutOfTimeOrderOrWithoutTheirTimeAreRefusedNamingTheAudit() throws Exception {
    ArrayNode audits = (ArrayNode) JSON.readTree(EQUIVALENCE.resolve("audits-match.json").toFile()).path("audits");
    ArrayNode reversed = JSON.createArrayNode();
    for (int i = audits.size() - 1; i >= 0; i--) {
      reversed.add(audits.get(i));
    }
    ObjectNode b = JSON.createObjectNode();
    b.set("audits", reversed);
    post(b).then().statusCode(400).body("field", equalTo("audits[1].created_at"))
        .body("detail", containsString("give each ticket's audits in time order"));
    ((ObjectNode) audits.get(0)).remove("created_at");
    b.set("audits", JSON.createObjectNode().set("audits", audits));
    post(b).then().statusCode(400).body("field", equalTo("audits.audits[0].created_at"));
  }

  @Test
  void badInputIsA400NamingTheField() throws Exception {
    post("{\"events\": [").then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("field", equalTo("body"));
    post("{}").then().statusCode(400).body("field", equalTo("events"));
    post("{\"events\": [], \"speed\": 2}").then().statusCode(400).body("errors.field", hasItem("speed"));
    ObjectNode noTime = body(events(true));
    ((ObjectNode) noTime.path("events").path(0)).remove("occurredAt");
    post(noTime).then().statusCode(400).body("field", equalTo("events[0].occurredAt"))
        .body("detail", containsString("is required"));
    ObjectNode badTime = body(events(true));
    ((ObjectNode) badTime.path("events").path(1)).put("occurredAt", "yesterday");
    post(badTime).then().statusCode(400).body("field", equalTo("events[1].occurredAt"))
        .body("detail", containsString("\"yesterday\" is not an ISO-8601 time"));
    ObjectNode badStatus = body(events(true));
    ((ObjectNode) badStatus.path("events").path(0).path("update").path("after")).put("status", "Neww");
    post(badStatus).then().statusCode(400).body("field", equalTo("events[0]"))
        .body("detail", containsString("Neww"));
    ObjectNode unknownPolicy = body(events(true));
    unknownPolicy.put("policy", "Gold");
    post(unknownPolicy).then().statusCode(400).body("field", equalTo("policy"))
        .body("detail", containsString("no SLA policy named \"Gold\" (policies: Urgent, Business hours)"));
    ObjectNode outside = body(events(true));
    outside.put("candidate", "../workflows");
    post(outside).then().statusCode(400).body("field", equalTo("candidate"));
    ObjectNode both = body(events(true));
    both.set("audits", JSON.createArrayNode());
    post(both).then().statusCode(400).body("field", equalTo("events"));
  }

  @Test
  void theOpenApiDocumentDescribesTheRequestAndBothAnswers() {
    var api = given().accept("application/json").when().get("/q/openapi?format=json").then().statusCode(200)
        .extract().jsonPath();
    String post = "paths.'/api/sla/dry-run'.post";
    assertThat(api.getMap(post + ".responses")).containsKeys("200", "400");
    assertThat(api.getString(post + ".requestBody.content.'application/json'.schema.'$ref'"))
        .isEqualTo("#/components/schemas/SlaDryRunRequest");
    assertThat(api.getMap("components.schemas.SlaDryRunRequest.properties")).containsKeys("events", "audits",
        "candidate", "policy", "until", "mapping");
  }
}
