package io.handoff.intent.llm;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/**
 * Builds the LangChain4j chat model for the configured provider. Client-side retries are off
 * ({@code maxRetries(0)}): Temporal's activity retry policy owns retries, so they do not multiply.
 */
public final class LlmModels {
  private LlmModels() {}

  public static ChatModel create(LlmSettings s) {
    return switch (s.provider()) {
      case "openai", "openai-compatible", "ollama" -> OpenAiChatModel.builder()
          .baseUrl(s.baseUrl() != null ? s.baseUrl() : defaultBase(s.provider()))
          // Ollama, vLLM and LM Studio ignore the key, but the client requires one.
          .apiKey(s.apiKey() != null ? s.apiKey() : "not-needed")
          .modelName(s.model())
          .temperature(s.temperature())
          .timeout(s.timeout())
          .maxRetries(0)
          .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
          .strictJsonSchema(true)
          .httpClientBuilder(RetryAfterHttpClient.builder(s.timeout()))
          .build();
      case "anthropic" -> AnthropicChatModel.builder()
          .baseUrl(s.baseUrl() != null ? s.baseUrl() : "https://api.anthropic.com/v1/")
          .apiKey(s.apiKey())
          .modelName(s.model())
          .temperature(s.temperature())
          .timeout(s.timeout())
          .maxRetries(0)
          .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
          .httpClientBuilder(RetryAfterHttpClient.builder(s.timeout()))
          .build();
      case "gemini" -> GoogleAiGeminiChatModel.builder()
          .baseUrl(s.baseUrl() != null ? s.baseUrl() : "https://generativelanguage.googleapis.com/v1beta")
          .apiKey(s.apiKey())
          .modelName(s.model())
          .temperature(s.temperature())
          .timeout(s.timeout())
          .maxRetries(0)
          .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
          .httpClientBuilder(RetryAfterHttpClient.builder(s.timeout()))
          .build();
      default -> throw new IllegalArgumentException("unknown handoff.ai.provider \"" + s.provider()
          + "\" (openai, openai-compatible, ollama, anthropic, gemini)");
    };
  }

  private static String defaultBase(String provider) {
    return provider.equals("ollama") ? "http://localhost:11434/v1" : "https://api.openai.com/v1";
  }
}
