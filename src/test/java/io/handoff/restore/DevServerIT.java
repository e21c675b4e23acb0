package io.handoff.restore;

import static io.handoff.restore.JourneyRestartIT.await;
import static io.handoff.restore.JourneyRestartIT.get;
import static io.handoff.restore.JourneyRestartIT.outbox;
import static io.handoff.restore.JourneyRestartIT.send;
import static io.handoff.restore.JourneyRestartIT.start;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionMetadata;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: Handoff on the real Temporal server, in mode dev-server (Handoff starts, supervises and stops a
 * Temporal CLI dev server on free ports, SQLite under its data directory). Runs the packaged jar as its own
 * process: the README's seed journey end to end, found in Temporal by its search attributes; 20 concurrent
 * first events of one conversation; continue-as-new; kill -9 of Handoff mid-journey with timers falling due
 * while it is down, then a restart in which Temporal, not Handoff's journal, brings the journeys back; the dev
 * server killed under Handoff and restarted by it; a graceful stop that stops the dev server. Skipped,
 * visibly, where the {@code temporal} binary is not on the PATH ({@code .ci/run} installs it).
 */
@Timeout(900)
@EnabledIf("temporalInstalled")
class DevServerIT {
  static final String ENTERPRISE = JourneyRestartIT.ENTERPRISE;

