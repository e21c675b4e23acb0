package io.handoff.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.handoff.testing.Journeys;
import io.handoff.testing.Journeys.Ticketed;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The built-in helpdesk's REST API on tickets made by real journeys. */
@QuarkusTest
@Timeout(120)
class TicketApiTest {

  static ValidatableResponse patch(String ticketId, String body) {
    return given().contentType(ContentType.JSON).body(body).when().patch("/api/tickets/{id}", ticketId).then();
  }

  static ValidatableResponse comment(String ticketId, String body) {
    return given().contentType(ContentType.JSON).body(body).when().post("/api/tickets/{id}/comments", ticketId)
        .then();
  }

  @Test
  void ticketOfAHandedOffJourneyCarriesTheSeedRoutingAndTheConversation() {
    Ticketed t = Journeys.enterprisePricing("tk-get");
    given().when().get("/api/tickets/{id}", t.ticketId()).then().statusCode(200)
        .body("id", equalTo(t.ticketId()))
        .body("status", equalTo("new"))
        .body("group", equalTo("sales"))
        .body("priority", equalTo("high"))
        .body("tags", hasItem("tier_enterprise"))
        .body("tags", hasItem("pricing"))
        .body("requesterName", equalTo("Rita Ora"));
  }

  @Test
  void listFiltersByGroupStatusPriorityAndRequester() {
    Ticketed t = Journeys.enterprisePricing("tk-list");
    String requester = Journeys.ticket(t.ticketId()).getString("requesterId");
    List<String> ids = given().queryParam("group", "sales").queryParam("status", "new")
        .queryParam("priority", "high").queryParam("requester", requester)
        .when().get("/api/tickets").then().statusCode(200).extract().jsonPath().getList("items.id");
    assertThat(ids).containsExactly(t.ticketId());
    List<String> technical = given().queryParam("group", "technical").queryParam("requester", requester)
        .when().get("/api/tickets").then().statusCode(200).extract().jsonPath().getList("items.id");
    assertThat(technical).isEmpty();
    given().queryParam("status", "sleeping").when().get("/api/tickets").then().statusCode(400)
        .contentType("application/problem+json").body("field", equalTo("status"));
    given().queryParam("limit", 0).when().get("/api/tickets").then().statusCode(400)
        .body("field", equalTo("limit"));
  }

  @Test
  void patchChangesTheTicketRunsTheTriggersAndUpdatesTheJourney() {
    Ticketed t = Journeys.enterprisePricing("tk-patch");
    int triggerRunsBefore = supportRuns(Journeys.view(t.journeyId()));
    patch(t.ticketId(), """
        {"priority":"urgent","group":"billing","assignee":"ana.souza","addTags":["vip_call"],"status":"open"}""")
        .statusCode(200).body("priority", equalTo("urgent")).body("group", equalTo("billing"))
        .body("assignee", equalTo("ana.souza")).body("status", equalTo("open")).body("tags", hasItem("vip_call"));
    JsonPath ticket = Journeys.ticket(t.ticketId());
    assertThat(ticket.getString("priority")).isEqualTo("urgent");
    assertThat(ticket.getList("tags", String.class)).contains("vip_call", "tier_enterprise");
    JsonPath view = Journeys.view(t.journeyId());
    assertThat(view.getMap("ticket")).containsEntry("priority", "urgent").containsEntry("group", "billing")
        .containsEntry("assignee", "ana.souza").containsEntry("status", "open");
    assertThat(view.getList("tags", String.class)).contains("vip_call");
    // The support triggers ran on the update (none of the seed ones matches a change without a
    // comment), and the SLA targets follow the new priority: urgent first reply is 1h in "Standard".
    assertThat(supportRuns(view)).isEqualTo(triggerRunsBefore + 1);
    Map<String, Object> lastRun = lastSupportTrace(view);
    assertThat(lastRun.toString()).contains("SUP - Notifications - agent reply sets pending");
    assertThat(view.getFloat("sla.first_reply_time.target")).isEqualTo(3600f);
  }

