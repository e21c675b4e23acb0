package io.handoff.journey;

import io.handoff.persistence.Journal;
import io.handoff.temporal.TemporalRuntime;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Re-creates open journeys from their snapshot and journal when the embedded Temporal server (which keeps nothing
 * across a restart) starts. Each journey is started again and fed its journaled entries in order; the
 * entries carry their original arrival times, so clocks come back as they were, and side effects carry
 * deterministic idempotency keys, so nothing already done is done twice.
 */
@ApplicationScoped
public class JourneyRestorer {
  private static final Logger LOG = Logger.getLogger(JourneyRestorer.class);

  @Inject TemporalRuntime runtime;
  @Inject Journal journal;
  @Inject JourneyService journeys;

  @Inject io.handoff.config.HandoffConfig config;

  void onStart(@Observes @Priority(20) StartupEvent ev) {
    if (config.restore().enabled() && runtime.embedded()) {
      restoreAll();
    }
  }

  /**
   * Restores every open journey; returns how many were restored. Never blocks the start on one journey: a
   * journey whose restore takes longer than {@code handoff.restore.journey-timeout} (its workflow does not
   * answer) is logged and skipped, and the others go on; a SIGTERM meanwhile ends the restore at once.
   */
  public int restoreAll() {
    long start = System.nanoTime();
    Map<String, List<Journal.Entry>> open = journal.openJourneys();
    if (open.isEmpty()) {
      return 0;
    }
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger fromSnapshots = new AtomicInteger();
    java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
    Thread onTerm = new Thread(() -> stopping.set(true), "handoff-restore-sigterm");
    boolean hooked = addShutdownHook(onTerm);
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, config.restore().concurrency()), r -> {
      Thread t = new Thread(r, "handoff-restore");
      t.setDaemon(true);
      return t;
    });
    long timeoutNanos = config.restore().journeyTimeout().toNanos();
    Map<String, Long> startedAt = new java.util.concurrent.ConcurrentHashMap<>();
    try {
      Map<String, Future<?>> futures = new java.util.LinkedHashMap<>();
      open.forEach((journeyId, entries) -> futures.put(journeyId, pool.submit(() -> {
        startedAt.put(journeyId, System.nanoTime());
        try {
          if (restore(journeyId, entries)) {
            fromSnapshots.incrementAndGet();
          }
        } catch (RuntimeException e) {
          failed.incrementAndGet();
          LOG.errorf(e, "Restoring %s failed: skipped (its journal is kept for the next start)", journeyId);
        }
      })));
      while (!futures.isEmpty() && !stopping.get()) {
        futures.entrySet().removeIf(f -> f.getValue().isDone());
        long now = System.nanoTime();
        futures.entrySet().removeIf(f -> {
          Long began = startedAt.get(f.getKey());
          if (began == null || now - began < timeoutNanos) {
            return false;
          }
          f.getValue().cancel(true);
          failed.incrementAndGet();
          LOG.errorf("Restoring %s did not finish within %s: skipped (its journal is kept for the next start)",
              f.getKey(), config.restore().journeyTimeout());
          return true;
        });
        Thread.sleep(50);
      }
      if (stopping.get()) {
        LOG.warnf("Stopping: the restore of %d open journeys was interrupted", futures.size());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      pool.shutdownNow();
      if (hooked && !stopping.get()) {
        removeShutdownHook(onTerm);
      }
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    LOG.infof("Restored %d open journeys in %d ms (%d from their snapshot, the others from their journal; %d failed)",
        open.size() - failed.get(), ms, fromSnapshots.get(), failed.get());
    return open.size() - failed.get();
  }

  private static boolean addShutdownHook(Thread hook) {
    try {
      Runtime.getRuntime().addShutdownHook(hook);
      return true;
    } catch (IllegalStateException e) {
      return false; // already shutting down
    }
  }

  private static void removeShutdownHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // shutting down: nothing to remove
    }
  }

  /** Re-creates one journey from its journal (its workflow must be gone). */
  public void restore(String journeyId) {
    restore(journeyId, journal.entries(journeyId));
  }

  private boolean restore(String journeyId, List<Journal.Entry> entries) {
    int restores = journal.restoreCount(journeyId) + 1;
    boolean fromSnapshot = journeys.restore(journeyId, entries, restores);
    journal.countRestore(journeyId);
    return fromSnapshot;
  }
}
