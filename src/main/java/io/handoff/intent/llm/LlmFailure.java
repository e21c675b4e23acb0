package io.handoff.intent.llm;

import dev.langchain4j.exception.HttpException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** Why a call to the provider failed, and whether a later attempt may succeed. */
record LlmFailure(String reason, boolean retryable, int statusCode, Duration retryAfter) {

  static LlmFailure of(Throwable error, Duration timeout) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException
          || t instanceof dev.langchain4j.exception.TimeoutException) {
        // A timeout is not retried: a slow model is likely slow again and the journey should move on.
        return new LlmFailure(FallbackKind.TIMEOUT.prefix() + timeout, false, 0, null);
      }
      if (t instanceof dev.langchain4j.exception.ContentFilteredException) {
        return new LlmFailure(FallbackKind.REFUSAL.prefix() + t.getMessage(), false, 0, null);
      }
      if (t instanceof HttpException h) {
        int status = h.statusCode();
        Duration retryAfter = h instanceof RetryAfterHttpException r ? r.retryAfter() : null;
        boolean retryable = status == 429 || status >= 500;
        String what = status == 429 ? FallbackKind.RATE_LIMITED.prefix() : FallbackKind.PROVIDER_ERROR.prefix() + status;
        return new LlmFailure(what, retryable, status, retryAfter);
      }
    }
    return new LlmFailure(FallbackKind.CALL_FAILED.prefix() + error.getClass().getSimpleName() + ": " + error.getMessage(),
        false, 0, null);
  }
}
