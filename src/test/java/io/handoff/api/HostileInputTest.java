package io.handoff.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.testing.hostile.HostileChecks;
import io.handoff.testing.hostile.HostileRequest;
import io.handoff.testing.hostile.HostileRequests;
import io.handoff.testing.hostile.RawHttp;
import io.handoff.journey.EventLimits;
import io.handoff.testing.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A small, fast slice of the hostile-input harness (bench/hostile-harness.sh): generated malformed and
 * hostile requests get a problem+json 4xx, never a 5xx, and change no journey or ticket.
 */
@QuarkusTest
@Timeout(120)
class HostileInputTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @jakarta.inject.Inject io.handoff.persistence.Journal journal;

  @Test
  void oversizeBodyIsRefusedAsProblemJsonNamingTheLimit() throws Exception {
    RawHttp.Answer a = RawHttp.send(RestAssured.port, new HostileRequest("oversize", "POST",
        "/api/conversations/big-" + UUID.randomUUID() + "/events", Map.of("Content-Type", "application/json"),
        ("{\"type\":\"message.received\",\"text\":\"" + "x".repeat(300_000) + "\"}").getBytes(StandardCharsets.UTF_8),
        true));
    assertThat(a.status()).isEqualTo(413);
    assertThat(a.contentType()).startsWith("application/problem+json");
    assertThat(JSON.readTree(a.body()).path("detail").asText()).contains("the limit is 262144 bytes");
  }

  @Test
  void oversizeChunkedBodyIsRefusedAsProblemJsonAndASmallOneIsAccepted() throws Exception {
    String conversation = "chunked-" + UUID.randomUUID();
    RawHttp.Answer big = RawHttp.send(RestAssured.port, chunkedEvent(conversation, "x".repeat(300_000)));
    assertThat(big.status()).isEqualTo(413);
    assertThat(big.contentType()).startsWith("application/problem+json");
    assertThat(JSON.readTree(big.body()).path("detail").asText()).contains("the limit is 262144 bytes");
    RawHttp.Answer small = RawHttp.send(RestAssured.port, chunkedEvent(conversation, "hello in chunks"));
    assertThat(small.status()).as(small.body()).isEqualTo(202);
  }

  @Test
  void aChunkedBodyDoesNotSkipTheSemicolonGuard() throws Exception {
    HostileRequest r = chunkedEvent("semi-" + UUID.randomUUID() + ";b", "hello in chunks");
    RawHttp.Answer a = RawHttp.send(RestAssured.port, r);
    assertThat(a.status()).as(a.body()).isEqualTo(400);
    assertThat(JSON.readTree(a.body()).path("field").asText()).isEqualTo("path");
  }

  private static HostileRequest chunkedEvent(String conversation, String text) {
    byte[] json = ("{\"type\":\"conversation.started\",\"channel\":\"email\"}").getBytes(StandardCharsets.UTF_8);
    if (text.length() > 100) {
      json = ("{\"type\":\"message.received\",\"text\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
    }
    java.io.ByteArrayOutputStream chunked = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < json.length; i += 8192) {
      int n = Math.min(8192, json.length - i);
      chunked.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII), 0, Integer.toHexString(n).length() + 2);
      chunked.write(json, i, n);
      chunked.write(new byte[] {'\r', '\n'}, 0, 2);
    }
    chunked.write(new byte[] {'0', '\r', '\n', '\r', '\n'}, 0, 5);
    return new HostileRequest("chunked", "POST", "/api/conversations/" + conversation + "/events",
        Map.of("Content-Type", "application/json", "Transfer-Encoding", "chunked"), chunked.toByteArray(), true);
  }

  @Test
  void aRequestTargetOverTheLimitIsRefusedAsProblemJsonNamingTheLimit() throws Exception {
    RawHttp.Answer path = RawHttp.send(RestAssured.port, new HostileRequest("long path", "GET",
        "/api/journeys/journey-" + "p".repeat(10_000), Map.of(), new byte[0], true));
    assertTargetTooLong(path, 10_022);
    RawHttp.Answer query = RawHttp.send(RestAssured.port, new HostileRequest("long query", "GET",
        "/api/journeys?stage=" + "q".repeat(10_000), Map.of(), new byte[0], true));
    assertTargetTooLong(query, 10_020);
    // An event under an over-long target is refused before its body is read: nothing is journaled or started.
    String id = "long-" + UUID.randomUUID();
    RawHttp.Answer event = RawHttp.send(RestAssured.port, new HostileRequest("long event target", "POST",
        "/api/conversations/" + id + "/events?x=" + "e".repeat(9_000), Map.of("Content-Type", "application/json"),
        "{\"type\":\"message.received\",\"text\":\"hi\"}".getBytes(StandardCharsets.UTF_8), true));
    assertThat(event.status()).as(event.body()).isEqualTo(414);
    given().get("/api/journeys/journey-" + id).then().statusCode(404);
  }

  private static void assertTargetTooLong(RawHttp.Answer a, int length) throws Exception {
    assertThat(a.status()).as(a.body()).isEqualTo(414);
    assertThat(a.contentType()).startsWith("application/problem+json");
    JsonNode p = JSON.readTree(a.body());
    assertThat(p.path("status").asInt()).isEqualTo(414);
    assertThat(p.path("detail").asText()).isEqualTo("the request target (path and query) has " + length
        + " characters; the limit is 8192 characters");
  }

  @Test
  void targetsUpToTheLimitAndNormalRequestsAreNotRefused() throws Exception {
    String atLimit = "/api/journeys?intent=" + "s".repeat(RequestGuards.MAX_TARGET_LENGTH - 21);
    assertThat(atLimit).hasSize(RequestGuards.MAX_TARGET_LENGTH);
    RawHttp.Answer a = RawHttp.send(RestAssured.port, new HostileRequest("target at the limit", "GET", atLimit,
        Map.of(), new byte[0], false));
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    assertTargetTooLong(RawHttp.send(RestAssured.port, new HostileRequest("target one over the limit", "GET",
        atLimit + "s", Map.of(), new byte[0], true)), RequestGuards.MAX_TARGET_LENGTH + 1);
    given().queryParam("limit", 5).get("/api/journeys").then().statusCode(200);
    given().get("/q/health/live").then().statusCode(200);
  }

  @Test
  void aRequestLineOverTheCodecLimitIsStillRefusedWith414() throws Exception {
    // Past quarkus.http.limits.max-initial-line-length (64 KiB) Vert.x's codec answers before any route:
    // a bare 414 (README known limits); the connection is closed and the server goes on.
    RawHttp.Answer a = RawHttp.send(RestAssured.port, new HostileRequest("request line over 64 KiB", "GET",
        "/api/journeys/journey-" + "c".repeat(70_000), Map.of(), new byte[0], true));
    assertThat(a.status()).as(a.body()).isEqualTo(414);
    given().queryParam("limit", 1).get("/api/journeys").then().statusCode(200);
  }

  @Test
  void semicolonInAConversationIdIsRefusedInsteadOfReachingAnotherConversation() throws Exception {
    String id = "semi-" + UUID.randomUUID();
    RawHttp.Answer a = RawHttp.send(RestAssured.port, new HostileRequest("matrix", "POST",
        "/api/conversations/" + id + ";b/events", Map.of("Content-Type", "application/json"),
        "{\"type\":\"message.received\",\"text\":\"hi\"}".getBytes(StandardCharsets.UTF_8), true));
    assertThat(a.status()).isEqualTo(400);
    assertThat(JSON.readTree(a.body()).path("field").asText()).isEqualTo("path");
    given().get("/api/journeys/journey-" + id).then().statusCode(404);
  }

  @Test
  void blankEventIdIsRefused() {
    given().contentType("application/json").body("{\"type\":\"message.received\",\"text\":\"hi\",\"eventId\":\" \"}")
        .post("/api/conversations/blank-" + UUID.randomUUID() + "/events")
        .then().statusCode(400).contentType("application/problem+json")
        .body("errors.field", org.hamcrest.Matchers.hasItem("eventId"));
  }

  /** One hostile replay body: the field its problem must name (and its status). */
  private record ReplayCase(String kind, String conversationId, byte[] body, int status, String field) {
    ReplayCase(String kind, String body, String field) {
      this(kind, "replay-h-" + UUID.randomUUID(), body.getBytes(StandardCharsets.UTF_8), 400, field);
    }
  }

  private static String replayEvents(String... events) {
    return "{\"events\":[" + String.join(",", events) + "]}";
  }

  private static String pastEvent(String type, String extra) {
    return "{\"type\":\"" + type + "\",\"occurredAt\":\"" + Instant.now().minus(Duration.ofHours(3))
        + "\"" + extra + "}";
  }

  @Test
  void hostileReplayBodiesAreRefusedAsProblemJsonNamingTheFieldAndJournalNothing() throws Exception {
    String started = pastEvent("conversation.started", "");
    String manyEvents = replayEvents(java.util.Collections.nCopies(EventLimits.MAX_REPLAY_EVENTS + 1,
        pastEvent("customer.replied", ",\"text\":\"again\"")).toArray(String[]::new));
    byte[] badUtf8 = replayEvents(pastEvent("conversation.started", ",\"text\":\"X\"")).getBytes(StandardCharsets.UTF_8);
    badUtf8[badUtf8.length - 5] = (byte) 0xC3; // the X: a lead byte followed by a quote is not UTF-8
    List<ReplayCase> cases = List.of(
        new ReplayCase("malformed JSON", "{\"events\":[" + started, "body"),
        new ReplayCase("trailing comma", "{\"events\":[" + started + ",]}", "body"),
        new ReplayCase("not an object", "[" + started + "]", "body"),
        new ReplayCase("empty body", "", "body"),
        new ReplayCase("events missing", "{}", "events"),
        new ReplayCase("events not an array", "{\"events\":" + started + "}", "events"),
        new ReplayCase("events a string", "{\"events\":\"conversation.started\"}", "events"),
        new ReplayCase("events empty", "{\"events\":[]}", "events"),
        new ReplayCase("an event not an object", replayEvents("42"), "events[0]"),
        new ReplayCase("type a number", replayEvents("{\"type\":7,\"occurredAt\":\"2026-01-05T10:00:00Z\"}"),
            "events[0].type"),
        new ReplayCase("occurredAt a number", replayEvents("{\"type\":\"conversation.started\",\"occurredAt\":1e309}"),
            "events[0].occurredAt"),
        new ReplayCase("occurredAt not a date", replayEvents(
            "{\"type\":\"conversation.started\",\"occurredAt\":\"2026-13-45T99:00:00Z\"}"), "events[0].occurredAt"),
        new ReplayCase("text an object", replayEvents(started, pastEvent("message.received", ",\"text\":{\"a\":1}")),
            "events[1].text"),
        new ReplayCase("customer a string", replayEvents(pastEvent("conversation.started",
            ",\"customer\":\"' OR '1'='1' --\"")), "events[0].customer"),
        new ReplayCase("eventId over 128 characters", replayEvents(pastEvent("conversation.started",
            ",\"eventId\":\"" + "e".repeat(129) + "\"")), "events[0].eventId"),
        new ReplayCase("injection as the type", replayEvents(pastEvent("{{7*7}}", "")), "events[0].type"),
        new ReplayCase("injection as the channel", replayEvents(pastEvent("conversation.started",
            ",\"channel\":\"${jndi:ldap://127.0.0.1/a}\"")), "events[0].channel"),
        new ReplayCase("injection as a field name", "{\"events\":[" + started + "],\"__proto__\":{\"admin\":true}}",
            "__proto__"),
        new ReplayCase("text over 20,000 characters", replayEvents(started, pastEvent("message.received",
            ",\"text\":\"" + "a".repeat(20_001) + "\"")), "events[1].text"),
        new ReplayCase("too many events", manyEvents, "events"),
        new ReplayCase("invalid UTF-8", "replay-h-" + UUID.randomUUID(), badUtf8, 400, "body"),
        new ReplayCase("conversation id over 128 characters", "c".repeat(129),
            replayEvents(started).getBytes(StandardCharsets.UTF_8), 400, "conversationId"),
        new ReplayCase("body over the 256 KB limit", "replay-h-" + UUID.randomUUID(), replayEvents(
            pastEvent("conversation.started", ",\"text\":\"" + "b".repeat(300_000) + "\""))
            .getBytes(StandardCharsets.UTF_8), 413, "body"));

    for (ReplayCase c : cases) {
      RawHttp.Answer a = RawHttp.send(RestAssured.port, new HostileRequest("replay: " + c.kind(), "POST",
          "/api/conversations/" + c.conversationId() + "/replay", Map.of("Content-Type", "application/json"),
          c.body(), true));
      assertThat(a.status()).as("%s: %s", c.kind(), a.body()).isEqualTo(c.status());
      assertThat(a.contentType()).as(c.kind()).startsWith("application/problem+json");
      JsonNode p = JSON.readTree(a.body());
      assertThat(p.path("status").asInt()).as(c.kind()).isEqualTo(c.status());
      assertThat(p.path("field").asText()).as("%s: %s", c.kind(), a.body()).isEqualTo(c.field());
      String journeyId = "journey-" + c.conversationId();
      assertThat(journal.exists(journeyId)).as("%s journaled nothing", c.kind()).isFalse();
      if (c.conversationId().length() <= 128) {
        given().get("/api/journeys/" + journeyId).then().statusCode(404);
      }
    }
  }

  @Test
  void injectionStringsInAReplayedTextAreKeptVerbatimNotInterpreted() throws Exception {
    String id = "replay-inj-" + UUID.randomUUID();
    String text = "{{7*7}} ${7*7} <script>alert(1)</script> ' OR '1'='1' --";
    given().contentType("application/json").body(replayEvents(pastEvent("conversation.started", ""),
            pastEvent("message.received", ",\"text\":" + JSON.writeValueAsString(text))))
        .post("/api/conversations/" + id + "/replay").then().statusCode(202);
    Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
        view(id).path("timeline").findValuesAsText("text")).contains(text));
    assertThat(journal.entries("journey-" + id)).hasSize(2);
  }

  @Test
  void threeHundredGeneratedHostileRequestsGetProblemJsonAndChangeNoJourney() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String ticketed = "hostile-t-" + run;
    String resolved = "hostile-m-" + run;
    Events.post(ticketed, "{\"type\":\"conversation.started\",\"customer\":{\"id\":\"u1\",\"tier\":\"enterprise\"}}");
    Events.post(ticketed, "{\"type\":\"message.received\",\"text\":\"How much does the Enterprise plan cost?\"}");
    Events.post(resolved, "{\"type\":\"message.received\",\"text\":\"Where is my order? The tracking shows nothing.\"}");
    String ticket = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> view(ticketed).path("ticket")
        .path("id").asText(null), t -> t != null);
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> view(resolved).path("routing").path("ai").isObject());
    Map<String, String> before = snapshot(ticketed, resolved, ticket);

    HostileChecks checks = new HostileChecks();
    for (HostileRequest r : new HostileRequests(7, List.of(ticketed, resolved), List.of(ticket),
        "hostile-x-" + run + "-").generate(300)) {
      checks.check(r, RawHttp.send(RestAssured.port, r));
    }

    assertThat(checks.violations()).isEmpty();
    assertThat(checks.byStatus().keySet()).allMatch(s -> s < 500);
    assertThat(snapshot(ticketed, resolved, ticket)).isEqualTo(before);
  }

  private static Map<String, String> snapshot(String ticketed, String resolved, String ticket) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(ticketed, given().get("/api/journeys/journey-" + ticketed).asString());
    m.put(resolved, given().get("/api/journeys/journey-" + resolved).asString());
    m.put("ticket", given().get("/api/tickets/" + ticket).asString());
    return m;
  }

  private static JsonNode view(String conversation) throws Exception {
    return JSON.readTree(given().get("/api/journeys/journey-" + conversation).asString());
  }
}
