package io.handoff.metrics;

import io.handoff.intent.llm.OpenAiStubResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The service with the LLM classifier (OpenAI on WireMock, with prices) on a database of its own, so
 * every counter starts at zero and the metrics tests can assert exact values.
 */
public class LlmMonitoringProfile implements QuarkusTestProfile {

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "handoff.ai.classifier", "llm",
        "handoff.ai.provider", "openai",
        "handoff.ai.model", "gpt-4o-mini",
        "handoff.ai.api-key", "test-key",
        "handoff.ai.timeout", "5s",
        "handoff.ai.input-usd-per-million-tokens", "0.15",
        "handoff.ai.output-usd-per-million-tokens", "0.60",
        "handoff.restore.enabled", "false",
        "quarkus.datasource.\"h2\".jdbc.url", "jdbc:h2:mem:handoff-monitoring;DB_CLOSE_DELAY=-1");
  }

  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(new TestResourceEntry(OpenAiStubResource.class));
  }
}
