package io.handoff.ticket;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A helpdesk call failed. {@link #retryable()} tells the activity whether Temporal's retry policy
 * should try again; {@link #retryAfter()} is the delay the helpdesk asked for (429 Retry-After).
 * {@link #details()} carries the helpdesk's per-field error details (Zendesk's 422 {@code details}).
 */
public class HelpdeskException extends RuntimeException {

  /** Why the call failed; decides whether a retry can help. */
  public enum Kind {
    UNAUTHORIZED(false), NOT_FOUND(false), INVALID(false), IDEMPOTENCY_CONFLICT(false),
    RATE_LIMITED(true), UNAVAILABLE(true), TIMEOUT(true);

    private final boolean retryable;

    Kind(boolean retryable) {
      this.retryable = retryable;
    }
  }

  private final Kind kind;
  private final int httpStatus;
  private final transient Duration retryAfter;
  private final transient Map<String, List<String>> details;

  public HelpdeskException(Kind kind, int httpStatus, String message, Duration retryAfter,
      Map<String, List<String>> details, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.httpStatus = httpStatus;
    this.retryAfter = retryAfter;
    this.details = details == null ? Map.of() : Map.copyOf(details);
  }

  public HelpdeskException(Kind kind, int httpStatus, String message) {
    this(kind, httpStatus, message, null, null, null);
  }

  public Kind kind() {
    return kind;
  }

  public boolean retryable() {
    return kind.retryable;
  }

  /** HTTP status of the helpdesk's answer; 0 when there was none (timeout, connection refused). */
  public int httpStatus() {
    return httpStatus;
  }

  /** Delay the helpdesk asked for before the next try, or null. */
  public Duration retryAfter() {
    return retryAfter;
  }

  public Map<String, List<String>> details() {
    return details;
  }
}
