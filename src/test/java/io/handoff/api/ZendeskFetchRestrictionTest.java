package io.handoff.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.handoff.problem.ProblemException;
import io.handoff.ticket.zendesk.ZendeskSettings;
import io.handoff.zendeskimport.ZendeskRulesFetcher;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The admin import fetches only from the account's https://<subdomain>.zendesk.com, never elsewhere. */
class ZendeskFetchRestrictionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ProblemException refused(String body, ZendeskImportRequest.FetchPolicy policy) {
    return (ProblemException) org.assertj.core.api.Assertions.catchThrowable(
        () -> ZendeskImportRequest.parse(JSON.readTree(body), JSON, policy));
  }

  @Test
  void aBaseUrlIsRefusedUnlessTheTestOnlySettingAllowsIt() {
    for (String url : new String[] {"http://127.0.0.1:8080", "https://evil.example", "http://[::1]:7233"}) {
      ProblemException e = refused("{\"baseUrl\": \"" + url + "\", \"email\": \"a@example.com\", \"apiToken\": \"t\"}",
          ZendeskImportRequest.FetchPolicy.ZENDESK_ONLY);
      assertThat(e).as(url).isNotNull();
      assertThat(e.problem().status()).isEqualTo(400);
      assertThat(e.problem().field()).isEqualTo("baseUrl");
    }
  }

  @Test
  void onlyTheConfiguredSubdomainIsFetchedWhenOneIsConfigured() throws IOException {
    var policy = new ZendeskImportRequest.FetchPolicy(Optional.of("acme"), false);
    ProblemException e = refused("{\"subdomain\": \"other\", \"email\": \"a@example.com\", \"apiToken\": \"t\"}", policy);
    assertThat(e.problem().field()).isEqualTo("subdomain");
    ZendeskImportRequest ok = ZendeskImportRequest.parse(
        JSON.readTree("{\"subdomain\": \"acme\", \"email\": \"a@example.com\", \"apiToken\": \"t\"}"), JSON, policy);
    assertThat(ok.fetch.baseUri()).isEqualTo(URI.create("https://acme.zendesk.com"));
  }

  @Test
  void aNextPageOnAnotherHostIsNotFollowed() {
    WireMockServer wm = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    wm.start();
    try {
      wm.stubFor(get(urlEqualTo("/api/v2/triggers")).willReturn(aResponse().withBody(
          "{\"triggers\": [{\"id\": 1}], \"next_page\": \"http://127.0.0.2:" + wm.port() + "/api/v2/triggers?page=2\"}")));
      ZendeskSettings settings = new ZendeskSettings(URI.create(wm.baseUrl()), "a@example.com", "t0k",
          Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(5));
      assertThatThrownBy(() -> new ZendeskRulesFetcher(settings).fetchAll()).isInstanceOf(IOException.class)
          .hasMessageContaining("points to another host");
    } finally {
      wm.stop();
    }
  }
}
