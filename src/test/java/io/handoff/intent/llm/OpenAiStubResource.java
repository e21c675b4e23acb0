package io.handoff.intent.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * An OpenAI chat-completions endpoint on WireMock for @QuarkusTests running the LLM classifier: it
 * answers pricing_sales (100 input, 20 output tokens) and, for a message containing "garbled",
 * truncated JSON, which makes the classifier fall back.
 */
public class OpenAiStubResource implements QuarkusTestResourceLifecycleManager {
  /** Text that makes the stub answer malformed JSON. */
  public static final String MALFORMED_TRIGGER = "garbled";
  static final String PRICING = "{\"intent\":\"pricing_sales\",\"intents\":[\"pricing_sales\"],\"confidence\":0.93,"
      + "\"language\":\"es\",\"urgency\":\"NORMAL\",\"handoff\":\"AI_RESOLVES\",\"reason\":\"Asks for a price.\"}";
  private WireMockServer wm;

  @Override
  public Map<String, String> start() {
    wm = new WireMockServer(options().dynamicPort());
    wm.start();
    ProviderStub p = ProviderStub.OPENAI;
    wm.stubFor(post(urlEqualTo(p.path)).atPriority(5).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody(p.reply(PRICING))));
    wm.stubFor(post(urlEqualTo(p.path)).atPriority(1).withRequestBody(containing(MALFORMED_TRIGGER))
        .willReturn(aResponse().withHeader("Content-Type", "application/json")
            .withBody(p.reply("{\"intent\": \"pricing_sales\", "))));
    return Map.of("handoff.ai.base-url", wm.baseUrl() + p.basePath);
  }

  @Override
  public void stop() {
    if (wm != null) {
      wm.stop();
    }
  }
}
