/**
 * What the AI stage says to the customer ({@code prompts/replies.yaml}): reviewed texts per intent and
 * language, never LLM output.
 *
 * <p>Entry points: {@link io.handoff.intent.replies.AiReplies},
 * {@link io.handoff.intent.replies.AiRepliesLoader}.
 *
 * <p>Uses {@code intent} and {@code intent.taxonomy} only.
 */
package io.handoff.intent.replies;
