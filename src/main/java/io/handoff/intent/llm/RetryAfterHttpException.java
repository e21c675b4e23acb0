package io.handoff.intent.llm;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;

/** An HTTP error from the LLM provider that keeps the server's Retry-After, when it sent one. */
public final class RetryAfterHttpException extends HttpException {
  private final Duration retryAfter;

  public RetryAfterHttpException(int statusCode, String body, Duration retryAfter) {
    super(statusCode, body);
    this.retryAfter = retryAfter;
  }

  /** The delay the server asked for, or null. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
