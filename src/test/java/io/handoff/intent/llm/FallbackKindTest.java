package io.handoff.intent.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.handoff.intent.Classification;
import io.handoff.intent.ClassificationRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The metric label of each fallback the LLM classifier really produces (provider answers on WireMock),
 * so a reworded reason cannot silently turn into "other" on the dashboard.
 */
class FallbackKindTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
  static final ProviderStub OPENAI = ProviderStub.OPENAI;

  private String labelOf(ResponseDefinitionBuilder response, Duration timeout) {
    wm.stubFor(post(urlPathEqualTo(OPENAI.path)).willReturn(response));
    Classification c = new LlmIntentClassifier(OPENAI.settings(wm.baseUrl(), timeout), LlmIntentClassifierTest.TAXONOMY,
        LlmIntentClassifierTest.PROMPTS, LlmIntentClassifierTest.OFFLINE)
        .classify(ClassificationRequest.ofText("c-1", "Where can I download my invoice?"), true);
    assertThat(c.fallbackReason()).isNotNull();
    return FallbackKind.label(c.fallbackReason());
  }

  private static ResponseDefinitionBuilder json(String body) {
    return aResponse().withHeader("Content-Type", "application/json").withBody(body);
  }

  @Test
  void aSlowModelIsATimeout() {
    assertThat(labelOf(json(OPENAI.reply(LlmIntentClassifierTest.VERDICT)).withFixedDelay(2_000), Duration.ofMillis(300)))
        .isEqualTo("timeout");
  }

  @Test
  void fiveHundredsOnTheLastAttemptAreServerErrorsAnd429IsRateLimited() {
    assertThat(labelOf(json("{\"error\":{\"message\":\"overloaded\"}}").withStatus(503), Duration.ofSeconds(5)))
        .isEqualTo("server_error");
    assertThat(labelOf(json("{\"error\":{\"message\":\"slow down\"}}").withStatus(429), Duration.ofSeconds(5)))
        .isEqualTo("rate_limited");
  }

  @Test
  void aRefusedRequestIsAClientError() {
    assertThat(labelOf(json("{\"error\":{\"message\":\"bad key\"}}").withStatus(401), Duration.ofSeconds(5)))
        .isEqualTo("client_error");
  }

  @Test
  void brokenOrOffSchemaOutputAndRefusalsHaveTheirOwnLabels() {
    assertThat(labelOf(json(OPENAI.reply("{\"intent\": \"billing\", ")), Duration.ofSeconds(5))).isEqualTo("malformed");
    assertThat(labelOf(json(OPENAI.reply(LlmIntentClassifierTest.VERDICT.replace("\"billing\",\"intents\"",
        "\"crypto\",\"intents\""))), Duration.ofSeconds(5))).isEqualTo("off_schema");
    assertThat(labelOf(json(OPENAI.refusal()), Duration.ofSeconds(5))).isEqualTo("refusal");
  }

  @Test
  void everyLabelIsDeclaredForTheZeroSeries() {
    assertThat(FallbackKind.labels()).contains("timeout", "rate_limited", "server_error", "client_error", "refusal",
        "malformed", "off_schema", "call_failed", "other");
    assertThat(FallbackKind.label("something new")).isEqualTo("other");
  }
}
