package io.handoff.bench.fault;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures, with no Handoff code at all, how long Temporal's Java test server (in a process of its own)
 * leaves a scheduled workflow task unstarted under the fault harness's load shape: N workflows, C
 * clients, each starting a workflow and sending it three updates whose handler runs two activities.
 * For every workflow it reads the history and reports the longest gap between a WORKFLOW_TASK_SCHEDULED
 * and its WORKFLOW_TASK_STARTED, and the tasks never started. Usage:
 * {@code bench/test-server-probe.sh [workflows=1000] [clients=24] [sticky|nosticky] [workflow task pollers]}.
 */
public final class TestServerProbe {
  private TestServerProbe() {}

  @ActivityInterface
  public interface Echo {
    String echo(String s);
  }

  public static class EchoImpl implements Echo {
    @Override
    public String echo(String s) {
      return s;
    }
  }

  @WorkflowInterface
  public interface Tally {
    @WorkflowMethod
    void run();

    @UpdateMethod
    int add(int n);
  }

  public static class TallyImpl implements Tally {
    private final Echo echo = Workflow.newActivityStub(Echo.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());
    private int total;

    @Override
    public void run() {
      Workflow.await(() -> total >= 6);
    }

    @Override
    public int add(int n) {
      echo.echo("a" + n);
      echo.echo("b" + n);
      total += n;
      return total;
    }
  }

  public static void main(String[] args) throws Exception {
    int workflows = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 24;
    boolean sticky = args.length > 2 && args[2].equals("sticky");
    int port = FaultHarness.freePort();
    // HARNESS_TEMPORAL=dev-server probes a Temporal CLI dev server (the real server) instead of the test server.
    boolean devServer = "dev-server".equals(System.getenv("HARNESS_TEMPORAL"));
    io.handoff.temporal.TemporalDevServer dev = devServer ? io.handoff.temporal.TemporalDevServer.start(
        new io.handoff.temporal.TemporalDevServer.Options("temporal", "HARNESS_TEMPORAL=dev-server needs the binary",
            port, 0, true, java.nio.file.Files.createTempDirectory("dev-server-probe").resolve("t.db"),
            java.util.Map.of(), Duration.ofSeconds(90), 0)) : null;
    Process server = devServer ? null
        : FaultHarness.startTemporal(port, java.nio.file.Files.createTempFile("test-server-probe", ".log"));
    try {
      WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
          WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + port).build());
      WorkflowClient client = WorkflowClient.newInstance(stubs);
      WorkerFactory factory = WorkerFactory.newInstance(client);
      WorkerOptions.Builder options = WorkerOptions.newBuilder();
      if (!sticky) {
        options.setStickyQueueScheduleToStartTimeout(Duration.ZERO);
      }
      if (args.length > 3) {
        options.setMaxConcurrentWorkflowTaskPollers(Integer.parseInt(args[3]));
      }
      var worker = factory.newWorker("probe", options.build());
      worker.registerWorkflowImplementationTypes(TallyImpl.class);
      worker.registerActivitiesImplementations(new EchoImpl());
      factory.start();
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      List<Future<?>> runs = new ArrayList<>();
      java.util.concurrent.atomic.AtomicInteger unanswered = new java.util.concurrent.atomic.AtomicInteger();
      ExecutorService calls = Executors.newCachedThreadPool();
      long t0 = System.nanoTime();
      for (int i = 0; i < workflows; i++) {
        String id = "probe-" + i;
        runs.add(pool.submit(() -> {
          Tally stub = client.newWorkflowStub(Tally.class, WorkflowOptions.newBuilder().setTaskQueue("probe")
              .setWorkflowId(id).setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
              .build());
          WorkflowClient.start(stub::run);
          for (int u = 1; u <= 3; u++) {
            int n = u;
            var update = java.util.concurrent.CompletableFuture.supplyAsync(() -> client.newUntypedWorkflowStub(id)
                .startUpdate(UpdateOptions.<Integer>newBuilder().setUpdateName("add").setUpdateId(id + "/" + n)
                    .setWaitForStage(WorkflowUpdateStage.COMPLETED).setResultClass(Integer.class).build(), n)
                .getResult(), calls);
            try {
              update.get(2, java.util.concurrent.TimeUnit.MINUTES);
            } catch (java.util.concurrent.TimeoutException e) {
              unanswered.incrementAndGet();
              return null;
            }
          }
          return null;
        }));
      }
      for (Future<?> r : runs) {
        r.get();
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      List<Double> gaps = new ArrayList<>();
      int neverStarted = 0;
      for (int i = 0; i < workflows; i++) {
        List<HistoryEvent> events = client.fetchHistory("probe-" + i).getEvents();
        double scheduled = -1;
        for (HistoryEvent e : events) {
          double at = e.getEventTime().getSeconds() + e.getEventTime().getNanos() / 1e9;
          switch (e.getEventType()) {
            case EVENT_TYPE_WORKFLOW_TASK_SCHEDULED -> scheduled = at;
            case EVENT_TYPE_WORKFLOW_TASK_STARTED -> {
              gaps.add(at - scheduled);
              scheduled = -1;
            }
            default -> { }
          }
        }
        if (scheduled >= 0) {
          neverStarted++;
        }
      }
      gaps.sort(null);
      System.out.printf("%d workflows, %d clients, sticky %s: %.0f s; updates not answered within 2 min: %d;"
              + " workflow tasks started %d, schedule-to-start median %.3f s, p99 %.3f s, max %.1f s, over 10 s %d;"
              + " workflows whose last task was never started: %d%n",
          workflows, clients, sticky ? "on" : "off", seconds, unanswered.get(), gaps.size(), gaps.get(gaps.size() / 2),
          gaps.get((int) (gaps.size() * 0.99)), gaps.get(gaps.size() - 1), gaps.stream().filter(g -> g > 10).count(),
          neverStarted);
      factory.shutdownNow();
      stubs.shutdownNow();
    } finally {
      if (devServer) {
        dev.close();
      } else {
        server.destroyForcibly();
      }
    }
    System.exit(0);
  }
}
