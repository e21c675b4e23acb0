package io.handoff.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Optional;

/** How long Handoff keeps journey data in its database (prefix {@code handoff.retention}); unset keeps it all. */
@ConfigMapping(prefix = "handoff.retention")
public interface RetentionConfig {

  /** Closed journeys last changed longer ago than this are deleted with all their data (e.g. {@code 365d}). */
  Optional<Duration> closedJourneys();

  /** Timeline entries older than this are deleted from every journey (e.g. {@code 90d}). */
  Optional<Duration> timeline();

  /** Run the purge in the service this often (e.g. {@code 1h}); unset = only the {@code purge} command purges. */
  Optional<Duration> purgeEvery();
}
