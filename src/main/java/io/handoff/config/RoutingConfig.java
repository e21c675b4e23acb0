package io.handoff.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.OptionalInt;

/** Which router acts on a journey (prefix {@code handoff.routing}); the other shadows. */
@ConfigMapping(prefix = "handoff.routing")
public interface RoutingConfig {

  /** The acting router when neither a channel choice nor an A/B split applies: {@code ai} or {@code rules}. */
  @WithDefault("ai")
  String active();

  /** Percentage (0-100) of conversations the AI acts on, split by a stable hash of the conversation id. */
  OptionalInt aiPercent();

  /** Per-channel acting router, e.g. {@code handoff.routing.channels.whatsapp=rules}. */
  Map<String, String> channels();
}
