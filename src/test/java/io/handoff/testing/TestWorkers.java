package io.handoff.testing;

import io.temporal.worker.WorkerOptions;
import java.time.Duration;

/**
 * Options of the Temporal workers that tests build themselves (time-skipping environments, the replayer).
 * The SDK fails a workflow task that runs 1 s without yielding as a potential deadlock; on a loaded 2-core
 * machine a test's first workflow tasks (class loading, JIT) have taken longer, so tests allow far more,
 * like the service does with {@code handoff.temporal.deadlock-detection-timeout}.
 */
public final class TestWorkers {
  /** The deadlock detector's limit in tests. */
  public static final Duration DEADLOCK_DETECTION_TIMEOUT = Duration.ofSeconds(30);

  private TestWorkers() {}

  /** Default worker options but for the deadlock detector's limit. */
  public static WorkerOptions options() {
    return WorkerOptions.newBuilder()
        .setDefaultDeadlockDetectionTimeout(DEADLOCK_DETECTION_TIMEOUT.toMillis())
        .build();
  }
}
