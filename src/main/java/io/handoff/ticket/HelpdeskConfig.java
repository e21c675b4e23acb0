package io.handoff.ticket;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Which helpdesk holds the tickets, and where its groups and agents are defined. */
@ConfigMapping(prefix = "handoff.helpdesk")
public interface HelpdeskConfig {

  /** The helpdesk kinds Handoff can use. */
  enum Kind { BUILTIN, ZENDESK }

  /** {@code builtin} (tickets in Handoff's database) or {@code zendesk} (the Zendesk API). */
  @WithDefault("builtin")
  Kind kind();

  /**
   * How long a solved ticket stays solved before the system closes it (Zendesk's standard
   * automation closes after 4 days). Passed to the journey workflow as input, never read by it.
   */
  @WithDefault("4d")
  Duration autoCloseAfter();

  /** The groups-and-agents file ({@code workflows/helpdesk.yaml}); invalid → start-up fails. */
  @WithDefault("workflows/helpdesk.yaml")
  String file();
}
