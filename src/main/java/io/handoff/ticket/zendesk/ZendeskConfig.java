package io.handoff.ticket.zendesk;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Zendesk Tickets API client settings ({@code handoff.helpdesk.kind=zendesk}). */
@ConfigMapping(prefix = "handoff.zendesk")
public interface ZendeskConfig {

  /** Account subdomain: the API is at {@code https://{subdomain}.zendesk.com}. */
  Optional<String> subdomain();

  /** Full base URL; overrides the subdomain (tests point it at WireMock). */
  Optional<String> baseUrl();

  /** E-mail of the agent whose API token is used ({@code {email}/token:{token}} basic auth). */
  Optional<String> email();

  /** Zendesk API token. Never logged. */
  Optional<String> apiToken();

  /** TCP connect timeout. */
  @WithDefault("5s")
  Duration connectTimeout();

  /** Timeout of one request; a timeout is a retryable failure (the activity policy retries). */
  @WithDefault("15s")
  Duration requestTimeout();

  /**
   * Test only: lets the admin import fetch from the request's {@code baseUrl} (WireMock) instead of
   * {@code https://<subdomain>.zendesk.com} only.
   */
  @io.smallrye.config.WithName("import-allow-base-url")
  @WithDefault("false")
  boolean importAllowBaseUrl();

  /** Delay to ask for when a 429 comes without a Retry-After header. */
  @WithDefault("60s")
  Duration defaultRetryAfter();
}
