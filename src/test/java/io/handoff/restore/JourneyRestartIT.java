package io.handoff.restore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: the embedded default keeps journeys across an abrupt restart. Runs the packaged jar, puts
 * journeys into every stage, kills the process (no graceful shutdown), lets clocks fall due while it is
 * down, starts it again on the same data directory and checks every journey came back, due clocks
 * fired once, and no outbound effect was repeated.
 */
@Timeout(600)
class JourneyRestartIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final String ENTERPRISE = "\"customer\":{\"id\":\"u-%s\",\"name\":\"Ana\",\"email\":\"ana@example.com\","
      + "\"tier\":\"enterprise\"}";
  static final String REMINDER_1 = "Are you still there?";

  @Test
  void journeysComeBackAfterAnAbruptRestart(@TempDir Path dir) throws Exception {
    Path workflows = shortClockWorkflows(dir);
    Path data = dir.resolve("data");
    Files.createDirectories(data);
    // Reminders count from the inactive step (1 min, then 1 min more): the demo clock quarters both, so the first
    // reminder falls due 30 s after the agent reply, and the solved ticket closes 20 s after it was solved: both
    // while the service is down.
    try (HandoffProcess p = new HandoffProcess(data, workflows, List.of(
        "-Dhandoff.helpdesk.auto-close-after=" + AUTO_CLOSE.toSeconds() + "s", "-Dhandoff.demo.time-scale=" + TIME_SCALE))) {
      p.start();
      start(p, "r-messaging", false);
      start(p, "r-ticketed", true);
      String reminded = start(p, "r-reminded", true);
      String solved = start(p, "r-solved", true);
      String remindedTicket = await(p, "r-reminded", v -> v.path("ticket").has("id")).path("ticket").path("id").asText();
      send(p, "POST", "/api/tickets/" + remindedTicket + "/comments",
          "{\"public\":true,\"body\":\"Could you send a screenshot?\",\"author\":{\"id\":\"ben.keller\",\"name\":\"Ben\"}}", 201);
      Instant reminderDue = firstReminderDue(Instant.now());
      String solvedTicket = await(p, "r-solved", v -> v.path("ticket").has("id")).path("ticket").path("id").asText();
      send(p, "PATCH", "/api/tickets/" + solvedTicket, "{\"status\":\"solved\"}", 200);
      Instant closeDue = Instant.now().plus(AUTO_CLOSE);
      JsonNode ticketedBefore = await(p, "r-ticketed", v -> "TICKETED".equals(v.path("stage").asText()));
      await(p, "r-solved", v -> "SOLVED".equals(v.path("stage").asText()));
      await(p, "r-messaging", v -> "MESSAGING".equals(v.path("stage").asText()));
      int messagingOutbox = outbox(p, "r-messaging").size();
      int ticketedOutbox = outbox(p, "r-ticketed").size();
      JsonNode ticketsBefore = get(p, "/api/tickets?limit=100");
      notYetFired(p, "r-reminded", "r-solved");

      p.kill();
      downUntil(reminderDue, closeDue);
      p.start();

      JsonNode messaging = await(p, "r-messaging", v -> v.path("restores").asInt() == 1);
      assertThat(messaging.path("stage").asText()).isEqualTo("MESSAGING");
      JsonNode ticketed = await(p, "r-ticketed", v -> v.path("restores").asInt() == 1
          && "TICKETED".equals(v.path("stage").asText()));
      assertThat(ticketed.path("ticket").path("id").asText()).isEqualTo(ticketedBefore.path("ticket").path("id").asText());
      assertThat(ticketed.path("sla").path("first_reply_time").path("dueAt").asText())
          .isEqualTo(ticketedBefore.path("sla").path("first_reply_time").path("dueAt").asText());
      JsonNode closed = await(p, "r-solved", v -> "CLOSED".equals(v.path("stage").asText()));
      assertThat(closed.path("ticket").path("status").asText()).isEqualTo("closed");
      JsonNode reminders = await(p, "r-reminded", v -> v.path("timeline").toString().contains("inactivity.reminder"));
      assertThat(reminders.path("restores").asInt()).isEqualTo(1);
      long reminder1Sent = outbox(p, "r-reminded").stream().filter(m -> m.startsWith(REMINDER_1)).count();
      assertThat(reminder1Sent).isEqualTo(1);
      assertThat(outbox(p, "r-messaging")).hasSize(messagingOutbox);
      assertThat(outbox(p, "r-ticketed")).hasSize(ticketedOutbox);
      assertThat(get(p, "/api/tickets?limit=100").path("items").size())
          .isEqualTo(ticketsBefore.path("items").size());
      assertThat(Files.readString(p.log)).containsPattern("Restored 4 open journeys in \\d+ ms \\(4 from their snapshot");
      assertThat(reminded).isEqualTo("journey-r-reminded");
      assertThat(solved).isEqualTo("journey-r-solved");
    }
  }

  /** The demo clock of the restart ITs: the 1-minute steps of {@link #shortClockWorkflows} take 15 s. */
  static final int TIME_SCALE = 4;
  /** {@code handoff.helpdesk.auto-close-after} of the restart ITs. */
  static final Duration AUTO_CLOSE = Duration.ofSeconds(20);

  /**
   * When the first reminder of a journey falls due whose agent reply was answered at {@code replied} (inactive
   * after 1 min, reminded 1 min later, on the demo clock): at the latest, since the journey recorded the reply
   * before the answer.
   */
  static Instant firstReminderDue(Instant replied) {
    return replied.plus(Duration.ofMinutes(2).dividedBy(TIME_SCALE));
  }

  /**
   * Before the kill: the reminder of {@code reminded} and the closing of {@code solved} have not happened yet, so
   * they fall due while Handoff is down (a machine too slow for that fails here, not silently later).
   */
  static void notYetFired(HandoffProcess p, String reminded, String solved) throws Exception {
    assertThat(get(p, "/api/journeys/journey-" + reminded).path("timeline").toString())
        .as("the reminder of %s fired before the kill", reminded).doesNotContain("inactivity.reminder");
    assertThat(get(p, "/api/journeys/journey-" + solved).path("stage").asText())
        .as("%s closed before the kill", solved).isNotEqualTo("CLOSED");
  }

  /** Handoff stays down until every clock in {@code due} has fallen due, and a margin. */
  static void downUntil(Instant... due) throws InterruptedException {
    Instant last = java.util.Arrays.stream(due).max(Instant::compareTo).orElseThrow().plusSeconds(2);
    long ms = Duration.between(Instant.now(), last).toMillis();
    if (ms > 0) {
      Thread.sleep(ms);
    }
  }

  /** A copy of workflows/ with a short inactivity ladder (1 min), so reminders fall due while the service is down. */
  static Path shortClockWorkflows(Path dir) throws Exception {
    Path workflows = dir.resolve("workflows");
    Files.createDirectories(workflows);
    try (Stream<Path> files = Files.list(Path.of("workflows"))) {
      for (Path f : files.toList()) {
        Files.copy(f, workflows.resolve(f.getFileName()));
      }
    }
    Files.writeString(workflows.resolve("inactivity.yaml"), Files.readString(workflows.resolve("inactivity.yaml"))
        .replace("inactive_after: 10m", "inactive_after: 1m").replace("after: 5m", "after: 1m"));
    return workflows;
  }

  static String start(HandoffProcess p, String conversation, boolean handoff) throws Exception {
    String journeyId = send(p, "POST", "/api/conversations/" + conversation + "/events",
        "{\"type\":\"conversation.started\",\"channel\":\"web_widget\"," + ENTERPRISE.formatted(conversation) + "}",
        202).path("journeyId").asText();
    if (handoff) {
      send(p, "POST", "/api/conversations/" + conversation + "/events",
          "{\"type\":\"message.received\",\"text\":\"How much does the enterprise plan cost? I want to talk to sales.\"}",
          202);
    }
    return journeyId;
  }

  static List<String> outbox(HandoffProcess p, String conversation) throws Exception {
    JsonNode rows = get(p, "/api/outbox/messages?limit=500&conversationId=" + conversation);
    return java.util.stream.StreamSupport.stream(rows.spliterator(), false).map(r -> r.path("body").asText()).toList();
  }

  static JsonNode await(HandoffProcess p, String conversation, Predicate<JsonNode> done) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(p.url("/api/journeys/journey-" + conversation)))
          .build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 200) {
        last = JSON.readTree(r.body());
        if (done.test(last)) {
          return last;
        }
      }
      Thread.sleep(250);
    }
    throw new AssertionError("journey-" + conversation + " did not reach the expected state; last view: " + last);
  }

  static JsonNode get(HandoffProcess p, String path) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(p.url(path))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  static JsonNode send(HandoffProcess p, String method, String path, String body, int expected) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(p.url(path)))
        .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(method + " " + path + " → " + r.body()).isEqualTo(expected);
    return r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
  }
}
