package io.handoff.bench.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.bench.fault.HandoffProcess;
import io.handoff.testing.hostile.HostileChecks;
import io.handoff.testing.hostile.HostileRequest;
import io.handoff.testing.hostile.HostileRequests;
import io.handoff.testing.hostile.RawHttp;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Bad-input harness (issue 8, part 4), not a test: starts the packaged service in its embedded default
 * (with webhook secrets), makes target journeys (handed off, with built-in tickets, and AI-resolved),
 * snapshots their journey views and tickets, sends N seeded hostile requests ({@link HostileRequests})
 * over raw sockets, and checks: no 5xx, every 4xx is problem+json with a detail, every request that must
 * be refused is refused, no header injected, and the target journeys and tickets are unchanged.
 * Usage: {@code bench/hostile-harness.sh [requests] [concurrency] [seed]}.
 */
public final class HostileHarness {
  private static final ObjectMapper JSON = new ObjectMapper();

  private HostileHarness() {}

  public static void main(String[] args) {
    int exit = 1;
    try {
      exit = run(args) ? 0 : 1;
    } catch (Exception e) {
      e.printStackTrace();
    } finally {
      System.exit(exit);
    }
  }

  private static boolean run(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 20261125L;
    Path dir = Files.createTempDirectory("handoff-hostile-harness");
    int port = freePort();
    Map<String, String> props = new LinkedHashMap<>();
    props.put("handoff.data-dir", dir.resolve("data").toString());
    props.put("handoff.temporal.embedded-port", Integer.toString(freePort()));
    props.put("handoff.webhooks.zendesk.signing-secret", "hostile-harness-zendesk-secret");
    props.put("handoff.webhooks.sunshine.secret", "hostile-harness-sunshine-secret");
    HandoffProcess service = new HandoffProcess(props, port, dir.resolve("handoff.log"));
    try {
      service.start(Duration.ofMinutes(3));
      HttpClient http = HttpClient.newHttpClient();
      String base = service.baseUrl();
      List<String> targets = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        String c = "target-" + i;
        targets.add(c);
        post(http, base, c, "{\"type\":\"conversation.started\",\"channel\":\"web_widget\",\"customer\":{\"id\":\"u"
            + i + "\",\"name\":\"Target " + i + "\",\"tier\":\"" + (i < 8 ? "enterprise" : "standard") + "\"}}");
        post(http, base, c, "{\"type\":\"message.received\",\"text\":\"" + (i < 8
            ? "How much does the Enterprise plan cost?" : "Where is my order? The tracking shows nothing.") + "\"}");
      }
      List<String> tickets = awaitTargets(http, base, targets);
      Map<String, String> before = snapshot(http, base, targets, tickets);
      List<HostileRequest> requests = new HostileRequests(seed, targets, tickets, "hostile-throwaway-").generate(n);
      HostileChecks checks = new HostileChecks();
      long t0 = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(concurrency);
      List<Future<?>> futures = new ArrayList<>();
      for (HostileRequest r : requests) {
        futures.add(pool.submit(() -> checks.check(r, RawHttp.send(port, r))));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      pool.shutdown();
      double seconds = (System.nanoTime() - t0) / 1e9;
      Map<String, String> after = snapshot(http, base, targets, tickets);
      List<String> changed = new ArrayList<>();
      before.forEach((k, v) -> {
        if (!v.equals(after.get(k))) {
          changed.add(k);
        }
      });
      StringBuilder diffs = new StringBuilder();
      changed.stream().limit(2).forEach(k -> diffs.append("\nbefore ").append(k).append(": ").append(before.get(k))
          .append("\nafter  ").append(k).append(": ").append(after.get(k)).append('\n'));
      String report = report(n, concurrency, seed, seconds, checks, targets.size(), tickets.size(), changed,
          diffs.toString());
      System.out.println(report);
      Files.writeString(Path.of("target", "hostile-harness-result.md"), report);
      boolean passed = checks.violations().isEmpty() && changed.isEmpty();
      System.out.println(passed ? "PASSED" : "FAILED");
      return passed;
    } finally {
      service.kill();
    }
  }

  private static String report(int n, int concurrency, long seed, double seconds, HostileChecks checks, int journeys,
      int tickets, List<String> changed, String diffs) {
    StringBuilder b = new StringBuilder();
    b.append(String.format("requests: %d (seed %d, concurrency %d) in %.0f s (%.0f requests/s)%n", n, seed,
        concurrency, seconds, n / seconds));
    b.append("answers by status: ").append(checks.byStatus()).append('\n');
    b.append("violations: ").append(checks.violations().size()).append('\n');
    b.append(String.format("target journeys / tickets changed: %d of %d / %s%n", changed.stream()
        .filter(k -> k.startsWith("journey")).count(), journeys, changed.stream().filter(k -> k.startsWith("ticket"))
        .count() + " of " + tickets));
    b.append("\n| kind | requests | 4xx | violations |\n|---|---|---|---|\n");
    checks.byKind().forEach((k, c) -> b.append("| ").append(k).append(" | ").append(c[0]).append(" | ").append(c[1])
        .append(" | ").append(c[2]).append(" |\n"));
    if (!checks.violations().isEmpty()) {
      b.append("\nViolations (up to three per kind):\n");
      checks.examples().forEach(v -> b.append("- ").append(v).append('\n'));
    }
    if (!changed.isEmpty()) {
      b.append("\nChanged: ").append(changed).append('\n');
    }
    b.append(diffs);
    return b.toString();
  }

  private static List<String> awaitTargets(HttpClient http, String base, List<String> targets) throws Exception {
    List<String> tickets = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    for (int i = 0; i < targets.size(); i++) {
      while (true) {
        JsonNode v = JSON.readTree(get(http, base + "/api/journeys/journey-" + targets.get(i)));
        boolean triaged = v.path("routing").path("ai").isObject();
        if (triaged && (i >= 8 ? "MESSAGING".equals(v.path("stage").asText())
            : "TICKETED".equals(v.path("stage").asText()) && v.path("ticket").path("id").isTextual())) {
          if (i < 8) {
            tickets.add(v.path("ticket").path("id").asText());
          }
          break;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("target journey " + targets.get(i) + " did not settle: " + v);
        }
        Thread.sleep(200);
      }
    }
    Thread.sleep(3000);
    return tickets;
  }

  private static Map<String, String> snapshot(HttpClient http, String base, List<String> targets, List<String> tickets)
      throws Exception {
    Map<String, String> m = new LinkedHashMap<>();
    for (String c : targets) {
      m.put("journey-" + c, get(http, base + "/api/journeys/journey-" + c));
    }
    for (String t : tickets) {
      m.put("ticket-" + t, get(http, base + "/api/tickets/" + t));
    }
    return m;
  }

  private static String get(HttpClient http, String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static void post(HttpClient http, String base, String c, String body) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/conversations/" + c + "/events"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 202) {
      throw new IllegalStateException("setup event refused: " + r.statusCode() + " " + r.body());
    }
  }

  private static int freePort() throws java.io.IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