  static boolean temporalInstalled() {
    return Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
        .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, "temporal")));
  }

  @Test
  void journeysRunOnTheDevServerAndSurviveAKillThroughTemporal(@TempDir Path dir) throws Exception {
    Path workflows = JourneyRestartIT.shortClockWorkflows(dir);
    Path data = dir.resolve("data");
    Files.createDirectories(data);
    // The demo clock quarters the 1-minute ladder steps: the first reminder falls due 30 s after the agent reply,
    // the solved ticket closes 20 s after it was solved, both while Handoff is down.
    try (HandoffProcess p = new HandoffProcess(data, workflows, List.of("-Dhandoff.temporal.mode=dev-server",
        "-Dhandoff.temporal.dev-server.ui-port=0",
        "-Dhandoff.helpdesk.auto-close-after=" + JourneyRestartIT.AUTO_CLOSE.toSeconds() + "s",
        "-Dhandoff.demo.time-scale=" + JourneyRestartIT.TIME_SCALE,
        "-Dhandoff.journey.continue-as-new-after-events=150"))) {
      p.start();
      JsonNode health = get(p, "/q/health/ready");
      JsonNode temporal = check(health, "temporal");
      assertThat(temporal.path("data").path("mode").asText()).isEqualTo("dev-server");
      String ui = temporal.path("data").path("ui").asText();
      assertThat(JourneyRestartIT.HTTP.send(HttpRequest.newBuilder(URI.create(ui + "/")).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
      assertThat(Files.exists(data.resolve("temporal").resolve("handoff-temporal.db"))).isTrue();
      WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
          .setTarget("127.0.0.1:" + p.temporalPort).build());
      try {
        WorkflowClient temporalClient = WorkflowClient.newInstance(stubs);

        // The README's seed journey, end to end, and found in Temporal by its search attributes.
        send(p, "POST", "/api/conversations/c-42/events", "{\"type\":\"conversation.started\",\"channel\":\"web_widget\","
            + "\"pageUrl\":\"https://shop.example/pricing\",\"customer\":{\"id\":\"u-7\",\"name\":\"Ana\",\"email\":"
            + "\"ana@example.com\",\"locale\":\"es\",\"tier\":\"enterprise\"}}", 202);
        send(p, "POST", "/api/conversations/c-42/events",
            "{\"type\":\"message.received\",\"channel\":\"web_widget\",\"text\":\"Hola, ¿cuánto cuesta el plan Enterprise?\"}",
            202);
        JsonNode seed = await(p, "c-42", v -> "TICKETED".equals(v.path("stage").asText())
            && v.path("ticket").has("id"));
        assertThat(seed.path("language").asText()).isEqualTo("es");
        assertThat(seed.path("ticket").path("group").asText()).isEqualTo("sales");
        assertThat(seed.path("ticket").path("priority").asText()).isEqualTo("high");
        String intent = seed.path("routing").path(seed.path("routing").path("active").asText()).path("intent").asText();
        assertThat(awaitList(temporalClient, "HandoffStage = 'TICKETED' AND HandoffLanguage = 'es' AND "
            + "HandoffIntent = '" + intent + "' AND HandoffPriority = 'high' AND HandoffChannel = 'web_widget'", 1))
            .extracting(m -> m.getExecution().getWorkflowId()).contains("journey-c-42");
        String seedTicket = seed.path("ticket").path("id").asText();

        // 20 concurrent first events of one conversation: one journey, one workflow, every event recorded once.
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<JsonNode>> acks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          String body = "{\"type\":\"message.received\",\"channel\":\"web_widget\",\"eventId\":\"burst-" + i
              + "\",\"text\":\"burst message " + i + "\"," + ENTERPRISE.formatted("burst") + "}";
          acks.add(pool.submit((Callable<JsonNode>) () -> send(p, "POST", "/api/conversations/c-burst/events", body, 202)));
        }
        for (Future<JsonNode> ack : acks) {
          assertThat(ack.get().path("journeyId").asText()).isEqualTo("journey-c-burst");
          assertThat(ack.get().path("duplicate").asBoolean()).isFalse();
        }
        pool.shutdown();
        JsonNode burst = await(p, "c-burst", v -> v.path("timeline").toString().contains("burst message 19"));
        for (int i = 0; i < 20; i++) {
          String text = "burst message " + i;
          assertThat(java.util.stream.StreamSupport.stream(burst.path("timeline").spliterator(), false)
              .filter(t -> "event.message.received".equals(t.path("step").asText()) && text.equals(t.path("text").asText()))
              .count()).as(text).isEqualTo(1);
        }
        assertThat(awaitList(temporalClient, "WorkflowId = 'journey-c-burst'", 1)).hasSize(1);
        // A retried event (same id, same body) is answered as a duplicate and recorded once.
        JsonNode burstRetry = send(p, "POST", "/api/conversations/c-burst/events", "{\"type\":\"message.received\","
            + "\"channel\":\"web_widget\",\"eventId\":\"burst-7\",\"text\":\"burst message 7\","
            + ENTERPRISE.formatted("burst") + "}", 202);
        assertThat(burstRetry.path("eventId").asText()).isEqualTo("burst-7");
        assertThat(burstRetry.path("duplicate").asBoolean()).isTrue();
        assertThat(java.util.stream.StreamSupport.stream(get(p, "/api/journeys/journey-c-burst").path("timeline")
            .spliterator(), false).filter(t -> "burst message 7".equals(t.path("text").asText())).count()).isEqualTo(1);

        // A first event retried while the first call is in flight (update-with-start with one update id): one
        // journey, the event recorded once.
        ExecutorService retries = Executors.newFixedThreadPool(2);
        String retried = "{\"type\":\"conversation.started\",\"channel\":\"web_widget\",\"eventId\":\"retried-1\","
            + ENTERPRISE.formatted("retried") + "}";
        Future<JsonNode> a = retries.submit(() -> send(p, "POST", "/api/conversations/c-retried/events", retried, 202));
        Future<JsonNode> b = retries.submit(() -> send(p, "POST", "/api/conversations/c-retried/events", retried, 202));
        assertThat(a.get().path("journeyId").asText()).isEqualTo(b.get().path("journeyId").asText())
            .isEqualTo("journey-c-retried");
        retries.shutdown();
        assertThat(java.util.stream.StreamSupport.stream(await(p, "c-retried", v -> true).path("timeline").spliterator(),
            false).filter(t -> "event.conversation.started".equals(t.path("step").asText())).count()).isEqualTo(1);

        // Continue-as-new on the real server: the journey carries its state into the next run.
        start(p, "c-long", true);
        JsonNode longBefore = await(p, "c-long", v -> v.path("ticket").has("id"));
        int sent = 0;
        JsonNode longView = longBefore;
        while (longView.path("runs").asInt() < 2 && sent < 60) {
          send(p, "POST", "/api/conversations/c-long/events",
              "{\"type\":\"message.received\",\"text\":\"more details, part " + sent + "\"}", 202);
          sent++;
          longView = get(p, "/api/journeys/journey-c-long");
        }
        assertThat(longView.path("runs").asInt()).as("runs after %d messages", sent).isGreaterThanOrEqualTo(2);
        assertThat(longView.path("ticket").path("id").asText()).isEqualTo(longBefore.path("ticket").path("id").asText());
        assertThat(awaitList(temporalClient, "WorkflowId = 'journey-c-long' AND ExecutionStatus = 'ContinuedAsNew'", 1))
            .isNotEmpty();

        // Journeys mid-way, with clocks that fall due while Handoff is down.
        start(p, "d-reminded", true);
        start(p, "d-solved", true);
        String remindedTicket = await(p, "d-reminded", v -> v.path("ticket").has("id")).path("ticket").path("id").asText();
        send(p, "POST", "/api/tickets/" + remindedTicket + "/comments",
            "{\"public\":true,\"body\":\"Could you send a screenshot?\",\"author\":{\"id\":\"ben.keller\",\"name\":\"Ben\"}}",
            201);
        Instant reminderDue = JourneyRestartIT.firstReminderDue(Instant.now());
        String solvedTicket = await(p, "d-solved", v -> v.path("ticket").has("id")).path("ticket").path("id").asText();
        send(p, "PATCH", "/api/tickets/" + solvedTicket, "{\"status\":\"solved\"}", 200);
        Instant closeDue = Instant.now().plus(JourneyRestartIT.AUTO_CLOSE);
        await(p, "d-solved", v -> "SOLVED".equals(v.path("stage").asText()));
        int seedOutbox = outbox(p, "c-42").size();
        int ticketsBefore = get(p, "/api/tickets?limit=100").path("items").size();
        JourneyRestartIT.notYetFired(p, "d-reminded", "d-solved");

        p.kill();
        JourneyRestartIT.downUntil(reminderDue, closeDue);
        long restartStart = System.nanoTime();
        p.start();
        long restartMs = (System.nanoTime() - restartStart) / 1_000_000;

        JsonNode closed = await(p, "d-solved", v -> "CLOSED".equals(v.path("stage").asText()));
        assertThat(closed.path("ticket").path("status").asText()).isEqualTo("closed");
        JsonNode reminded = await(p, "d-reminded", v -> v.path("timeline").toString().contains("inactivity.reminder"));
        assertThat(outbox(p, "d-reminded").stream().filter(m -> m.startsWith(JourneyRestartIT.REMINDER_1)).count())
            .isEqualTo(1);
        assertThat(reminded.path("restores").asInt()).isZero();
        JsonNode seedAfter = get(p, "/api/journeys/journey-c-42");
        assertThat(seedAfter.path("ticket").path("id").asText()).isEqualTo(seedTicket);
        assertThat(seedAfter.path("restores").asInt()).isZero();
        assertThat(outbox(p, "c-42")).hasSize(seedOutbox);
        assertThat(get(p, "/api/tickets?limit=100").path("items").size()).isEqualTo(ticketsBefore);
        String log = Files.readString(p.log);
        assertThat(log).doesNotContain("Restored ").contains("left running on");
        send(p, "POST", "/api/conversations/c-42/events",
            "{\"type\":\"message.received\",\"text\":\"¿Siguen ahí?\"}", 202);
        await(p, "c-42", v -> v.path("timeline").toString().contains("¿Siguen ahí?"));
        System.out.printf("DevServerIT: restart to ready in %d ms%n", restartMs);

        // The dev server dies under Handoff: it is started again and journeys go on.
        long pid = Long.parseLong(Files.readString(data.resolve("temporal").resolve("handoff-temporal.db.pid")).trim());
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline && !Files.readString(p.log).contains("The Temporal dev server is back on")) {
          Thread.sleep(250);
        }
        assertThat(Files.readString(p.log)).contains("died with exit code").contains("The Temporal dev server is back on");
        send(p, "POST", "/api/conversations/c-after/events",
            "{\"type\":\"conversation.started\",\"channel\":\"web_widget\"," + ENTERPRISE.formatted("after") + "}", 202);
        await(p, "c-after", v -> "MESSAGING".equals(v.path("stage").asText()));

        // A graceful stop stops the dev server too.
        List<ProcessHandle> children = p.stop();
        assertThat(children).isNotEmpty();
        for (ProcessHandle child : children) {
          child.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertThat(Files.exists(data.resolve("temporal").resolve("handoff-temporal.db.pid"))).isFalse();
      } finally {
        stubs.shutdownNow();
      }
    }
  }

  @Test
  void aMissingTemporalBinaryStopsTheStartNamingTheSetting(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    Files.createDirectories(data);
    try (HandoffProcess p = new HandoffProcess(data, Path.of("workflows").toAbsolutePath(), List.of(
        "-Dhandoff.temporal.mode=dev-server", "-Dhandoff.temporal.dev-server.binary=" + dir.resolve("bin/temporal")))) {
      try {
        p.start();
        throw new AssertionError("Handoff started without its Temporal binary");
      } catch (IllegalStateException e) {
        assertThat(e.getMessage()).startsWith("Handoff exited with");
      }
      assertThat(Files.readString(p.log)).contains("handoff.temporal.dev-server.binary: the Temporal CLI '"
          + dir.resolve("bin/temporal") + "' was not found");
    }
  }

  private static JsonNode check(JsonNode health, String name) {
    for (JsonNode c : health.path("checks")) {
      if (name.equals(c.path("name").asText())) {
        return c;
      }
    }
    throw new AssertionError("no health check " + name + " in " + health);
  }

  private static List<WorkflowExecutionMetadata> awaitList(WorkflowClient client, String query, int atLeast)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    List<WorkflowExecutionMetadata> found = List.of();
    while (System.nanoTime() < deadline) {
      found = client.listExecutions(query).toList();
      if (found.size() >= atLeast) {
        return found;
      }
      Thread.sleep(500);
    }
    return found;
  }
}
