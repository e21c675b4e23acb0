package io.handoff.ticket;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which helpdesk holds the tickets, and where its groups and agents are defined. */
@ConfigMapping(prefix = "handoff.helpdesk")
public interface HelpdeskConfig {

  /** The helpdesk kinds Handoff can use. */
  enum Kind { BUILTIN, ZENDESK }

  /** {@code builtin} (tickets in Handoff's database) or {@code zendesk} (the Zendesk API). */
  @WithDefault("builtin")
  Kind kind();

  /** The groups-and-agents file ({@code workflows/helpdesk.yaml}); invalid → start-up fails. */
  @WithDefault("workflows/helpdesk.yaml")
  String file();
}
