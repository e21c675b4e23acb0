package io.handoff.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.handoff.journey.JourneyIds;
import io.handoff.journey.JourneyRestorer;
import io.handoff.persistence.Journal;
import io.handoff.testing.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.temporal.client.WorkflowClient;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code POST /api/conversations/{id}/replay}: a past conversation replayed live is measured at its own
 * times (a breach at its due instant in the past, a reply in time fulfilling the clock), refused input
 * leaves nothing behind, and a restore after a restart keeps the times. The service runs with one SLA
 * policy measuring every ticket's first reply against 1 h around the clock.
 */
@QuarkusTest
@TestProfile(ConversationReplayApiTest.OneHourFirstReply.class)
@Timeout(180)
class ConversationReplayApiTest {
  @Inject Journal journal;
  @Inject JourneyRestorer restorer;
  @Inject WorkflowClient client;
  @Inject DataSource dataSource;

  /** The shipped workflows/ with sla-policies.yaml replaced by one policy: first reply in 1 h, calendar time. */
  public static class OneHourFirstReply implements QuarkusTestProfile {
    static final Path DIR = io.handoff.testing.WorkflowsCopy.of("conversation-replay-api", Map.of("sla-policies.yaml", """
        policies:
          - name: One hour
            on_breach:
              - {add_tag: sla_breached}
            targets:
              first_reply_time: {urgent: 1h, high: 1h, normal: 1h, low: 1h}
        """));

    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("handoff.workflows-dir", DIR.toString());
    }
  }

  /** A conversation 3 h ago: started, then a customer asks for a human one minute later (a ticket). */
  private static String pastHandoff(Instant start) {
    return """
        {"type":"conversation.started","channel":"whatsapp","occurredAt":"%s","eventId":"e1",
         "customer":{"id":"u-replay","name":"Jonas","email":"jonas@example.com","locale":"en"}},
        {"type":"message.received","channel":"whatsapp","occurredAt":"%s","eventId":"e2",
         "text":"I want to talk to a human, please."}""".formatted(start, start.plus(1, ChronoUnit.MINUTES));
  }

  private static ValidatableResponse replay(String conversationId, String events) {
    return given().contentType(ContentType.JSON).body("{\"events\": [" + events + "]}")
        .when().post("/api/conversations/{id}/replay", conversationId).then();
  }

  private static JsonPath view(String journeyId) {
    return given().when().get("/api/journeys/{id}", journeyId).then().statusCode(200).extract().jsonPath();
  }

  /** The instant of the journey's only timeline entry of this step. */
  private static Instant at(JsonPath view, String step) {
    List<String> ats = view.getList("timeline.findAll { it.step == '" + step + "' }.at", String.class);
    assertThat(ats).as(step + " on the timeline").hasSize(1);
    return Instant.parse(ats.get(0));
  }

  @Test
  void aBreachAlreadyOverdueIsRecordedAtItsDueInstantInThePast() {
    String id = "replay-" + UUID.randomUUID();
    Instant start = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    String journeyId = replay(id, pastHandoff(start)).statusCode(202)
        .body("journeyId", equalTo(JourneyIds.journeyId(id))).body("events", equalTo(2))
        .extract().path("journeyId");

    JsonPath[] last = new JsonPath[1];
    Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      JsonPath v = view(journeyId);
      assertThat(v.getList("timeline.step", String.class)).contains("sla.breach");
      last[0] = v;
    });
    JsonPath v = last[0];
    assertThat(at(v, "event.conversation.started")).isEqualTo(start);
    assertThat(Instant.parse(v.getString("startedAt"))).as("the journey started when the conversation did")
        .isEqualTo(start);
    Instant created = at(v, "ticket.created");
    assertThat(created).as("the ticket is created when the customer asked, 3 h ago")
        .isEqualTo(start.plus(1, ChronoUnit.MINUTES));
    assertThat(at(v, "sla.breach")).as("the breach at its due instant, not when the replay ran")
        .isEqualTo(created.plus(1, ChronoUnit.HOURS));
    assertThat(v.getString("timeline.find { it.step == 'sla.breach' }.trace.dueAt"))
        .isEqualTo(created.plus(1, ChronoUnit.HOURS).toString());
    assertThat(v.getBoolean("sla.first_reply_time.breached")).isTrue();
    assertThat(Instant.parse(v.getString("sla.first_reply_time.dueAt"))).isEqualTo(created.plus(1, ChronoUnit.HOURS));
    Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
        io.handoff.testing.Journeys.ticket(v.getString("ticket.id")).getList("tags", String.class))
        .as("the breach's escalation ran for real").contains("sla_breached"));
  }

  @Test
  void anAgentReplyThirtyMinutesInFulfilsTheFirstReplyClockInsteadOfABreach() {
    String id = "replay-" + UUID.randomUUID();
    Instant start = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    Instant reply = start.plus(31, ChronoUnit.MINUTES);
    String journeyId = replay(id, pastHandoff(start) + """
        ,{"type":"agent.replied","occurredAt":"%s","eventId":"e3","text":"Hi Jonas, Emma here.",
          "agent":{"id":"emma.garcia","name":"Emma"}}""".formatted(reply)).statusCode(202)
        .extract().path("journeyId");

    JsonPath[] last = new JsonPath[1];
    Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      JsonPath v = view(journeyId);
      assertThat(v.<Boolean>get("sla.first_reply_time.fulfilled")).as("fulfilled").isEqualTo(Boolean.TRUE);
      last[0] = v;
    });
    JsonPath v = last[0];
    assertThat(at(v, "event.agent.replied")).isEqualTo(reply);
    assertThat(v.getBoolean("sla.first_reply_time.breached")).isFalse();
    assertThat(v.getList("timeline.step", String.class)).doesNotContain("sla.breach");
    assertThat(io.handoff.testing.Journeys.ticket(v.getString("ticket.id")).getList("tags", String.class))
        .doesNotContain("sla_breached");
  }

  @Test
  void aReplayedJourneyRestoredFromItsJournalKeepsItsTimes() throws Exception {
    String id = "replay-" + UUID.randomUUID();
    Instant start = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    String journeyId = replay(id, pastHandoff(start)).statusCode(202).extract().path("journeyId");
    Instant[] breach = new Instant[1];
    Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> breach[0] = at(view(journeyId), "sla.breach"));

    // As a restart of the embedded server: the workflow and its snapshot are gone, the journal stays.
    client.newUntypedWorkflowStub(journeyId).terminate("simulated loss of the embedded server");
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("UPDATE journeys SET snapshot_json = NULL WHERE journey_id = ?")) {
      ps.setString(1, journeyId);
      ps.executeUpdate();
    }
    assertThat(journal.entries(journeyId)).extracting(Journal.Entry::receivedAt)
        .as("journaled at the times the events happened")
        .containsExactly(start, start.plus(1, ChronoUnit.MINUTES));
    restorer.restore(journeyId);

    Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      JsonPath v = view(journeyId);
      assertThat(v.getInt("restores")).isEqualTo(1);
      assertThat(Instant.parse(v.getString("startedAt"))).isEqualTo(start);
      assertThat(v.getList("timeline.step", String.class)).contains("sla.breach");
      assertThat(at(v, "event.conversation.started")).isEqualTo(start);
      assertThat(at(v, "ticket.created")).isEqualTo(start.plus(1, ChronoUnit.MINUTES));
      assertThat(at(v, "sla.breach")).isEqualTo(breach[0]);
    });
  }

  /** A refused replay: a 400 naming the field, and neither a journal entry nor a journey. */
  private void refusedLeavingNothing(String events, String field) {
    String id = "replay-bad-" + UUID.randomUUID();
    replay(id, events).statusCode(400).contentType("application/problem+json")
        .body("field", equalTo(field)).body("errors.field", org.hamcrest.Matchers.hasItem(field));
    String journeyId = JourneyIds.journeyId(id);
    assertThat(journal.exists(journeyId)).isFalse();
    given().when().get("/api/journeys/{id}", journeyId).then().statusCode(404);
  }

  @Test
  void eventsOutOfOrderAreRefusedNamingTheLaterOneAndLeaveNothing() {
    Instant start = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    refusedLeavingNothing(pastHandoff(start) + """
        ,{"type":"customer.replied","occurredAt":"%s","text":"Hello?"}""".formatted(start.minusSeconds(60)),
        "events[2].occurredAt");
  }

  @Test
  void anEventInTheFutureIsRefusedAndLeavesNothing() {
    Instant start = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    refusedLeavingNothing(pastHandoff(start) + """
        ,{"type":"customer.replied","occurredAt":"%s","text":"Hello?"}"""
        .formatted(Instant.now().plus(10, ChronoUnit.MINUTES)), "events[2].occurredAt");
  }

  @Test
  void anEventWithoutOccurredAtIsRefusedAndLeavesNothing() {
    Instant start = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    refusedLeavingNothing(pastHandoff(start) + """
        ,{"type":"customer.replied","text":"Hello?"}""", "events[2].occurredAt");
  }

  @Test
  void aDuplicateEventIdIsRefusedAndLeavesNothing() {
    Instant start = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    refusedLeavingNothing(pastHandoff(start) + """
        ,{"type":"customer.replied","occurredAt":"%s","eventId":"e2","text":"Hello?"}"""
        .formatted(start.plus(2, ChronoUnit.MINUTES)), "events[2].eventId");
  }

  @Test
  void anInvalidEventIsRefusedNamingItsFieldUnderItsIndex() {
    Instant start = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    refusedLeavingNothing(pastHandoff(start) + """
        ,{"type":"customer.replied","occurredAt":"%s","channel":"pigeon","text":"Hello?"}"""
        .formatted(start.plus(2, ChronoUnit.MINUTES)), "events[2].channel");
  }

  @Test
  void tooManyEventsAreRefused() {
    StringBuilder events = new StringBuilder();
    Instant start = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    for (int i = 0; i <= io.handoff.journey.EventLimits.MAX_REPLAY_EVENTS; i++) {
      events.append(i == 0 ? "" : ",").append("""
          {"type":"message.received","occurredAt":"%s","text":"hi"}""".formatted(start.plusSeconds(i)));
    }
    refusedLeavingNothing(events.toString(), "events");
  }

  @Test
  void aReplayOfAConversationWhoseJourneyExistsIsAConflictNamingItAndAddsNothing() {
    String id = "replay-live-" + UUID.randomUUID();
    String journeyId = Events.post(id, """
        {"type":"conversation.started","channel":"whatsapp","customer":{"id":"u-live","name":"Ana"}}""");
    int entries = journal.entries(journeyId).size();
    Instant start = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    replay(id, pastHandoff(start)).statusCode(409).contentType("application/problem+json")
        .body("type", equalTo("https://handoff.dev/problems/journey-exists"))
        .body("detail", org.hamcrest.Matchers.containsString(journeyId));
    assertThat(journal.entries(journeyId)).hasSize(entries);
    assertThat(view(journeyId).getList("timeline.step", String.class)).doesNotContain("event.message.received");
  }

  @Test
  void aReplayThatLosesTheRaceToALiveStartTakesBackTheEntriesItJournaled() {
    // A journey whose workflow runs but that neither the journal nor the index knows yet: the state between a
    // live first event's start and its first projection. Its task queue has no worker, so it stays that way.
    String id = "replay-race-" + UUID.randomUUID();
    String journeyId = JourneyIds.journeyId(id);
    io.handoff.journey.CustomerJourneyWorkflow racing = client.newWorkflowStub(
        io.handoff.journey.CustomerJourneyWorkflow.class, io.temporal.client.WorkflowOptions.newBuilder()
            .setWorkflowId(journeyId).setTaskQueue("replay-race-no-worker").build());
    WorkflowClient.start(racing::run, io.handoff.journey.JourneyInput.start(id, null));
    try {
      Instant start = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
      replay(id, pastHandoff(start)).statusCode(409).contentType("application/problem+json")
          .body("type", equalTo("https://handoff.dev/problems/journey-exists"));
      assertThat(journal.entries(journeyId)).as("the replay's entries, taken back").isEmpty();
    } finally {
      client.newUntypedWorkflowStub(journeyId).terminate("test done");
    }
  }

  @Test
  void theOpenApiDocumentDescribesTheRequestAndItsAnswers() {
    JsonPath api = given().accept("application/json").when().get("/q/openapi?format=json").then().statusCode(200)
        .extract().jsonPath();
    String post = "paths.'/api/conversations/{conversationId}/replay'.post";
    assertThat(api.getMap(post + ".responses")).containsKeys("202", "400", "409");
    assertThat(api.getString(post + ".requestBody.content.'application/json'.schema.'$ref'"))
        .isEqualTo("#/components/schemas/ReplayRequest");
    assertThat(api.getMap("components.schemas.ReplayRequest.properties")).containsOnlyKeys("events");
  }
}
