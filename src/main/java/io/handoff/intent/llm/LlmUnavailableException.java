package io.handoff.intent.llm;

import java.time.Duration;

/**
 * The provider is temporarily unavailable (429 or 5xx) and this is not the activity's last attempt:
 * the activity should fail and let Temporal retry, after {@link #retryAfter()} when the server said.
 */
public final class LlmUnavailableException extends RuntimeException {
  private final int statusCode;
  private final Duration retryAfter;

  public LlmUnavailableException(int statusCode, Duration retryAfter, Throwable cause) {
    super("LLM provider returned " + statusCode + (retryAfter == null ? "" : ", retry after " + retryAfter), cause);
    this.statusCode = statusCode;
    this.retryAfter = retryAfter;
  }

  public int statusCode() {
    return statusCode;
  }

  /** Server-requested delay, or null. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
