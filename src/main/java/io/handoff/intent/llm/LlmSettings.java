package io.handoff.intent.llm;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * How to reach the LLM; filled from {@code handoff.ai.*} (Quarkus) or {@code HANDOFF_AI_*} (CLI).
 *
 * @param provider openai, openai-compatible, ollama (through its OpenAI-compatible /v1), anthropic, gemini
 * @param baseUrl provider endpoint; null for the provider's public default
 * @param inputUsdPerMillionTokens price used to report cost; null when unknown
 */
public record LlmSettings(
    String provider,
    String baseUrl,
    String apiKey,
    String model,
    Duration timeout,
    Double temperature,
    Double inputUsdPerMillionTokens,
    Double outputUsdPerMillionTokens) {

  public LlmSettings {
    provider = provider == null ? "openai" : provider.toLowerCase(Locale.ROOT);
    timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
  }

  /** Reads HANDOFF_AI_PROVIDER, _BASE_URL, _API_KEY, _MODEL, _TIMEOUT (ISO-8601 or seconds), _TEMPERATURE, _INPUT_PRICE, _OUTPUT_PRICE. */
  public static LlmSettings fromEnv(Map<String, String> env) {
    return new LlmSettings(env.get("HANDOFF_AI_PROVIDER"), env.get("HANDOFF_AI_BASE_URL"),
        env.get("HANDOFF_AI_API_KEY"), env.getOrDefault("HANDOFF_AI_MODEL", "gpt-4o-mini"),
        duration(env.get("HANDOFF_AI_TIMEOUT")), number(env.get("HANDOFF_AI_TEMPERATURE")),
        number(env.get("HANDOFF_AI_INPUT_PRICE")), number(env.get("HANDOFF_AI_OUTPUT_PRICE")));
  }

  private static Duration duration(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    return s.startsWith("P") ? Duration.parse(s) : Duration.ofMillis((long) (Double.parseDouble(s) * 1000));
  }

  private static Double number(String s) {
    return s == null || s.isBlank() ? null : Double.valueOf(s);
  }
}
