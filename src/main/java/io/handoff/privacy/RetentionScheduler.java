package io.handoff.privacy;

import io.handoff.config.RetentionConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The service's periodic purge ({@code handoff.retention.purge-every}): runs {@link JourneyPurge} on
 * its own thread, outside any workflow, first one period after start. Off unless configured.
 */
@ApplicationScoped
public class RetentionScheduler {
  private static final Logger LOG = Logger.getLogger(RetentionScheduler.class);

  private final RetentionConfig config;
  private final DataSource dataSource;

  private ScheduledExecutorService timer;

  RetentionScheduler(RetentionConfig config, DataSource dataSource) {
    this.config = config;
    this.dataSource = dataSource;
  }

  void onStart(@Observes StartupEvent ev) {
    if (config.purgeEvery().isEmpty()) {
      return;
    }
    Duration every = config.purgeEvery().get();
    if (every.isZero() || every.isNegative()) {
      throw new IllegalStateException("handoff.retention.purge-every must be positive, got " + every);
    }
    if (config.closedJourneys().isEmpty() && config.timeline().isEmpty()) {
      throw new IllegalStateException("handoff.retention.purge-every is set but there is nothing to purge: set"
          + " handoff.retention.closed-journeys and/or handoff.retention.timeline");
    }
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "handoff-retention-purge");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(this::purgeQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    LOG.infof("Retention purge every %s (closed journeys after %s, timeline entries after %s)", every,
        config.closedJourneys().map(Duration::toString).orElse("never"),
        config.timeline().map(Duration::toString).orElse("never"));
  }

  void onStop(@Observes ShutdownEvent ev) {
    if (timer != null) {
      timer.shutdownNow();
    }
  }

  /** One purge with the configured ages; returns its report. */
  public JourneyPurge.Report purgeNow() {
    JourneyPurge.Report r = new JourneyPurge(dataSource).purge(new JourneyPurge.Request(
        config.closedJourneys().orElse(null), config.timeline().orElse(null), Instant.now(), false));
    LOG.infof("Retention purge: %d closed journeys, %d rows deleted %s", r.journeys(), r.total(), r.rows());
    return r;
  }

  private void purgeQuietly() {
    try {
      purgeNow();
    } catch (RuntimeException e) {
      // A failed purge is retried at the next period; the service itself is unaffected.
      LOG.errorf(e, "Retention purge failed");
    }
  }
}
