package io.handoff.robust;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.handoff.testing.Journeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Issue 15, items 7 and 10: ids count once however late the retry, and every event POST answers in bounded time. */
@QuarkusTest
@Timeout(600)
class JourneyIdempotencyApiTest {

  private static Response postWithKey(String conversationId, String key, String body) {
    return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
        .when().post("/api/conversations/{id}/events", conversationId);
  }

  private static List<String> eventIdsOnTimeline(String journeyId) {
    return Journeys.view(journeyId).getList("timeline.findAll { it.step.startsWith('event.') }.trace.eventId");
  }

  @Test
  void anHonestRetryAnswersDuplicateTrue() {
    String id = "retry-" + UUID.randomUUID();
    String body = "{\"type\":\"conversation.started\",\"channel\":\"web_widget\"}";
    postWithKey(id, "k-1", body).then().statusCode(202).body("duplicate", equalTo(false));
    postWithKey(id, "k-1", body).then().statusCode(202).body("duplicate", equalTo(true));
    assertThat(eventIdsOnTimeline("journey-" + id)).containsExactly("k-1");
  }

  @Test
  void theSameEventIdWithAnotherBodyIsA409NamingItAndAppliesNothing() {
    String id = "clash-" + UUID.randomUUID();
    postWithKey(id, "k-1", "{\"type\":\"message.received\",\"channel\":\"web_widget\",\"text\":\"first\"}")
        .then().statusCode(202);
    postWithKey(id, "k-1", "{\"type\":\"message.received\",\"channel\":\"web_widget\",\"text\":\"second\"}")
        .then().statusCode(409).contentType("application/problem+json").body("field", equalTo("eventId"))
        .body("detail", org.hamcrest.Matchers.containsString("k-1"));
    List<String> texts = Journeys.view("journey-" + id)
        .getList("timeline.findAll { it.step == 'event.message.received' }.text");
    assertThat(texts).containsExactly("first");
  }

  @Test
  void anEventIdRetriedAfter500LaterEventsIsStillADuplicate() throws Exception {
    String id = "late-" + UUID.randomUUID();
    String first = "{\"type\":\"conversation.started\",\"channel\":\"web_widget\"}";
    postWithKey(id, "e-0", first).then().statusCode(202);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Callable<Integer>> calls = new ArrayList<>();
      for (int i = 1; i <= 520; i++) {
        String key = "e-" + i;
        calls.add(() -> postWithKey(id, key, "{\"type\":\"conversation.queued\",\"channel\":\"web_widget\"}")
            .statusCode());
      }
      for (Future<Integer> f : pool.invokeAll(calls)) {
        assertThat(f.get()).isEqualTo(202);
      }
    } finally {
      pool.shutdownNow();
    }
    postWithKey(id, "e-0", first).then().statusCode(202).body("duplicate", equalTo(true));
    // The index holds every timeline entry of every run: the retried id is there once.
    var index = io.quarkus.arc.Arc.container().instance(io.handoff.persistence.JourneyIndex.class).get();
    Awaitility.await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
        assertThat(index.timeline("journey-" + id).stream().filter(e -> e.step().equals("event.conversation.queued")))
            .hasSize(520));
    long starts = index.timeline("journey-" + id).stream()
        .filter(e -> e.step().equals("event.conversation.started")).count();
    assertThat(starts).isEqualTo(1);
  }

  @Test
  void aRetriedCommentWithTheSameIdempotencyKeyAddsOneComment() {
    Journeys.Ticketed t = Journeys.enterprisePricing("comment-key");
    String body = "{\"public\":true,\"body\":\"We are on it\",\"author\":{\"id\":\"ben.keller\",\"name\":\"Ben Keller\"}}";
    String firstId = given().contentType(ContentType.JSON).header("Idempotency-Key", "c-1").body(body)
        .when().post("/api/tickets/{id}/comments", t.ticketId()).then().statusCode(201)
        .body("id", notNullValue()).extract().path("id").toString();
    String againId = given().contentType(ContentType.JSON).header("Idempotency-Key", "c-1").body(body)
        .when().post("/api/tickets/{id}/comments", t.ticketId()).then().statusCode(201).extract().path("id")
        .toString();
    assertThat(againId).isEqualTo(firstId);
    List<String> bodies = Journeys.ticket(t.ticketId()).getList("comments.body");
    assertThat(bodies.stream().filter("We are on it"::equals)).hasSize(1);
  }

  @Test
  void twentyConcurrentFirstEventsAfterAnotherJourneyAllAnswerInBoundedTime() throws Exception {
    Journeys.enterprisePricing("before-race");
    String id = "race-" + UUID.randomUUID();
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Callable<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String key = "m-" + i;
        String text = "message " + i;
        calls.add(() -> {
          // A client retries a 503 with the same key after its Retry-After, as the problem says.
          for (int attempt = 0; attempt < 10; attempt++) {
            long began = System.nanoTime();
            Response r = postWithKey(id, key, "{\"type\":\"message.received\",\"channel\":\"whatsapp\",\"text\":\""
                + text + "\"}");
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began);
            assertThat(seconds).as("answered within the update timeout and some slack").isLessThan(60);
            if (r.statusCode() != 503) {
              return r.statusCode();
            }
            assertThat(r.header("Retry-After")).isNotNull();
            Thread.sleep(1000L * Long.parseLong(r.header("Retry-After")));
          }
          return 503;
        });
      }
      for (Future<Integer> f : pool.invokeAll(calls, 8, TimeUnit.MINUTES)) {
        assertThat(f.get()).isEqualTo(202);
      }
    } finally {
      pool.shutdownNow();
    }
    Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      List<String> texts = Journeys.view("journey-" + id)
          .getList("timeline.findAll { it.step == 'event.message.received' }.text");
      assertThat(texts).hasSize(20);
    });
  }
}
