/**
 * The {@code llm} classifier: plain LangChain4j, provider chosen at run time, a JSON-schema verdict
 * checked against the taxonomy, and failures sorted into retryable and fall-back-to-offline
 * (docs/ai-eval.md, "LLM classifier: failure handling").
 *
 * <p>Entry points: {@link io.handoff.intent.llm.LlmIntentClassifier},
 * {@link io.handoff.intent.llm.LlmModels}, {@link io.handoff.intent.llm.LlmSettings},
 * {@link io.handoff.intent.llm.PromptTemplates}.
 *
 * <p>Uses {@code intent}, {@code intent.taxonomy}, {@code rules} (file errors) and {@code journey} (the
 * channel type in prompts); no CDI, no Temporal.
 */
package io.handoff.intent.llm;
