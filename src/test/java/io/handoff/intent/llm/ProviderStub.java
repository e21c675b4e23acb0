package io.handoff.intent.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/** Each provider's endpoint and real response shapes, for WireMock. */
enum ProviderStub {
  OPENAI("openai", "/v1", "/v1/chat/completions", "gpt-4o-mini"),
  OLLAMA("ollama", "/v1", "/v1/chat/completions", "llama3.1"),
  ANTHROPIC("anthropic", "/v1/", "/v1/messages", "claude-haiku-4-5"),
  GEMINI("gemini", "/v1beta", "/v1beta/models/gemini-2.0-flash:generateContent", "gemini-2.0-flash");

  private static final ObjectMapper JSON = new ObjectMapper();
  final String provider;
  final String basePath;
  final String path;
  final String model;

  ProviderStub(String provider, String basePath, String path, String model) {
    this.provider = provider;
    this.basePath = basePath;
    this.path = path;
    this.model = model;
  }

  LlmSettings settings(String wiremockUrl, Duration timeout) {
    return new LlmSettings(provider, wiremockUrl + basePath, "test-key", model, timeout, 0.0, 0.15, 0.60);
  }

  /** A successful reply whose text is {@code content}, 100 input and 20 output tokens. */
  String reply(String content) {
    ObjectNode r = JSON.createObjectNode();
    switch (this) {
      case OPENAI, OLLAMA -> {
        r.put("id", "chatcmpl-9x").put("object", "chat.completion").put("created", 1764000000).put("model", model);
        if (this == OLLAMA) {
          r.put("system_fingerprint", "fp_ollama");
        }
        ObjectNode choice = r.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content).putNull("refusal");
        r.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 20).put("total_tokens", 120);
      }
      case ANTHROPIC -> {
        r.put("id", "msg_01XyZ").put("type", "message").put("role", "assistant").put("model", model);
        r.putArray("content").addObject().put("type", "text").put("text", content);
        r.put("stop_reason", "end_turn").putNull("stop_sequence");
        r.putObject("usage").put("input_tokens", 100).put("output_tokens", 20);
      }
      case GEMINI -> {
        ObjectNode cand = r.putArray("candidates").addObject();
        ObjectNode c = cand.putObject("content");
        c.putArray("parts").addObject().put("text", content);
        c.put("role", "model");
        cand.put("finishReason", "STOP").put("index", 0);
        r.putObject("usageMetadata").put("promptTokenCount", 100).put("candidatesTokenCount", 20)
            .put("totalTokenCount", 120);
        r.put("modelVersion", model).put("responseId", "resp-1");
      }
      default -> throw new IllegalStateException();
    }
    return r.toString();
  }

  /** How each provider refuses: OpenAI's refusal field, Anthropic's stop_reason, Gemini's SAFETY; Ollama answers in prose. */
  String refusal() {
    return switch (this) {
      case OPENAI -> "{\"id\":\"chatcmpl-9y\",\"object\":\"chat.completion\",\"created\":1764000000,\"model\":\"gpt-4o-mini\","
          + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,"
          + "\"refusal\":\"I'm sorry, I can't help with that.\"},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
          + "\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":9,\"total_tokens\":109}}";
      case OLLAMA -> reply("I'm sorry, but I can't help with that request.");
      case ANTHROPIC -> "{\"id\":\"msg_01R\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-haiku-4-5\","
          + "\"content\":[],\"stop_reason\":\"refusal\",\"stop_sequence\":null,"
          + "\"usage\":{\"input_tokens\":100,\"output_tokens\":0}}";
      case GEMINI -> "{\"candidates\":[{\"finishReason\":\"SAFETY\",\"index\":0,\"safetyRatings\":[{\"category\":"
          + "\"HARM_CATEGORY_HARASSMENT\",\"probability\":\"HIGH\",\"blocked\":true}]}],"
          + "\"usageMetadata\":{\"promptTokenCount\":100,\"totalTokenCount\":100},\"modelVersion\":\"gemini-2.0-flash\"}";
    };
  }

  /** The provider's error body for a status. */
  String error(int status) {
    return switch (this) {
      case OPENAI, OLLAMA -> "{\"error\":{\"message\":\"error " + status + "\",\"type\":\"requests\",\"param\":null,\"code\":\"" + status + "\"}}";
      case ANTHROPIC -> "{\"type\":\"error\",\"error\":{\"type\":\"" + (status == 429 ? "rate_limit_error" : "api_error")
          + "\",\"message\":\"error " + status + "\"}}";
      case GEMINI -> "{\"error\":{\"code\":" + status + ",\"message\":\"error " + status + "\",\"status\":\""
          + (status == 429 ? "RESOURCE_EXHAUSTED" : "INTERNAL") + "\"}}";
    };
  }
}