  @Test
  void patchReplacesOrRemovesTagsAndSetsTheType() {
    Ticketed t = Journeys.enterprisePricing("tk-tags");
    patch(t.ticketId(), "{\"tags\":[\"pricing\",\"quote_sent\"],\"type\":\"question\"}").statusCode(200);
    JsonPath ticket = Journeys.ticket(t.ticketId());
    assertThat(ticket.getList("tags", String.class)).containsExactlyInAnyOrder("pricing", "quote_sent");
    assertThat(ticket.getString("type")).isEqualTo("question");
    patch(t.ticketId(), "{\"removeTags\":[\"quote_sent\"]}").statusCode(200);
    assertThat(Journeys.ticket(t.ticketId()).getList("tags", String.class)).containsExactly("pricing");
    assertThat(Journeys.view(t.journeyId()).getList("tags", String.class)).containsExactly("pricing");
    refused(patch(t.ticketId(), "{\"addTags\":[\"two words\"]}"), "tags");
    refused(patch(t.ticketId(), "{\"type\":\"complaint\"}"), "type");
  }

  @Test
  void theReadmesTagsObjectFormAddsSetsAndRemoves() {
    Ticketed t = Journeys.enterprisePricing("tk-tagform");
    patch(t.ticketId(), "{\"tags\":{\"add\":[\"quote_sent\"]}}").statusCode(200);
    assertThat(Journeys.ticket(t.ticketId()).getList("tags", String.class)).contains("pricing", "quote_sent");
    patch(t.ticketId(), "{\"tags\":{\"remove\":[\"quote_sent\"]}}").statusCode(200);
    assertThat(Journeys.ticket(t.ticketId()).getList("tags", String.class)).doesNotContain("quote_sent");
    patch(t.ticketId(), "{\"tags\":{\"set\":[\"vip\"]}}").statusCode(200);
    assertThat(Journeys.ticket(t.ticketId()).getList("tags", String.class)).containsExactly("vip");
    refused(patch(t.ticketId(), "{\"tags\":{\"drop\":[\"vip\"]}}"), "tags.drop");
    // the journey list's stage filter reads any case
    given().when().get("/api/journeys?stage=ticketed&limit=5").then().statusCode(200);
  }

  @Test
  void openApiShowsTheTypedEventBodyAnd202() {
    JsonPath api = given().accept("application/json").when().get("/q/openapi?format=json").then().statusCode(200)
        .extract().jsonPath();
    String post = "paths.'/api/conversations/{conversationId}/events'.post";
    assertThat(api.getMap(post + ".responses")).containsKey("202").doesNotContainKey("200");
    assertThat(api.getString(post + ".requestBody.content.'application/json'.schema.'$ref'"))
        .isEqualTo("#/components/schemas/Event");
    assertThat(api.getList("components.schemas.Event.properties.type.enum", String.class))
        .contains("conversation.started", "agent.replied");
  }

  @Test
  void agentPublicReplySetsPendingNotifiesTheCustomerAndFulfilsFirstReply() {
    Ticketed t = Journeys.enterprisePricing("tk-reply");
    comment(t.ticketId(), """
        {"body":"Hi Rita, the Enterprise plan is quoted per seat.","public":true,"author":"ana.souza"}""")
        .statusCode(201).body("authorId", equalTo("ana.souza")).body("isPublic", equalTo(true));
    JsonPath ticket = Journeys.ticket(t.ticketId());
    assertThat(ticket.getString("status")).isEqualTo("pending");
    assertThat(ticket.getList("comments.body", String.class))
        .contains("Hi Rita, the Enterprise plan is quoted per seat.");
    JsonPath view = Journeys.view(t.journeyId());
    assertThat(view.getString("ticket.status")).isEqualTo("pending");
    assertThat(view.getBoolean("sla.first_reply_time.fulfilled")).isTrue();
    assertThat(view.getString("sla.first_reply_time.state")).isEqualTo("FULFILLED");
    assertThat(view.getList("timeline.step", String.class)).contains("notification.email");
    assertThat(view.getList("timeline.text", String.class))
        .anyMatch(s -> s != null && s.contains("rita@example.com"));
  }

  @Test
  void privateNoteLeavesStatusAndFirstReplyAlone() {
    Ticketed t = Journeys.enterprisePricing("tk-note");
    comment(t.ticketId(), """
        {"body":"Check the discount table first.","public":false,"author":"ana.souza"}""").statusCode(201);
    assertThat(Journeys.ticket(t.ticketId()).getString("status")).isEqualTo("new");
    assertThat(Journeys.view(t.journeyId()).getBoolean("sla.first_reply_time.fulfilled")).isFalse();
  }

