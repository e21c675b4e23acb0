package io.handoff.intent;

/**
 * Names the intent of a conversation and suggests a handoff decision. Implementations are
 * thread-safe, load their files once at construction, and never throw for bad customer input; an
 * implementation that depends on a remote service may throw only failures the caller should retry.
 */
public interface IntentClassifier {

  /** Stable name recorded in every result, e.g. "offline", "llm", "rules". */
  String name();

  /** Version of the classifier and of the files it loaded (e.g. taxonomy hash). */
  String version();

  Classification classify(ClassificationRequest request);
}
