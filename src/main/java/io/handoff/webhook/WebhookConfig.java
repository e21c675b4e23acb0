package io.handoff.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Secrets and replay window of the inbound webhooks. Without a secret, a webhook refuses all calls. */
@ConfigMapping(prefix = "handoff.webhooks")
public interface WebhookConfig {

  /** Zendesk event and trigger webhooks ({@code POST /api/webhooks/zendesk}). */
  ZendeskHook zendesk();

  /** Sunshine Conversations webhooks ({@code POST /api/webhooks/sunshine}). */
  SunshineHook sunshine();

  /** Zendesk webhook settings. */
  interface ZendeskHook {
    /** The webhook's signing secret (Zendesk: GET /api/v2/webhooks/{id}/signing_secret). */
    Optional<String> signingSecret();

    /** How far the signature timestamp may be from now, either way; older calls are refused. */
    @WithDefault("5m")
    Duration tolerance();

    /**
     * Zendesk user ids whose changes are Handoff's own API writes (the API token's user); their
     * events are ignored so the journey does not see its own changes twice.
     */
    Optional<List<String>> ownActorIds();
  }

  /** Sunshine Conversations webhook settings. */
  interface SunshineHook {
    /** The webhook secret that Sunshine Conversations sends in the X-API-Key header. */
    Optional<String> secret();
  }
}
