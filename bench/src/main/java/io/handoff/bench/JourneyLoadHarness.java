package io.handoff.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Load harness (not a test): runs N journeys through a running Handoff over HTTP and prints journeys/s
 * beside a bare workflow with the same number of activities on the same Temporal server, as a ratio.
 * Usage: {@code bench/load-harness.sh [journeys] [concurrency]} with Handoff serving on 127.0.0.1:8080
 * and its embedded Temporal on 127.0.0.1:7233 (see docs/benchmarks.md). Each client reads its journey's view
 * every {@code -Dpoll.ms} milliseconds (default 20) until it is ticketed; each read is a workflow query, so a
 * short interval adds query load that the bare workflow (which waits for its result) does not have.
 */
public final class JourneyLoadHarness {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> DONE = Set.of("TICKETED", "SOLVED", "CLOSED");
  private static final long POLL_MS = Long.getLong("poll.ms", 20);

  private JourneyLoadHarness() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    String base = System.getProperty("handoff.url", "http://127.0.0.1:8080");
    String target = System.getProperty("temporal.target", "127.0.0.1:7233");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String run = UUID.randomUUID().toString().substring(0, 8);

    long t0 = System.nanoTime();
    List<String> ids = runAll(n, concurrency, i -> journey(http, base, "load-" + run + "-" + i));
    double journeySeconds = (System.nanoTime() - t0) / 1e9;
    long failed = ids.stream().filter(s -> !DONE.contains(s)).count();

    WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    WorkflowClient client = WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder().build());
    int activities = countActivities(client, "journey-load-" + run + "-0");
    WorkerFactory factory = WorkerFactory.newInstance(client);
    var worker = factory.newWorker("bare-" + run);
    worker.registerWorkflowImplementationTypes(BareWorkflowImpl.class);
    worker.registerActivitiesImplementations(new BareActivitiesImpl());
    factory.start();
    long t1 = System.nanoTime();
    runAll(n, concurrency, i -> {
      BareWorkflow wf = client.newWorkflowStub(BareWorkflow.class,
          WorkflowOptions.newBuilder().setTaskQueue("bare-" + run).setWorkflowId("bare-" + run + "-" + i).build());
      wf.run(activities);
      return "ok";
    });
    double bareSeconds = (System.nanoTime() - t1) / 1e9;
    factory.shutdown();
    stubs.shutdown();

    double journeyRate = n / journeySeconds;
    double bareRate = n / bareSeconds;
    System.out.printf("journeys: %d (concurrency %d), reached TICKETED or later: %d, not: %d%n", n, concurrency,
        n - failed, failed);
    System.out.printf("activities per journey: %d, view polled every %d ms%n", activities, POLL_MS);
    System.out.printf("journeys/s: %.1f   bare workflows/s (%d activities each): %.1f   ratio: %.2f%n",
        journeyRate, activities, bareRate, journeyRate / bareRate);
  }

  interface Task {
    String run(int i) throws Exception;
  }

  private static List<String> runAll(int n, int concurrency, Task task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int k = i;
        futures.add(pool.submit(() -> task.run(k)));
      }
      List<String> out = new ArrayList<>();
      for (Future<String> f : futures) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Posts the seed journey's first two events and waits for the journey to be ticketed. */
  private static String journey(HttpClient http, String base, String conversationId) throws Exception {
    post(http, base, conversationId, "{\"type\":\"conversation.started\",\"channel\":\"web_widget\","
        + "\"customer\":{\"id\":\"" + conversationId + "\",\"name\":\"Load Test\",\"tier\":\"enterprise\"}}");
    post(http, base, conversationId, "{\"type\":\"message.received\",\"channel\":\"web_widget\","
        + "\"text\":\"I want to talk to a human about the price of the enterprise plan\"}");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    String stage = "";
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(
          URI.create(base + "/api/journeys/journey-" + conversationId)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 200) {
        JsonNode view = JSON.readTree(r.body());
        stage = view.path("stage").asText();
        if (DONE.contains(stage)) {
          return stage;
        }
      }
      Thread.sleep(POLL_MS);
    }
    return stage;
  }

  private static void post(HttpClient http, String base, String conversationId, String body) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(
        URI.create(base + "/api/conversations/" + conversationId + "/events"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 202) {
      throw new IllegalStateException("POST returned " + r.statusCode() + ": " + r.body());
    }
  }

  private static int countActivities(WorkflowClient client, String workflowId) {
    return (int) client.fetchHistory(workflowId).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED).count();
  }

  /** A workflow that runs K no-op activities in sequence: the engine's own cost for K steps. */
  @WorkflowInterface
  public interface BareWorkflow {
    @WorkflowMethod
    void run(int activities);
  }

  @ActivityInterface(namePrefix = "Bare")
  public interface BareActivities {
    String step(int i);
  }

  public static class BareActivitiesImpl implements BareActivities {
    @Override
    public String step(int i) {
      return "step " + i;
    }
  }

  public static class BareWorkflowImpl implements BareWorkflow {
    private final BareActivities activities = Workflow.newActivityStub(BareActivities.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

    @Override
    public void run(int n) {
      for (int i = 0; i < n; i++) {
        activities.step(i);
      }
    }
  }
}
