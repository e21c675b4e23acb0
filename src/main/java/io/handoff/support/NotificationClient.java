package io.handoff.support;

/** Delivers a trigger notification. Idempotent per {@link Notification#idempotencyKey()}. */
public interface NotificationClient {

  /**
   * Delivers or records the notification; a key seen before is not delivered again.
   *
   * @throws DeliveryException when delivery fails; {@link DeliveryException#retryable()} says whether a
   *     retry can help
   */
  DeliveryResult deliver(Notification notification);

  /** The outcome: key, whether it was a repeat, and the row status (recorded or sent). */
  record DeliveryResult(String idempotencyKey, boolean duplicate, String status) {}

  /** A failed delivery. 429, 5xx and timeouts are retryable; other 4xx are not. */
  final class DeliveryException extends RuntimeException {
    private final boolean retryable;

    public DeliveryException(String message, boolean retryable, Throwable cause) {
      super(message, cause);
      this.retryable = retryable;
    }

    public boolean retryable() {
      return retryable;
    }
  }
}
