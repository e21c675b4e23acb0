package io.handoff.bench.fault;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads every journey back through the REST API and checks it against what was sent and what Zendesk holds. */
final class Verifier {
  private final HttpClient http;
  private final String base;
  private final FakeZendesk zendesk;
  private final Map<String, List<String>> accepted;
  private final String run;
  private final Set<String> stalled;
  private final boolean issue15;
  /** Views answered from the journey index because the workflow's query did not answer in time. */
  final java.util.concurrent.atomic.AtomicInteger projectedViews = new java.util.concurrent.atomic.AtomicInteger();

  /** @param stalled conversations with an event that was never accepted: their views hang, so they are not read */
  Verifier(HttpClient http, String base, FakeZendesk zendesk, Map<String, List<String>> accepted, String run,
      Set<String> stalled, boolean issue15) {
    this.issue15 = issue15;
    this.stalled = stalled;
    this.http = http;
    this.base = base;
    this.zendesk = zendesk;
    this.accepted = accepted;
    this.run = run;
  }

  /** Reads the views of the given journeys 24 at a time: after a kill some reads hang until their timeout. */
  private Map<Integer, JsonNode> views(java.util.Collection<Integer> which) throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(24);
    try {
      Map<Integer, java.util.concurrent.Future<JsonNode>> futures = new java.util.LinkedHashMap<>();
      for (int i : which) {
        futures.put(i, pool.submit(() -> view(i)));
      }
      Map<Integer, JsonNode> out = new HashMap<>();
      for (Map.Entry<Integer, java.util.concurrent.Future<JsonNode>> f : futures.entrySet()) {
        JsonNode v = f.getValue().get();
        if (v != null) {
          out.put(f.getKey(), v);
        }
      }
      return out;
    } finally {
      pool.shutdown();
    }
  }

  /** Polls until every journey has processed all its events, or the time is up. */
  void awaitSettled(int journeys, Duration timeout, Report report) throws Exception {
    Set<Integer> pending = new LinkedHashSet<>();
    for (int i = 0; i < journeys; i++) {
      pending.add(i);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (pending.stream().anyMatch(i -> !stalled.contains(conversation(i))) && System.nanoTime() < deadline) {
      Map<Integer, JsonNode> read = views(pending.stream().filter(i -> !stalled.contains(conversation(i))).toList());
      pending.removeIf(i -> settled(i, read.get(i)));
      if (!pending.isEmpty()) {
        Thread.sleep(2000);
      }
    }
    report.unsettled = pending.size();
    if (!pending.isEmpty()) {
      System.out.println("not settled: " + pending.stream().limit(20).map(i -> FaultHarness.conversationId(run, i))
          .toList());
    }
  }

  private boolean settled(int i, JsonNode view) {
    if (view == null) {
      return false;
    }
    FaultJourneys kind = FaultJourneys.of(i);
    long triages = steps(view, "ai.triage");
    boolean ticketDone = !kind.ticketed()
        || (!view.path("ticket").isNull() && !view.path("ticket").isMissingNode()
            && steps(view, "ticket.comment.public") >= 1);
    return kind.expectedStage.equals(view.path("stage").asText()) && triages == kind.messages.size() - (kind.ticketed() ? 1 : 0)
        && ticketDone && eventIds(view).keySet().containsAll(accepted.getOrDefault(conversation(i), List.of()));
  }

  void verify(int journeys, Report report) throws Exception {
    report.projectedViews = projectedViews;
    Map<String, Set<Long>> tickets = zendesk.ticketsByConversation();
    List<Integer> all = new java.util.ArrayList<>();
    for (int i = 0; i < journeys; i++) {
      if (!stalled.contains(conversation(i))) {
        all.add(i);
      }
    }
    Map<Integer, JsonNode> read = views(all);
    for (int i = 0; i < journeys; i++) {
      FaultJourneys kind = FaultJourneys.of(i);
      String conversation = conversation(i);
      if (stalled.contains(conversation)) {
        report.failures.add(conversation + ": stalled (an event never accepted), not read");
        continue;
      }
      JsonNode view = read.get(i);
      if (view == null) {
        report.failures.add(conversation + ": no journey view (the read timed out)");
        continue;
      }
      if (kind.expectedStage.equals(view.path("stage").asText())) {
        report.stageOk++;
      } else {
        report.failures.add(conversation + ": stage " + view.path("stage").asText() + ", expected " + kind.expectedStage);
      }
      Map<String, Integer> ids = eventIds(view);
      for (String key : accepted.getOrDefault(conversation, List.of())) {
        int seen = ids.getOrDefault(key, 0);
        if (seen == 0) {
          report.eventsLost++;
          report.failures.add(conversation + ": accepted event " + key + " missing from the timeline");
        } else if (seen > 1) {
          report.eventsDuplicated++;
          report.failures.add(conversation + ": event " + key + " in the timeline " + seen + " times");
        }
      }
      Set<Long> made = tickets.getOrDefault(conversation, Set.of());
      if (kind.ticketed()) {
        report.ticketedJourneys++;
        String viewTicket = view.path("ticket").path("id").asText("");
        if (made.size() == 1 && viewTicket.equals(String.valueOf(made.iterator().next()))) {
          report.oneTicket++;
        } else {
          report.failures.add(conversation + ": Zendesk tickets " + made + ", journey shows ticket " + viewTicket);
        }
        long comments = zendesk.commentBodies(conversation).stream().filter(kind.messages.get(1)::equals).count();
        if (comments == 1) {
          report.oneComment++;
        } else {
          report.failures.add(conversation + ": follow-up comment posted " + comments + " times");
        }
      } else if (!made.isEmpty()) {
        report.failures.add(conversation + ": unexpected Zendesk tickets " + made);
      }
      if (made.size() > 1) {
        report.duplicateTickets += made.size() - 1;
      }
      if (issue15 && kind == FaultJourneys.PRICING_ENTERPRISE) {
        report.pricingJourneys++;
        if (steps(view, "notification.failed") >= 1) {
          report.notificationFailed++;
        } else {
          report.failures.add(conversation + ": the failed sales-alerts webhook is not on the timeline");
        }
      }
      countTriage(view, report);
    }
  }

  private static void countTriage(JsonNode view, Report report) {
    for (JsonNode e : view.path("timeline")) {
      if (!"ai.triage".equals(e.path("step").asText())) {
        continue;
      }
      report.triages++;
      JsonNode c = e.path("trace").path("ai").path("classification");
      String reason = c.path("fallbackReason").asText(null);
      if (reason == null) {
        report.llmAnswered++;
      } else {
        String kind = reason.contains("timeout") ? "timeout"
            : reason.contains("on the last attempt") ? "5xx on the last attempt"
            : reason.contains("malformed JSON") ? "malformed model JSON"
            : reason.contains("call failed") ? "unreadable HTTP body" : reason;
        report.fallbacks.merge(kind, 1, Integer::sum);
      }
    }
    JsonNode ai = view.path("routing").path("ai");
    if (ai.path("reason").asText("").contains("(fallback: ")) {
      report.fallbackInView++;
    }
  }

  private static long steps(JsonNode view, String step) {
    return FaultHarness.stream(view.path("timeline")).filter(e -> step.equals(e.path("step").asText())).count();
  }

  private static Map<String, Integer> eventIds(JsonNode view) {
    Map<String, Integer> ids = new HashMap<>();
    for (JsonNode e : view.path("timeline")) {
      if (e.path("step").asText().startsWith("event.")) {
        ids.merge(e.path("trace").path("eventId").asText(), 1, Integer::sum);
      }
    }
    return ids;
  }

  private String conversation(int i) {
    return FaultHarness.conversationId(run, i);
  }

  private JsonNode view(int i) {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/journeys/journey-"
          + conversation(i))).timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
      // 15 s is above handoff.temporal.query-timeout (5 s), after which Handoff answers from its index.
      if (r.statusCode() == 200 && "projection".equals(r.headers().firstValue("Handoff-View-Source").orElse(""))) {
        projectedViews.incrementAndGet();
      }
      return r.statusCode() == 200 ? FaultHarness.JSON.readTree(r.body()) : null;
    } catch (Exception e) {
      return null;
    }
  }
}
