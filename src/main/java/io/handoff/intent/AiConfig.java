package io.handoff.intent;

import io.handoff.intent.llm.LlmSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** AI-triage configuration ({@code handoff.ai.*}). */
@ConfigMapping(prefix = "handoff.ai")
public interface AiConfig {

  /** AI classifier: offline (embedded, default) or llm (offline stays the fallback). */
  @WithDefault("offline")
  String classifier();

  /** LLM provider: openai, openai-compatible, ollama (its OpenAI-compatible /v1), anthropic, gemini. */
  @WithDefault("openai")
  String provider();

  /** Provider endpoint, e.g. http://localhost:11434/v1 for Ollama; default: the provider's public API. */
  Optional<String> baseUrl();

  /** API key; not needed for Ollama, vLLM or LM Studio. */
  Optional<String> apiKey();

  /** Model name, e.g. gpt-4o-mini, claude-haiku-4-5, gemini-2.0-flash, llama3.1. */
  @WithDefault("gpt-4o-mini")
  String model();

  /** Timeout of one LLM call; a timeout falls back to the offline classifier. */
  @WithDefault("20s")
  Duration timeout();

  /** Sampling temperature; default: the provider's. */
  Optional<Double> temperature();

  /** Price per million input tokens in USD, to report cost; unset means cost unknown. */
  Optional<Double> inputUsdPerMillionTokens();

  /** Price per million output tokens in USD. */
  Optional<Double> outputUsdPerMillionTokens();

  /** The offline classifier ({@code handoff.ai.offline.*}). */
  Offline offline();

  interface Offline {
    /**
     * {@code builtin}: lexical features only (every language). {@code minilm}: English messages are
     * also scored with the bundled all-MiniLM-L6-v2 sentence embedding; other languages stay builtin.
     */
    @WithDefault("builtin")
    String embeddings();
  }

  default LlmSettings llmSettings() {
    return new LlmSettings(provider(), baseUrl().orElse(null), apiKey().orElse(null), model(), timeout(),
        temperature().orElse(null), inputUsdPerMillionTokens().orElse(null),
        outputUsdPerMillionTokens().orElse(null));
  }
}
