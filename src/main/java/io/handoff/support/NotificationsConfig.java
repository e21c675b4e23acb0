package io.handoff.support;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Trigger notification delivery ({@code handoff.notifications.*}). */
@ConfigMapping(prefix = "handoff.notifications")
public interface NotificationsConfig {

  /** {@code outbox}: record every notification in the database; {@code http}: POST webhooks for real. */
  @WithDefault("outbox")
  String delivery();

  /** Connect and request timeout for webhook calls. */
  @WithDefault("10s")
  Duration timeout();
}
