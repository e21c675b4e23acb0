package io.handoff.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.handoff.config.HandoffConfig.StickyExecution;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sticky execution against Temporal's Java test server in cluster mode: the server keeps a workflow's
 * next tasks on the sticky queue of the worker that last ran it, and a worker that dies leaves them
 * there. Handoff's {@code auto} setting recognises that server and turns sticky execution off, so a
 * journey outlives its worker; the counter-proof shows the stall that setting prevents.
 */
class StickyExecutionTest {
  private static final String QUEUE = "sticky-test";

  private static EmbeddedTemporalServer server;
  private static WorkflowServiceStubs stubs;
  private static WorkflowClient client;

  /** A journey in miniature: it waits for updates and counts them. */
  @WorkflowInterface
  public interface Tally {
    @WorkflowMethod
    void run();

    @UpdateMethod
    int add(int n);

    @QueryMethod
    int total();
  }

  public static class TallyImpl implements Tally {
    private int total;

    @Override
    public void run() {
      Workflow.await(() -> false);
    }

    @Override
    public int add(int n) {
      total += n;
      return total;
    }

    @Override
    public int total() {
      return total;
    }
  }

  @BeforeAll
  static void startServer() {
    server = EmbeddedTemporalServer.start(0);
    stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
        .setTarget(server.target()).build());
    client = WorkflowClient.newInstance(stubs);
  }

  @AfterAll
  static void stopServer() {
    stubs.shutdownNow();
    server.close();
  }

  @Test
  void autoIsOffAgainstTheJavaTestServerBecauseItReportsNoVersion() {
    String version = stubs.blockingStub().getSystemInfo(GetSystemInfoRequest.getDefaultInstance()).getServerVersion();

    assertThat(TemporalRuntime.sticky(StickyExecution.AUTO, false, () -> version)).isFalse();
    assertThat(TemporalRuntime.sticky(StickyExecution.AUTO, false, () -> "1.27.2")).isTrue();
    assertThat(TemporalRuntime.sticky(StickyExecution.AUTO, true, () -> version)).isTrue();
    assertThat(TemporalRuntime.sticky(StickyExecution.ON, false, () -> version)).isTrue();
    assertThat(TemporalRuntime.sticky(StickyExecution.OFF, true, () -> "1.27.2")).isFalse();
  }

  @Test
  void theWorkerPollsWithTheConfiguredNumbersOfPollers() {
    var options = TemporalRuntime.workerOptions(false, 16, 5, Duration.ofSeconds(5));
    assertThat(options.getMaxConcurrentWorkflowTaskPollers()).isEqualTo(16);
    assertThat(options.getMaxConcurrentActivityTaskPollers()).isEqualTo(5);
    assertThat(options.getStickyQueueScheduleToStartTimeout()).isEqualTo(Duration.ZERO);
    assertThat(TemporalRuntime.workerOptions(true, 16, 5, Duration.ofSeconds(5)).getStickyQueueScheduleToStartTimeout())
        .isNotEqualTo(Duration.ZERO);
    assertThatThrownBy(() -> TemporalRuntime.workerOptions(true, 1, 5, Duration.ofSeconds(5)))
        .hasMessageContaining("workflow-task-pollers");
  }

  @Test
  void theDeadlockDetectorAllowsTheConfiguredTime() {
    assertThat(TemporalRuntime.workerOptions(true, 16, 5, Duration.ofSeconds(5)).getDefaultDeadlockDetectionTimeout())
        .isEqualTo(5_000L);
    assertThat(TemporalRuntime.workerOptions(false, 2, 1, Duration.ofMillis(1500)).getDefaultDeadlockDetectionTimeout())
        .isEqualTo(1_500L);
    // The SDK reads 0 as its own 1 s default: anything under 1 ms is refused, naming the key.
    for (Duration d : new Duration[] {Duration.ZERO, Duration.ofNanos(500), Duration.ofSeconds(-1)}) {
      assertThatThrownBy(() -> TemporalRuntime.workerOptions(true, 16, 5, d))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("handoff.temporal.deadlock-detection-timeout");
    }
  }

  @Test
  void withoutStickyExecutionAWorkflowOutlivesItsWorker() throws Exception {
    Tally tally = startAndKillFirstWorker(false);

    WorkerFactory second = worker(false);
    try {
      assertThat(updateWithin(tally, 2, Duration.ofSeconds(15))).isEqualTo(3);
      assertThat(tally.total()).isEqualTo(3);
    } finally {
      second.shutdownNow();
    }
  }

  @Test
  void withStickyExecutionTheTestServerStrandsTheDeadWorkersWorkflow() throws Exception {
    Tally tally = startAndKillFirstWorker(true);

    WorkerFactory second = worker(true);
    try {
      assertThatThrownBy(() -> updateWithin(tally, 2, Duration.ofSeconds(4))).isInstanceOf(TimeoutException.class);
    } finally {
      second.shutdownNow();
    }
  }

  /** Starts a tally on a first worker, adds 1 through it, then stops that worker the way a crash would. */
  private Tally startAndKillFirstWorker(boolean sticky) {
    WorkerFactory first = worker(sticky);
    Tally tally = client.newWorkflowStub(Tally.class, WorkflowOptions.newBuilder()
        .setTaskQueue(QUEUE).setWorkflowId("tally-" + UUID.randomUUID()).build());
    WorkflowClient.start(tally::run);
    assertThat(tally.add(1)).isEqualTo(1);
    // The test server ignores the worker's shutdown call, so its sticky queue is left as a crash leaves it.
    first.shutdownNow();
    first.awaitTermination(10, TimeUnit.SECONDS);
    return client.newWorkflowStub(Tally.class, WorkflowStub.fromTyped(tally).getExecution().getWorkflowId());
  }

  private static WorkerFactory worker(boolean sticky) {
    WorkerFactory factory = WorkerFactory.newInstance(client);
    factory.newWorker(QUEUE, TemporalRuntime.workerOptions(sticky, 16, 5,
        io.handoff.testing.TestWorkers.DEADLOCK_DETECTION_TIMEOUT)).registerWorkflowImplementationTypes(TallyImpl.class);
    factory.start();
    return factory;
  }

  private static int updateWithin(Tally tally, int n, Duration limit) throws Exception {
    return CompletableFuture.supplyAsync(() -> tally.add(n)).get(limit.toMillis(), TimeUnit.MILLISECONDS);
  }
}
