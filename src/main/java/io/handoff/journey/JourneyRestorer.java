package io.handoff.journey;

import io.handoff.model.Channel;
import io.handoff.model.JourneyEvent;
import io.handoff.persistence.Journal;
import io.handoff.temporal.TemporalRuntime;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

  private final TemporalRuntime runtime;
  private final Journal journal;
  private final JourneyService journeys;
  private final ProjectionStore index;
  private final io.handoff.config.HandoffConfig config;

  @Inject
  public JourneyRestorer(TemporalRuntime runtime, Journal journal, JourneyService journeys, ProjectionStore index,
      io.handoff.config.HandoffConfig config) {
    this.runtime = runtime;
    this.journal = journal;
    this.journeys = journeys;
    this.index = index;
    this.config = config;
  }

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
    boolean fromSnapshot = restore(journeyId, entries, restores);
    journal.countRestore(journeyId);
    return fromSnapshot;
  }

  /**
   * Re-creates a journey from its journal: one workflow start whose input carries the entries (the first
   * {@code handoff.restore.batch}) as pending commands, processed in order at their original times; any further
   * entries follow as updates, queued behind them. Nothing is journaled again. Returns whether the
   * journey started from its snapshot.
   */
  private boolean restore(String journeyId, List<Journal.Entry> entries, int restores) {
    Optional<JourneyState> snapshot = index.snapshot(journeyId, config.journey().timelineInState());
    if (snapshot.isPresent()) {
      entries = notYetProcessed(entries, snapshot.get().processed);
      // The count in the index may have missed a restore of a journey not yet projected then.
      restores = Math.max(restores, snapshot.get().restores + 1);
    }
    List<JourneyCommand> pending = new ArrayList<>();
    String conversationId = null;
    Channel channel = null;
    int i = 0;
    for (; i < entries.size() && i < Math.max(1, config.restore().batch()); i++) {
      Journal.Entry entry = entries.get(i);
      if (JourneyService.JOURNAL_EVENT.equals(entry.kind())) {
        JourneyEvent event = journeys.fromJson(entry.payload(), JourneyEvent.class);
        if (conversationId == null) {
          conversationId = event.conversationId();
          channel = event.channel();
        }
        pending.add(new JourneyCommand(event, null, true));
      } else if (JourneyService.JOURNAL_TICKET.equals(entry.kind())) {
        pending.add(new JourneyCommand(null, journeys.fromJson(entry.payload(), TicketCommand.class), true));
      } else {
        throw unknownKind(journeyId, entry);
      }
    }
    if (snapshot.isPresent()) {
      conversationId = snapshot.get().conversationId;
      channel = snapshot.get().channel;
    } else if (conversationId == null) {
      throw new IllegalStateException("the journal of " + journeyId + " starts without a conversation event");
    }
    journeys.startRestored(conversationId, channel,
        new JourneyInput(conversationId, journeys.settings(), snapshot.orElse(null), pending, restores));
    for (; i < entries.size(); i++) {
      redeliver(journeyId, entries.get(i), restores);
    }
    return snapshot.isPresent();
  }

  /**
   * The journal entries a snapshot does not include: those after the oldest of its last processed
   * commands that it did not process (entries of one journey are processed in journal order, except
   * that concurrent requests may swap places; the snapshot keeps far more ids than they ever do).
   */
  static List<Journal.Entry> notYetProcessed(List<Journal.Entry> entries, List<String> processed) {
    if (processed == null || processed.isEmpty()) {
      return entries;
    }
    Set<String> done = new HashSet<>(processed);
    int from = entries.size();
    for (int i = 0; i < entries.size(); i++) {
      if (done.contains(entries.get(i).entryId())) {
        from = i;
        break;
      }
    }
    if (from == entries.size()) {
      // None of the processed ids is journaled (the journal was purged past them): nothing to resume.
      return List.of();
    }
    return entries.subList(from, entries.size()).stream().filter(e -> !done.contains(e.entryId())).toList();
  }

  /** Re-delivers a journaled entry to a journey being restored (it is not journaled again). */
  private void redeliver(String journeyId, Journal.Entry entry, int restores) {
    if (JourneyService.JOURNAL_EVENT.equals(entry.kind())) {
      journeys.send(journeys.fromJson(entry.payload(), JourneyEvent.class), restores);
    } else if (JourneyService.JOURNAL_TICKET.equals(entry.kind())) {
      try {
        journeys.update(journeyId, journeys.fromJson(entry.payload(), TicketCommand.class));
      } catch (JourneyService.CommandRefused e) {
        // Refused before the restart too, or the restored journey disagrees with the one that accepted it:
        // log it, the journey's state is what its workflow says.
        LOG.warnf("Restoring %s: the journaled ticket command %s was refused: %s (%s)", journeyId, entry.entryId(),
            e.getMessage(), e.field());
      }
    } else {
      throw unknownKind(journeyId, entry);
    }
  }

  private static IllegalStateException unknownKind(String journeyId, Journal.Entry entry) {
    return new IllegalStateException("unknown journal entry kind " + entry.kind() + " in " + journeyId);
  }
}