  @Test
  void refusedChangesNameTheFieldAndChangeNothing() {
    Ticketed t = Journeys.enterprisePricing("tk-refuse");
    Map<String, Object> ticketBefore = Journeys.ticket(t.ticketId()).getMap("$");
    JsonPath viewBefore = Journeys.view(t.journeyId());
    refused(patch(t.ticketId(), "{\"group\":\"astronauts\"}"), "group");
    refused(patch(t.ticketId(), "{\"group\":\"sales\",\"assignee\":\"ben.keller\"}"), "assignee");
    refused(patch(t.ticketId(), "{\"assignee\":\"nobody.here\"}"), "assignee");
    refused(patch(t.ticketId(), "{\"status\":\"reopened\"}"), "status");
    refused(patch(t.ticketId(), "{\"priority\":\"critical\"}"), "priority");
    refused(patch(t.ticketId(), "{\"status\":\"closed\"}"), "status");
    refused(patch(t.ticketId(), "{\"priority\":3}"), "priority");
    refused(patch(t.ticketId(), "{\"colour\":\"blue\"}"), "colour");
    refused(patch(t.ticketId(), "{\"priority\": \"high\", "), "body");
    refused(comment(t.ticketId(), "{\"body\":\"hi\",\"author\":\"nobody.here\"}"), "author");
    refused(comment(t.ticketId(), "{\"body\":\"\",\"author\":\"ana.souza\"}"), "body");
    refused(comment(t.ticketId(), "{\"body\":\"hi\""), "body");
    patch("999999999", "{\"priority\":\"low\"}").statusCode(404).contentType("application/problem+json");
    comment("999999999", "{\"body\":\"hi\",\"author\":\"ana.souza\"}").statusCode(404)
        .contentType("application/problem+json");
    given().when().get("/api/tickets/999999999").then().statusCode(404).contentType("application/problem+json");
    assertThat(Journeys.ticket(t.ticketId()).getMap("$")).isEqualTo(ticketBefore);
    JsonPath viewAfter = Journeys.view(t.journeyId());
    assertThat(viewAfter.getMap("ticket")).isEqualTo(viewBefore.getMap("ticket"));
    assertThat(viewAfter.getList("timeline")).hasSameSizeAs(viewBefore.getList("timeline"));
  }

  @Test
  void aClosedTicketCannotBeReopenedOrCommented() {
    Ticketed t = Journeys.enterprisePricing("tk-closed");
    patch(t.ticketId(), "{\"status\":\"solved\"}").statusCode(200).body("status", equalTo("solved"));
    Awaitility.await().atMost(Duration.ofSeconds(40)).untilAsserted(() ->
        assertThat(Journeys.view(t.journeyId()).getString("stage")).isEqualTo("CLOSED"));
    Map<String, Object> ticketBefore = Journeys.ticket(t.ticketId()).getMap("$");
    assertThat(ticketBefore).containsEntry("status", "closed");
    int timeline = Journeys.view(t.journeyId()).getList("timeline").size();
    refused(patch(t.ticketId(), "{\"status\":\"open\"}"), "status");
    refused(patch(t.ticketId(), "{\"priority\":\"low\"}"), "priority");
    refused(comment(t.ticketId(), "{\"body\":\"reopen please\",\"author\":\"ana.souza\"}"), "body");
    assertThat(Journeys.ticket(t.ticketId()).getMap("$")).isEqualTo(ticketBefore);
    JsonPath view = Journeys.view(t.journeyId());
    assertThat(view.getString("stage")).isEqualTo("CLOSED");
    assertThat(view.getList("timeline")).hasSize(timeline);
  }

  static void refused(ValidatableResponse response, String field) {
    response.statusCode(400).contentType("application/problem+json").body("status", equalTo(400))
        .body("errors.field", hasItem(field));
  }

  static int supportRuns(JsonPath view) {
    return view.getList("timeline.findAll { it.step == 'support.triggers' }").size();
  }

  static Map<String, Object> lastSupportTrace(JsonPath view) {
    List<Map<String, Object>> runs = view.getList("timeline.findAll { it.step == 'support.triggers' }.trace");
    return runs.get(runs.size() - 1);
  }
}
