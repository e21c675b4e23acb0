package io.handoff.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.management.OperatingSystemMXBean;
import io.handoff.sla.hours.BusinessHours;
import io.handoff.sla.hours.BusinessHoursLoader;
import io.handoff.sla.inactivity.InactivityPolicy;
import io.handoff.sla.inactivity.InactivityPolicyLoader;
import io.handoff.sla.policy.SlaPolicyLoader;
import io.handoff.sla.policy.SlaTargets;
import io.handoff.sla.temporal.SlaTimerWorkflow;
import io.handoff.sla.temporal.SlaTimerWorkflowImpl;
import io.handoff.ticket.TicketPriority;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.workflow.Workflow;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * N open journeys, each running the SLA clocks of the "VIP customers" urgent targets (first reply and
 * total resolution, warnings at 75% and 90%) and the inactivity ladder, on the in-process time-skipping
 * test server with one worker. Prints start rate, retained heap, process CPU while idle, and the wall
 * time until all 11 firings per journey happen after a one-day virtual jump.
 * Run: {@code ./mvnw -o -q -Pbench test -Dtest=SlaTimersTemporalBench -Dbench.n=10000}.
 */
class SlaTimersTemporalBench {

  static final AtomicLong STARTED = new AtomicLong();
  static final AtomicLong FIRED = new AtomicLong();
  static final int FIRINGS_PER_JOURNEY = 11;

  /** Counts firings outside replay, so evicted and replayed workflows are not counted twice. */
  public static class CountingWorkflow extends SlaTimerWorkflowImpl {
    @Override
    public java.util.List<String> run(SlaTargets targets, InactivityPolicy inactivity) {
      if (!Workflow.isReplaying()) {
        STARTED.incrementAndGet();
      }
      return super.run(targets, inactivity);
    }

    @Override
    protected void record(Instant created, String summary, Instant dueAt, Instant now) {
      super.record(created, summary, dueAt, now);
      if (!Workflow.isReplaying()) {
        FIRED.incrementAndGet();
      }
    }
  }

  @Test
  void openJourneysWithRunningTimers() throws Exception {
    int n = Integer.getInteger("bench.n", 1000);
    int cache = Integer.getInteger("bench.cache", n);
    BusinessHours hours = BusinessHoursLoader.load(Path.of("workflows/business-hours.yaml")).orThrow();
    SlaTargets targets = SlaPolicyLoader.load(Path.of("workflows/sla-policies.yaml"), hours).orThrow()
        .policies().get(0).targetsFor(TicketPriority.URGENT, hours);
    InactivityPolicy inactivity = InactivityPolicyLoader.load(Path.of("workflows/inactivity.yaml")).orThrow();

    TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
        .setWorkerFactoryOptions(WorkerFactoryOptions.newBuilder().setWorkflowCacheSize(cache).build())
        .registerSearchAttribute("SlaNextDueAt", IndexedValueType.INDEXED_VALUE_TYPE_DATETIME)
        .registerSearchAttribute("SlaBreached", IndexedValueType.INDEXED_VALUE_TYPE_BOOL)
        .build());
    try {
      env.newWorker("bench").registerWorkflowImplementationTypes(CountingWorkflow.class);
      env.start();
      WorkflowClient client = env.getWorkflowClient();
      long heapBefore = usedHeap();
      long t = System.nanoTime();
      for (int i = 0; i < n; i++) {
        SlaTimerWorkflow wf = client.newWorkflowStub(SlaTimerWorkflow.class,
            WorkflowOptions.newBuilder().setTaskQueue("bench").setWorkflowId("journey-" + i).build());
        WorkflowClient.start(wf::run, targets, inactivity);
      }
      while (STARTED.get() < n) {
        Thread.sleep(50);
      }
      double startSeconds = (System.nanoTime() - t) / 1e9;
      Thread.sleep(2000);
      long heapOpen = usedHeap();

      OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long cpu0 = os.getProcessCpuTime();
      long wall0 = System.nanoTime();
      Thread.sleep(10_000);
      double idleCpuPercent = 100.0 * (os.getProcessCpuTime() - cpu0) / (System.nanoTime() - wall0);

      t = System.nanoTime();
      env.sleep(Duration.ofDays(1));
      while (FIRED.get() < (long) FIRINGS_PER_JOURNEY * n) {
        Thread.sleep(20);
      }
      double fireSeconds = (System.nanoTime() - t) / 1e9;

      System.out.printf("bench.n=%d cache=%d start=%.1fs (%.0f/s) heapOpenMB=%.0f (%.1f KB/journey, heap %.0f MB used)"
              + " idleCpu=%.1f%% fire(1-day jump, %d firings)=%.1fs (%.0f firings/s)%n",
          n, cache, startSeconds, n / startSeconds, (heapOpen - heapBefore) / 1e6, (heapOpen - heapBefore) / 1e3 / n,
          heapOpen / 1e6, idleCpuPercent, FIRED.get(), fireSeconds, FIRED.get() / fireSeconds);
      assertEquals((long) FIRINGS_PER_JOURNEY * n, FIRED.get());
    } finally {
      env.close();
    }
  }

  private static long usedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }
}
