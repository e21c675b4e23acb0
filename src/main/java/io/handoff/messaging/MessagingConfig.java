package io.handoff.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Outbound messaging configuration ({@code handoff.messaging.*}). */
@ConfigMapping(prefix = "handoff.messaging")
public interface MessagingConfig {

  /** Where outbound messages go: {@code outbox} (recorded in the database) or {@code sunshine}. */
  @WithDefault("outbox")
  String channel();

  /** Sunshine Conversations (Zendesk messaging) API settings, used when channel = sunshine. */
  Sunshine sunshine();

  /** Sunshine Conversations API settings. */
  interface Sunshine {
    /** API base URL (region-specific, e.g. https://api.eu-1.smooch.io). */
    @WithDefault("https://api.smooch.io")
    String baseUrl();

    /** The Sunshine Conversations app id. */
    Optional<String> appId();

    /** API key id (basic-auth user). */
    Optional<String> keyId();

    /** API key secret (basic-auth password). */
    Optional<String> keySecret();

    /** Connect and request timeout. */
    @WithDefault("10s")
    Duration timeout();
  }
}
