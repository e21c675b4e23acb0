package io.handoff.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Restore of open journeys from the journal when the embedded default starts (prefix {@code handoff.restore}). */
@ConfigMapping(prefix = "handoff.restore")
public interface RestoreConfig {
  /** Re-create open journeys at start in embedded mode. */
  @WithDefault("true")
  boolean enabled();

  /** Journeys restored at once. */
  @WithDefault("16")
  int concurrency();

  /** Journal entries a restored journey is started with; later ones follow as updates. */
  @WithDefault("200")
  int batch();
}
