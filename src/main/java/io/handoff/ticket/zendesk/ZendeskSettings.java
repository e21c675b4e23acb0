package io.handoff.ticket.zendesk;

import java.net.URI;
import java.time.Duration;

/** Resolved Zendesk client settings; built from {@link ZendeskConfig} or directly in tests. */
public record ZendeskSettings(
    URI baseUri, String email, String apiToken, Duration connectTimeout, Duration requestTimeout,
    Duration defaultRetryAfter) {

  /** Resolves the base URL (base-url wins over subdomain) and checks credentials are present. */
  public static ZendeskSettings from(ZendeskConfig c) {
    String base = c.baseUrl().filter(s -> !s.isBlank())
        .or(() -> c.subdomain().filter(s -> !s.isBlank()).map(s -> "https://" + s + ".zendesk.com"))
        .orElseThrow(() -> new IllegalStateException(
            "handoff.zendesk.subdomain or handoff.zendesk.base-url is required when"
                + " handoff.helpdesk.kind=zendesk"));
    String email = c.email().orElseThrow(() -> new IllegalStateException(
        "handoff.zendesk.email is required when handoff.helpdesk.kind=zendesk"));
    String token = c.apiToken().orElseThrow(() -> new IllegalStateException(
        "handoff.zendesk.api-token is required when handoff.helpdesk.kind=zendesk"));
    return new ZendeskSettings(URI.create(base.replaceAll("/+$", "")), email, token,
        c.connectTimeout(), c.requestTimeout(), c.defaultRetryAfter());
  }

  @Override
  public String toString() {
    return "ZendeskSettings[baseUri=" + baseUri + ", email=" + email + ", apiToken=***]";
  }
}
