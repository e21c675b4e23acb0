package io.handoff.sla;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.testing.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The {@code demo} profile (README "A demo with short clocks"): the shipped rule files run 60 times
 * faster, so an agent reply left unanswered goes inactive, through the three reminders to solved within half a
 * minute, and is due to close a minute later; SLA targets are a sixtieth of the file's, in calendar time.
 */
@QuarkusTest
@TestProfile(DemoClockTest.DemoProfile.class)
@Timeout(300)
class DemoClockTest {

  /** The test profile's settings with the demo profile on top (its own database, as every profile test). */
  public static class DemoProfile implements QuarkusTestProfile {
    @Override
    public String getConfigProfile() {
      return "test,demo";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("handoff.restore.enabled", "false",
          "quarkus.datasource.\"h2\".jdbc.url", "jdbc:h2:mem:handoff-demo;DB_CLOSE_DELAY=-1");
    }
  }

  static JsonPath await(String journeyId, Duration timeout, Predicate<JsonPath> done) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonPath last = null;
    while (System.nanoTime() < deadline) {
      last = given().get("/api/journeys/" + journeyId).then().statusCode(200).extract().jsonPath();
      if (done.test(last)) {
        return last;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("timed out; last view: " + (last == null ? null : last.prettify()));
  }

  @Test
  void anUnansweredAgentReplyGoesThroughTheLadderToSolvedAndIsDueToCloseAMinuteLater() throws Exception {
    String journeyId = Events.post("demo-1", "{\"type\":\"conversation.started\",\"channel\":\"web_widget\","
        + "\"customer\":{\"id\":\"u-1\",\"name\":\"Ana\",\"email\":\"ana@example.com\",\"locale\":\"en\","
        + "\"tier\":\"enterprise\"}}");
    Events.post("demo-1", "{\"type\":\"message.received\",\"text\":\"My app crashes with an error when I log in\"}");
    JsonPath ticketed = await(journeyId, Duration.ofSeconds(60), v -> "TICKETED".equals(v.getString("stage")));

    // SLA targets: a sixtieth of sla-policies.yaml ("Standard": normal first reply 4h), in calendar time.
    float target = ticketed.getFloat("sla.first_reply_time.target");
    assertThat(List.of(60f, 120f, 240f, 480f)).contains(target);
    assertThat(ticketed.getBoolean("sla.first_reply_time.businessHours")).isFalse();
    Instant due = Instant.parse(ticketed.getString("sla.first_reply_time.dueAt"));
    assertThat(Duration.between(Instant.now(), due)).isLessThanOrEqualTo(Duration.ofMinutes(8));

    String ticketId = ticketed.getString("ticket.id");
    given().contentType("application/json")
        .body("{\"public\": true, \"body\": \"Could you send us a screenshot?\","
            + " \"author\": {\"id\": \"ben.keller\", \"name\": \"Ben Keller\"}}")
        .post("/api/tickets/" + ticketId + "/comments").then().statusCode(201);
    Instant replied = Instant.now();
    JsonPath waiting = await(journeyId, Duration.ofSeconds(30),
        v -> v.getList("nextClocks.clock").contains("inactivity"));
    Instant inactiveDue = Instant.parse(waiting.getString("nextClocks.find { it.clock == 'inactivity' }.dueAt"));
    // inactive after 10 min / 60 = 10 s
    assertThat(Duration.between(replied, inactiveDue)).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(11));

    // reminders at 15, 20 and 21 s, the last one solving the ticket
    JsonPath solved = await(journeyId, Duration.ofSeconds(90), v -> "SOLVED".equals(v.getString("stage")));
    Instant solvedSeen = Instant.now();
    assertThat(solved.getList("timeline.step")).contains("inactivity.session_inactive", "inactivity.reminder");
    assertThat(solved.getString("ticket.status")).isEqualTo("solved");
    // closed a minute later (handoff.helpdesk.auto-close-after=1m in the demo profile): the close clock is due then.
    // That the close clock closes the ticket when it fires is checked where it is seconds away (ReopenedJourneyApiTest,
    // JourneyRestartIT, DevServerIT), so this test does not wait the minute.
    Instant closeDue = Instant.parse(solved.getString("nextClocks.find { it.clock == 'close' }.dueAt"));
    assertThat(Duration.between(solvedSeen, closeDue)).isBetween(Duration.ofSeconds(45), Duration.ofSeconds(61));
  }
}
