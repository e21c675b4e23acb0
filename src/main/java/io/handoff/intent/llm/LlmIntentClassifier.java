package io.handoff.intent.llm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import io.handoff.intent.Classification;
import io.handoff.intent.ClassificationRequest;
import io.handoff.intent.HandoffDecision;
import io.handoff.intent.IntentClassifier;
import io.handoff.intent.IntentScore;
import io.handoff.intent.Urgency;
import io.handoff.intent.taxonomy.Taxonomy;
import java.util.List;

/**
 * Classifies with an LLM through plain LangChain4j (provider chosen by {@link LlmSettings}), bound
 * to a JSON schema of enums. Any failure that retrying will not fix (timeout, refusal, malformed or
 * off-schema output, 4xx) falls back to the offline classifier with {@code fallbackReason} set; a
 * 429 or 5xx is thrown as {@link LlmUnavailableException} so Temporal retries, except on the last
 * attempt, which falls back too.
 */
public final class LlmIntentClassifier implements IntentClassifier {
  public static final String NAME = "llm";
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
  private final LlmSettings settings;
  private final ChatModel model;
  private final Taxonomy taxonomy;
  private final PromptRenderer prompts;
  private final IntentClassifier fallback;

  public LlmIntentClassifier(LlmSettings settings, Taxonomy taxonomy, PromptTemplates templates,
      IntentClassifier fallback) {
    this.settings = settings;
    this.model = LlmModels.create(settings);
    this.taxonomy = taxonomy;
    this.prompts = new PromptRenderer(templates, taxonomy);
    this.fallback = fallback;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The provider, model and prices this classifier calls with. */
  public LlmSettings settings() {
    return settings;
  }

  @Override
  public String version() {
    return settings.provider() + ":" + settings.model() + "+taxonomy-" + taxonomy.version();
  }

  /** Never throws for provider trouble: this is the single-shot path (eval, simulate). */
  @Override
  public Classification classify(ClassificationRequest request) {
    return classify(request, true);
  }

  /**
   * @param lastAttempt whether the calling activity has no retry left; when false, 429 and 5xx are
   *     thrown as {@link LlmUnavailableException} instead of falling back
   */
  public Classification classify(ClassificationRequest request, boolean lastAttempt) {
    long start = System.nanoTime();
    ChatRequest chat = ChatRequest.builder()
        .messages(SystemMessage.from(prompts.system()), UserMessage.from(prompts.user(request)))
        .responseFormat(VerdictSchema.responseFormat(taxonomy.intentNames()))
        .build();
    ChatResponse response;
    try {
      response = model.chat(chat);
    } catch (RuntimeException e) {
      LlmFailure failure = LlmFailure.of(e, settings.timeout());
      if (failure.retryable() && !lastAttempt) {
        throw new LlmUnavailableException(failure.statusCode(), failure.retryAfter(), e);
      }
      return fallback(request, failure.reason() + (failure.retryable() ? " on the last attempt" : ""), start);
    }
    return fromResponse(request, response, start);
  }

  /**
   * The offline fallback's classification without calling the model, recording why: for a triage whose
   * classify activity failed for good (e.g. its last attempt timed out on a worker that died).
   */
  public Classification fallback(ClassificationRequest request, String reason) {
    return fallback(request, reason, System.nanoTime());
  }

  private Classification fromResponse(ClassificationRequest request, ChatResponse response, long start) {
    String text = response.aiMessage() == null ? null : response.aiMessage().text();
    if (response.finishReason() == FinishReason.CONTENT_FILTER || text == null || text.isBlank()) {
      return fallback(request, FallbackKind.REFUSAL.prefix() + "the model returned no classification (finish reason "
          + response.finishReason() + ")", start);
    }
    LlmVerdict v;
    try {
      v = JSON.readValue(stripFences(text), LlmVerdict.class);
    } catch (Exception e) {
      return fallback(request, FallbackKind.MALFORMED.prefix() + firstLine(e.getMessage()), start);
    }
    String problem = VerdictCheck.problem(v, taxonomy.intentNames());
    if (problem != null) {
      return fallback(request, FallbackKind.OFF_SCHEMA.prefix() + problem, start);
    }
    TokenUsage usage = response.tokenUsage();
    Integer in = usage == null ? null : usage.inputTokenCount();
    Integer out = usage == null ? null : usage.outputTokenCount();
    List<String> intents = v.intents().contains(v.intent()) ? v.intents()
        : java.util.stream.Stream.concat(java.util.stream.Stream.of(v.intent()), v.intents().stream()).toList();
    long ms = (System.nanoTime() - start) / 1_000_000;
    return new Classification(v.intent(), intents, v.confidence(), v.language(), true,
        Urgency.valueOf(v.urgency()), HandoffDecision.valueOf(v.handoff()), v.reason(), ms, in, out,
        cost(in, out), NAME, version(), null, List.of(new IntentScore(v.intent(), v.confidence())));
  }

  private Classification fallback(ClassificationRequest request, String reason, long start) {
    Classification c = fallback.classify(request).withFallbackReason(NAME + " failed: " + reason);
    return c.withLatencyMs((System.nanoTime() - start) / 1_000_000);
  }

  private Double cost(Integer in, Integer out) {
    if (in == null || out == null || settings.inputUsdPerMillionTokens() == null
        || settings.outputUsdPerMillionTokens() == null) {
      return null;
    }
    return (in * settings.inputUsdPerMillionTokens() + out * settings.outputUsdPerMillionTokens()) / 1_000_000;
  }

  /** Some OpenAI-compatible servers wrap JSON in a Markdown fence even in JSON mode. */
  private static String stripFences(String text) {
    String t = text.strip();
    if (t.startsWith("```")) {
      t = t.replaceFirst("^```[a-zA-Z]*\\s*", "").replaceFirst("\\s*```$", "");
    }
    return t;
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}
