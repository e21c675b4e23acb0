/**
 * Scoring of classifiers on labelled JSONL, for the {@code eval} command (docs/ai-eval.md, "The eval
 * command: input and output").
 *
 * <p>Entry points: {@link io.handoff.intent.eval.EvalRunner},
 * {@link io.handoff.intent.eval.HumanRequestEval}, {@link io.handoff.intent.eval.LabeledFile},
 * {@link io.handoff.intent.eval.EvalReport}.
 *
 * <p>Uses {@code intent}, {@code intent.policy} and {@code intent.taxonomy} only; no CDI, no Temporal.
 */
package io.handoff.intent.eval;
