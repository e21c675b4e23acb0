package io.handoff.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.handoff.journey.JourneyIds;
import io.handoff.model.Channel;
import io.handoff.model.Customer;
import io.handoff.model.EventType;
import io.handoff.model.JourneyEvent;
import io.handoff.persistence.Journal;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Restore benchmark (issue 10), not a test: writes the journal of N open journeys (conversation
 * started + a message that hands off, an hour ago) into a fresh H2 data directory, starts the packaged
 * service on it and reports (1) the restore time the service logs (every journaled entry re-delivered)
 * and (2) the time until every journey is back in stage TICKETED in the journey index.
 * Usage: {@code bench/restore-bench.sh [journeys]}.
 */
public final class RestoreBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private static final Pattern RESTORED = Pattern.compile("Restored (\\d+) open journeys in (\\d+) ms");

  private RestoreBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    Path data = Files.createTempDirectory("handoff-restore-bench");
    writeJournal(data, n);
    int http = freePort();
    Path log = data.resolve("handoff.log");
    long t0 = System.nanoTime();
    Process p = start(data, http, log);
    try {
      Matcher m = awaitRestoreLogged(p, log);
      double startToRestored = (System.nanoTime() - t0) / 1e9;
      int ticketed = 0;
      HttpClient client = HttpClient.newHttpClient();
      while (ticketed < n) {
        ticketed = countTicketed(client, http);
        Thread.sleep(1000);
      }
      double startToTicketed = (System.nanoTime() - t0) / 1e9;
      System.out.printf("journeys: %d%n", n);
      System.out.printf("restore logged by the service: %s journeys re-delivered in %s ms%n", m.group(1), m.group(2));
      System.out.printf("process start → restore logged: %.1f s%n", startToRestored);
      System.out.printf("process start → all %d journeys TICKETED in the index: %.1f s (%.0f journeys/s)%n", n,
          startToTicketed, n / startToTicketed);
    } finally {
      p.destroyForcibly().waitFor();
    }

    // Second restart: every journey now has a snapshot, so the restore starts each from it.
    Path log2 = data.resolve("handoff-2.log");
    long t1 = System.nanoTime();
    Process p2 = start(data, http, log2);
    try {
      Matcher m = awaitRestoreLogged(p2, log2);
      double startToRestored = (System.nanoTime() - t1) / 1e9;
      HttpClient client = HttpClient.newHttpClient();
      while (!ready(client, http)) {
        Thread.sleep(200);
      }
      double startToReady = (System.nanoTime() - t1) / 1e9;
      int checked = 0;
      for (int i = 0; i < n; i += Math.max(1, n / 50)) {
        JsonNode v = JSON.readTree(client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http
            + "/api/journeys/journey-bench-" + i)).build(), HttpResponse.BodyHandlers.ofString()).body());
        if (!"TICKETED".equals(v.path("stage").asText()) || v.path("restores").asInt() != 2
            || v.path("ticket").path("id").asText().isEmpty()) {
          throw new IllegalStateException("journey-bench-" + i + " did not come back from its snapshot: " + v);
        }
        checked++;
      }
      double startToChecked = (System.nanoTime() - t1) / 1e9;
      System.out.printf("second restart, from snapshots: %s journeys restored in %s ms%n", m.group(1), m.group(2));
      System.out.printf("process start → restore logged: %.1f s; → ready: %.1f s; %d sampled journeys TICKETED with"
          + " their ticket, restores=2, read from their workflows by %.1f s%n", startToRestored, startToReady, checked,
          startToChecked);
    } finally {
      p2.destroyForcibly();
    }
  }

  /** Waits for the service's restore log line and returns its match. */
  private static Matcher awaitRestoreLogged(Process p, Path log) throws IOException, InterruptedException {
    while (true) {
      if (!p.isAlive()) {
        throw new IllegalStateException("service exited; see " + log);
      }
      Matcher found = RESTORED.matcher(Files.readString(log));
      if (found.find()) {
        return found;
      }
      Thread.sleep(200);
    }
  }

  private static boolean ready(HttpClient client, int http) throws IOException, InterruptedException {
    try {
      return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + "/q/health/ready")).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (java.net.ConnectException e) {
      return false;
    }
  }

  private static Process start(Path data, int http, Path log) throws IOException {
    return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx2g", "-Dquarkus.http.port=" + http, "-Dhandoff.temporal.embedded-port=" + freePort(),
        "-Dhandoff.data-dir=" + data, "-jar", "target/quarkus-app/quarkus-run.jar")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private static void writeJournal(Path data, int n) throws IOException {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:file:" + data.resolve("handoff") + ";DB_CLOSE_ON_EXIT=FALSE");
    ds.setUser("sa");
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    Journal journal = new Journal(ds);
    Instant at = Instant.now().minusSeconds(3600);
    // One connection held open keeps the H2 file open, so each append does not reopen the database.
    try (java.sql.Connection keepOpen = ds.getConnection()) {
      writeJourneys(journal, n, at);
    } catch (java.sql.SQLException e) {
      throw new IOException(e);
    }
  }

  private static void writeJourneys(Journal journal, int n, Instant at) throws IOException {
    for (int i = 0; i < n; i++) {
      String conversation = "bench-" + i;
      Customer customer = new Customer("u-" + i, "Customer " + i, "c" + i + "@example.com", "en", "enterprise", Map.of());
      append(journal, new JourneyEvent(UUID.randomUUID().toString(), conversation, EventType.CONVERSATION_STARTED,
          null, at, Channel.WEB_WIDGET, null, null, customer, null, null));
      append(journal, new JourneyEvent(UUID.randomUUID().toString(), conversation, EventType.MESSAGE_RECEIVED,
          null, at.plusSeconds(5), Channel.WEB_WIDGET, "How much does the enterprise plan cost?", null, null, null,
          null));
    }
  }

  private static void append(Journal journal, JourneyEvent e) throws IOException {
    journal.append(JourneyIds.journeyId(e.conversationId()), e.eventId(), "event", JSON.writeValueAsString(e),
        e.receivedAt());
  }

  private static int countTicketed(HttpClient client, int port) throws Exception {
    int count = 0;
    String cursor = null;
    do {
      String url = "http://127.0.0.1:" + port + "/api/journeys?stage=TICKETED&limit=200"
          + (cursor == null ? "" : "&cursor=" + cursor);
      HttpResponse<String> r;
      try {
        r = client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
      } catch (java.net.ConnectException e) {
        return count; // HTTP opens after the restore is logged
      }
      if (r.statusCode() != 200) {
        return count;
      }
      JsonNode page = JSON.readTree(r.body());
      count += page.path("items").size();
      cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText(null);
    } while (cursor != null);
    return count;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
