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

  /** Restores every open journey; returns how many were restored. */
  public int restoreAll() {
    long start = System.nanoTime();
    Map<String, List<Journal.Entry>> open = journal.openJourneys();
    if (open.isEmpty()) {
      return 0;
    }
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger fromSnapshots = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, config.restore().concurrency()));
    try {
      List<Future<?>> futures = new ArrayList<>();
      open.forEach((journeyId, entries) -> futures.add(pool.submit(() -> {
        try {
          if (restore(journeyId, entries)) {
            fromSnapshots.incrementAndGet();
          }
        } catch (RuntimeException e) {
          failed.incrementAndGet();
          LOG.errorf(e, "Restoring %s failed", journeyId);
        }
      })));
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdown();
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    LOG.infof("Restored %d open journeys in %d ms (%d from their snapshot, the others from their journal; %d failed)",
        open.size() - failed.get(), ms, fromSnapshots.get(), failed.get());
    return open.size() - failed.get();
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
