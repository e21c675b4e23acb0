package io.handoff.sla;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The demo clock (prefix {@code handoff.demo}): shorter rule-file timers so a newcomer sees them fire. */
@ConfigMapping(prefix = "handoff.demo")
public interface DemoClockConfig {

  /**
   * Divides the SLA targets and the inactivity ladder's durations by this factor, measuring SLA targets
   * in calendar time (1 = as written; the {@code demo} profile sets 60: a minute of the files is a second).
   */
  @WithDefault("1")
  int timeScale();
}
