package io.handoff.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.handoff.config.RetentionConfig;
import io.handoff.testing.TestDatabases;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The service's periodic purge: runs on its own with the configured ages, and refuses a useless setting. */
class RetentionSchedulerTest {

  static RetentionScheduler scheduler(DataSource ds, Duration closed, Duration timeline, Duration every) {
    RetentionConfig config = new RetentionConfig() {
      @Override
      public Optional<Duration> closedJourneys() {
        return Optional.ofNullable(closed);
      }

      @Override
      public Optional<Duration> timeline() {
        return Optional.ofNullable(timeline);
      }

      @Override
      public Optional<Duration> purgeEvery() {
        return Optional.ofNullable(every);
      }
    };
    return new RetentionScheduler(config, ds);
  }

  @Test
  void purgesPeriodicallyWithTheConfiguredAges() throws Exception {
    DataSource ds = TestDatabases.h2().dataSource();
    Instant old = Instant.now().minus(Duration.ofDays(40));
    JourneyPurgeTest.journey(ds, "old", "CLOSED", old);
    JourneyPurgeTest.journey(ds, "open", "TICKETED", old);
    RetentionScheduler s = scheduler(ds, Duration.ofDays(30), null, Duration.ofMillis(200));
    s.onStart(new StartupEvent());
    try {
      Awaitility.await().atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(JourneyPurgeTest.counts(ds)).containsEntry("journeys", 1L));
      assertThat(JourneyPurgeTest.counts(ds)).containsEntry("journal", 1L).containsEntry("tickets", 1L);
    } finally {
      s.onStop(new ShutdownEvent());
    }
  }

  @Test
  void offByDefaultAndRefusesAPeriodWithNothingToPurge() {
    DataSource ds = TestDatabases.h2().dataSource();
    scheduler(ds, Duration.ofDays(1), null, null).onStart(new StartupEvent());
    assertThatThrownBy(() -> scheduler(ds, null, null, Duration.ofHours(1)).onStart(new StartupEvent()))
        .hasMessageContaining("handoff.retention.purge-every is set but there is nothing to purge");
    assertThatThrownBy(() -> scheduler(ds, Duration.ofDays(1), null, Duration.ZERO).onStart(new StartupEvent()))
        .hasMessageContaining("purge-every must be positive");
  }
}
